// The tracker with the retailer's live stream (proxy mode): a change the kit announces is read at once,
// polling relaxes to a safety net only while the stream is healthy and comes back the moment it is not, and
// the stream is open only where it is useful (one tab, page shown, order not finished). Against the emulator
// through MSW; the stream and the clock move only when the test moves them.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { Sandbox, createSandboxHandlers } from '../../src/sandbox/index.js';
import { OrderTracker } from '../../src/tracking/tracker.js';
// Loaded up front, as a browser's cache would have it: the tracker's import() of the chunk then resolves in
// one turn, however long compiling it for the first time takes on a busy machine.
import '../../src/tracking/live-stream.js';
import {
  ManualStreams,
  RequestLog,
  manualEnvironment,
  memoryTabs,
  messagesDelivered,
  type ManualEnvironment,
} from '../../src/testing/index.js';

const KIT = 'https://shop.example/instacart';
const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

let env: ManualEnvironment & { openStream: ManualStreams['open'] };
let streams: ManualStreams;
let log: RequestLog;
let sandbox: Sandbox;
const trackers: OrderTracker[] = [];

beforeEach(() => {
  streams = new ManualStreams();
  env = { ...manualEnvironment(), openStream: streams.open };
  sandbox = new Sandbox({ now: () => env.clock.now(), seed: 3, schedule: () => () => {} });
  // The emulator stands behind the kit's path here; the kit would add the customer's token, so the test does.
  server.resetHandlers(...createSandboxHandlers(sandbox, { baseUrl: KIT }));
  env.clock.settleWith = async () => {
    await messagesDelivered();
    await log.idle();
    // The stream's chunk is a dynamic import: it resolves in a later turn.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
});
afterEach(() => {
  for (const t of trackers.splice(0)) t.stop();
  sandbox.dispose();
});

function picking() {
  const order = sandbox.createOrder({ fulfillmentType: 'delivery' });
  const shopper = sandbox.createShopper({ email: 'shopper@example.com', phone: '5550000002' });
  const batch = sandbox.createBatch({ batchType: 'delivery', shopperId: shopper.id, orders: [{ id: order.id }] });
  sandbox.advanceBatch(batch.id, 'picking');
  const token = sandbox.userToken(order.userId).access_token;
  log = new RequestLog(
    () => env.clock.now(),
    (input, init) => {
      const request = new Request(input, init);
      request.headers.set('Authorization', `Bearer ${token}`);
      return fetch(request);
    },
  );
  return { ...order, shopperId: shopper.id };
}

function track(orderId: string, options: { proxy?: boolean; token?: string; tabEnv?: typeof env } = { proxy: true }) {
  const tracker = new OrderTracker({
    apiBase: `${KIT}/`,
    orderId,
    pollIntervalSeconds: 15,
    tokens: options.proxy ? { proxy: true } : { token: options.token },
    fetch: log.fetch,
    env: options.tabEnv ?? env,
  });
  trackers.push(tracker);
  tracker.subscribe({ needs: ['order', 'items', 'handling', 'location'], primary: [], onSnapshot: () => {}, onNotice: () => {} });
  return tracker;
}

/** A tracker in proxy mode whose first reads are done and whose live stream is ready (a second ago). */
async function streaming(orderId: string, tabEnv?: typeof env): Promise<OrderTracker> {
  const tracker = track(orderId, { proxy: true, tabEnv });
  await env.clock.advance(0);
  streams.latest?.send('ready', { heartbeat_ms: 20_000 });
  await env.clock.advance(1_000);
  return tracker;
}

describe('live updates in the tracker', () => {
  it('opens one stream for the order after the first answer, on the kit’s path, with no token in it', async () => {
    const order = picking();
    track(order.id);
    assert.equal(streams.opened.length, 0, 'the first read waits for no stream');
    await env.clock.advance(0);
    assert.equal(streams.opened.length, 1);
    assert.equal(streams.latest?.url, `${KIT}/events?order=${order.id}`);
    env.visibility.set(false);
    await env.clock.advance(1_000);
    assert.equal(streams.live.length, 0, 'a hidden page keeps no stream open');
    env.visibility.set(true);
    await env.clock.advance(1_000);
    assert.equal(streams.live.length, 1, 'shown again: streaming again');
  });

  it('a change the kit announces is read at once, not at the next poll; names it does not know read nothing', async () => {
    const order = picking();
    const tracker = await streaming(order.id);
    const item = order.lineItems[0]!;
    sandbox.updateItem(order.shopperId, order.id, item.lineNum, { status: 'found' });
    log.clear();
    streams.latest?.send('changed', { resources: ['items', 'basket', 'constructor'] }, 'e.1');
    await env.clock.advance(0);
    assert.deepEqual(
      log.requests.map((r) => r.resource),
      ['items'],
    );
    assert.equal(tracker.current.items?.find((i) => i.lineNum === item.lineNum)?.status, 'found');
  });

  it('a change made while the stream was opening is read once it is ready, not at the slow safety net', async () => {
    const order = picking();
    const tracker = track(order.id);
    await env.clock.advance(0);
    sandbox.forceState(order.id, 'verifying_replacements');
    streams.latest?.send('ready', { heartbeat_ms: 20_000 });
    await env.clock.advance(5_000);
    assert.equal(tracker.current.order?.workflowState, 'verifying_replacements');
  });

  it('while the stream is healthy the order is polled as a slow safety net; when it fails, at the normal pace at once', async () => {
    const order = picking();
    track(order.id);
    await env.clock.advance(0);
    log.clear();
    await env.clock.advance(10 * 60_000);
    const polling = log.count('order');
    assert.ok(polling >= 35, `without a stream the order is read about every 15 s (${polling} in 10 min)`);

    streams.latest?.send('ready', { heartbeat_ms: 20_000 });
    log.clear();
    // The kit's heartbeat every 20 s keeps the stream alive for ten minutes.
    for (let beat = 0; beat < 30; beat += 1) {
      streams.latest?.send('heartbeat', {});
      await env.clock.advance(20_000);
    }
    const relaxed = log.count('order');
    assert.ok(relaxed <= polling / 6, `healthy stream: ${relaxed} order reads in 10 min against ${polling}`);

    streams.latest?.send('fallback', { retry_after: 120 });
    log.clear();
    await env.clock.advance(60_000);
    assert.ok(log.count('order') >= 3, 'the kit can no longer push: polling at the normal pace');
  });

  it('a stream that goes silent for 2.5 heartbeats counts as dead: polling resumes and a new stream resumes after the last event', async () => {
    const order = picking();
    track(order.id);
    await env.clock.advance(0);
    streams.latest?.send('ready', { heartbeat_ms: 20_000 }, 'k.7');
    log.clear();
    await env.clock.advance(50_000);
    assert.equal(streams.opened[0]?.closed, true);
    await env.clock.advance(60_000);
    assert.ok(log.count('order') >= 3, `polled while the stream was dead (${log.count('order')})`);
    assert.equal(streams.latest?.url, `${KIT}/events?order=${order.id}&last_event_id=k.7`);
  });

  it('a page that is hidden (or closed) asks nothing as its stream closes', async () => {
    const order = picking();
    const tabEnv = { ...env, visibility: manualEnvironment().visibility, tabs: memoryTabs() };
    await streaming(order.id, tabEnv);
    log.clear();
    tabEnv.visibility.set(false);
    await env.clock.advance(1_000);
    assert.equal(streams.live.length, 0);
    assert.deepEqual(log.requests.map((r) => r.resource), []);
  });

  it('a stream that fails as its page is closed costs no read in the moment the page takes to go; a real failure reads a second later', async () => {
    const order = picking();
    await streaming(order.id);
    log.clear();
    streams.latest?.fail(false);
    await env.clock.advance(500);
    assert.deepEqual(log.requests.map((r) => r.resource), [], 'a closing page is gone before this');
    await env.clock.advance(500);
    assert.deepEqual(log.requests.map((r) => r.resource).sort(), ['items', 'order'], 'the catch-up reads, at the normal pace from now on');
  });

  it('a page shown again polls at the normal pace until its new stream is ready', async () => {
    const order = picking();
    await streaming(order.id);
    env.visibility.set(false);
    await env.clock.advance(1_000);
    env.visibility.set(true);
    await env.clock.advance(1_000);
    assert.equal(streams.live.length, 1, 'a new stream, not ready yet');
    log.clear();
    await env.clock.advance(5 * 60_000);
    assert.ok(log.count('order') >= 17, `about every 15 s while no stream is ready (${log.count('order')} in 5 min)`);
  });

  it('no stream with a token (no kit behind the page), none in a following tab, none while hidden, none once delivered', async () => {
    const order = picking();
    const token = sandbox.userToken(order.userId).access_token;
    track(order.id, { token });
    await env.clock.advance(0);
    assert.equal(streams.opened.length, 0, 'token mode: Connect itself has no stream');

    const tabs = memoryTabs();
    const leaderEnv = { ...env, visibility: manualEnvironment().visibility, tabs };
    const followerEnv = { ...env, visibility: manualEnvironment().visibility, tabs };
    track(order.id, { proxy: true, tabEnv: leaderEnv });
    await env.clock.advance(0);
    track(order.id, { proxy: true, tabEnv: followerEnv });
    await env.clock.advance(1_000);
    assert.equal(streams.live.length, 1, 'one stream for the order in this browser, in the leading tab');

    leaderEnv.visibility.set(false);
    followerEnv.visibility.set(false);
    await env.clock.advance(1_000);
    assert.equal(streams.live.length, 0, 'a hidden page keeps no stream open');
    leaderEnv.visibility.set(true);
    await env.clock.advance(1_000);
    assert.equal(streams.live.length, 1, 'shown again: streaming again');

    sandbox.forceState(order.id, 'delivered');
    streams.latest?.send('ready', { heartbeat_ms: 20_000 });
    streams.latest?.send('changed', { resources: ['order'] });
    await env.clock.advance(1_000);
    assert.equal(streams.live.length, 0, 'delivered: nothing more will change');
  });
});
