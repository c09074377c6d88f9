// Failures as the emulator injects them (its /__sandbox/faults registry), through the shared tracker, with a
// manual clock: what the customer keeps seeing, what is reported, and when the next request goes out.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { Sandbox, createSandboxHandlers } from '../../src/sandbox/index.js';
import { OrderTracker } from '../../src/tracking/tracker.js';
import type { OrderErrorDetail, OrderNotice } from '../../src/tracking/order-notices.js';
import { RequestLog, manualEnvironment, type ManualEnvironment } from '../../src/testing/index.js';

const API = 'http://sandbox.test';
const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

let env: ManualEnvironment;
let log: RequestLog;
let sandbox: Sandbox;
let tracker: OrderTracker | undefined;

beforeEach(() => {
  env = manualEnvironment(() => 0.5);
  log = new RequestLog(() => env.clock.now());
  env.clock.settleWith = () => log.idle();
  sandbox = new Sandbox({ now: () => env.clock.now(), seed: 3, schedule: () => () => {} });
  server.resetHandlers(...createSandboxHandlers(sandbox, { baseUrl: API }));
});
afterEach(() => {
  tracker?.stop();
  sandbox.dispose();
});

function open(state: string, tokens: ConstructorParameters<typeof OrderTracker>[0]['tokens'] | 'user' = 'user') {
  const order = sandbox.createOrder({ fulfillmentType: 'delivery' });
  sandbox.forceState(order.id, state);
  const errors: OrderErrorDetail[] = [];
  const onNotice = (notice: OrderNotice) => {
    if (notice.type === 'order-error') errors.push(notice.detail);
  };
  tracker = new OrderTracker({
    apiBase: API,
    orderId: order.id,
    pollIntervalSeconds: 10,
    tokens: tokens === 'user' ? { token: sandbox.userToken(order.userId).access_token } : tokens,
    fetch: log.fetch,
    env,
  });
  tracker.subscribe({ needs: [], primary: [], onSnapshot: () => {}, onNotice });
  const t = tracker;
  return { order, errors, snapshot: () => t.current };
}


describe('against the emulator’s faults', () => {
  it('503 × 5 then success: backoff gaps, the order stays on screen, then the normal interval', async () => {
    const { order, snapshot, errors } = open('acknowledged');
    await env.clock.advance(0);
    const shown = snapshot().order;
    sandbox.faults.add({ endpoint: 'order', orderId: order.id, status: 503, count: 5 });
    const from = env.clock.now();
    await env.clock.advance(600_000);
    const times = log.requests.filter((r) => r.resource === 'order' && r.at > from).map((r) => (r.at - from) / 1000);
    // First poll at 10 s fails; waits of min(5 min, 10 s·2^n)·0.5: 10, 20, 40, 80, then the interval.
    assert.deepEqual(times.slice(0, 7), [10, 20, 40, 80, 160, 310, 320]);
    assert.equal(snapshot().order, shown, 'the same order object stayed on screen throughout');
    assert.equal(snapshot().condition, 'live');
    assert.deepEqual(errors.map((e) => [e.resource, e.kind, e.status]), [['order', 'server', 503]]);
  });

  it('429 with Retry-After: 7 waits at least 7 s', async () => {
    env.random = () => 0;
    const { order } = open('acknowledged');
    await env.clock.advance(0);
    sandbox.faults.add({ endpoint: 'order', orderId: order.id, status: 429, headers: { 'Retry-After': '7' }, count: 1 });
    const from = env.clock.now();
    await env.clock.advance(30_000);
    const times = log.requests.filter((r) => r.resource === 'order' && r.at > from).map((r) => (r.at - from) / 1000);
    assert.equal(times[0], 10);
    assert.equal(times[1], 17, 'the retry came 7 s after the 429, not sooner');
  });

  it('a malformed body and a wrong-shaped one keep the last good data and are reported as invalid_response', async () => {
    const { order, snapshot, errors } = open('picking');
    await env.clock.advance(0);
    const items = snapshot().items;
    sandbox.faults.add({ endpoint: 'items', orderId: order.id, status: 200, body: '{"line_items": [', count: 1 });
    sandbox.faults.add({ endpoint: 'items', orderId: order.id, status: 200, body: '{"line_items": {"id": 1}}', count: 1 });
    await env.clock.advance(120_000);
    assert.equal(snapshot().items, items);
    assert.deepEqual(errors.map((e) => e.kind), ['invalid_response']);
    assert.equal(snapshot().condition, 'live');
  });

  it('404 on the order: not found, and nothing more is asked', async () => {
    const { order, snapshot } = open('picking');
    sandbox.faults.add({ endpoint: 'order', orderId: order.id, status: 404 });
    await env.clock.advance(0);
    assert.equal(snapshot().condition, 'not_found');
    const from = env.clock.now();
    await env.clock.advance(3_600_000);
    assert.equal(log.requests.filter((r) => r.at > from).length, 0);
  });

  it('shopper details redacted: 403 on location says "not shared" and stops only the location', async () => {
    const { order, snapshot } = open('delivering');
    sandbox.setShopperPiiRedacted({ orderId: order.id }, true);
    await env.clock.advance(0);
    assert.equal(snapshot().locationShared, false);
    const from = env.clock.now();
    await env.clock.advance(60_000);
    assert.equal(log.count('location', from + 1), 0);
    assert.equal(log.count('order', from + 1), 6);
  });

  it('an expired token is replaced once from the token URL; a second 401 means sign in again', async () => {
    const order = sandbox.createOrder({ fulfillmentType: 'delivery' });
    const first = sandbox.userToken(order.userId).access_token;
    let tokenRequests = 0;
    const tokenFetch = (async () => {
      tokenRequests += 1;
      return Response.json({ access_token: sandbox.userToken(order.userId).access_token, expires_in: 86400 });
    }) as typeof fetch;
    tracker = new OrderTracker({
      apiBase: API,
      orderId: order.id,
      pollIntervalSeconds: 10,
      tokens: { token: first, tokenUrl: '/instacart/token' },
      fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
        String(input).startsWith('/instacart') ? tokenFetch(input, init) : log.fetch(input, init)) as typeof fetch,
      env,
    });
    tracker.subscribe({ needs: [], primary: [], onSnapshot: () => {}, onNotice: () => {} });
    sandbox.forceState(order.id, 'picking');
    await env.clock.advance(0);
    sandbox.tokens.expire(first);
    await env.clock.advance(10_000);
    assert.equal(tokenRequests, 1, 'order and items failed together: one token request');
    assert.equal(tracker.current.condition, 'live');
    // Now every token is refused: after one more refresh the widget gives up.
    sandbox.faults.add({ path: '/v2/post_checkout', status: 401 });
    await env.clock.advance(10_000);
    assert.equal(tracker.current.condition, 'auth');
    const from = env.clock.now();
    await env.clock.advance(600_000);
    assert.equal(log.requests.filter((r) => r.at > from).length, 0);
  });

  it('answering a replacement shows the answer at once; an answer given elsewhere (400) is read back', async () => {
    const order = sandbox.createOrder({ fulfillmentType: 'delivery' });
    const shopper = sandbox.createShopper({ email: 's@example.com', phone: '5550009999' });
    const batch = sandbox.createBatch({ batchType: 'delivery', shopperId: shopper.id, orders: [{ id: order.id }] });
    sandbox.advanceBatch(batch.id, 'picking');
    const [first, second] = order.lineItems;
    sandbox.updateItem(shopper.id, order.id, first!.lineNum, { status: 'replaced' });
    sandbox.updateItem(shopper.id, order.id, second!.lineNum, { status: 'replaced' });
    tracker = new OrderTracker({
      apiBase: API,
      orderId: order.id,
      pollIntervalSeconds: 10,
      tokens: { token: sandbox.userToken(order.userId).access_token },
      fetch: log.fetch,
      env,
    });
    tracker.subscribe({ needs: [], primary: [], onSnapshot: () => {}, onNotice: () => {} });
    await env.clock.advance(0);
    const statusOf = (id: string) => tracker!.current.items?.find((i) => i.id === id)?.replacementStatus;
    assert.equal(statusOf(first!.id), 'PENDING');
    await tracker.decideReplacement(first!.id, 'APPROVED');
    assert.equal(statusOf(first!.id), 'APPROVED', 'shown before any poll');
    await env.clock.settle();
    // The customer answered the second one in another window; this page still shows it pending.
    sandbox.decideReplacement(order.userId, order.id, second!.id, { status: 'REJECTED' });
    const before = log.count('items');
    await assert.rejects(tracker.decideReplacement(second!.id, 'APPROVED'), (e: unknown) => (e as { kind?: string }).kind === 'bad_request');
    await env.clock.settle();
    assert.equal(log.count('items'), before + 1, 'the items were read again at once');
    assert.equal(statusOf(second!.id), 'REJECTED');
  });
});
