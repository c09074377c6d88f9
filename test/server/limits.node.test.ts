// Limits a retailer relies on so one customer, one broken page or a slow Connect cannot hurt the others:
// Connect's own rate limit passes through, each customer has one of their own, Connect gets a deadline, and
// bodies have a size.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen, orderPath, pendingReplacement, startKit, type Kit } from './harness.js';

describe("server kit: Connect's rate limit and the customer's", () => {
  let kit: Kit;
  let orderA: string;
  let orderB: string;

  before(async () => {
    kit = await startKit({ rateLimit: { burst: 3, perSecond: 1 } });
    orderA = kit.sandbox.createOrder({ userId: 'customer-a' }).id;
    orderB = kit.sandbox.createOrder({ userId: 'customer-b' }).id;
  });
  after(() => kit.close());
  afterEach(async () => {
    kit.sandbox.faults.clear();
    await kit.clock.advance(60_000); // every bucket full again
  });

  it("passes Connect's 429 and its Retry-After through to the page", async () => {
    kit.sandbox.faults.add({ path: `/v2/post_checkout/orders/${orderA}`, status: 429, headers: { 'Retry-After': '7' }, count: 1 });
    const answer = await kit.get(orderPath(orderA), 'customer-a');
    assert.equal(answer.status, 429);
    assert.equal(answer.headers.get('Retry-After'), '7');
    assert.deepEqual(answer.json, { error: { message: 'Too many requests, retry later', code: 2003 } });
  });

  it('limits each customer on their own, answers 429 with Retry-After, and lets them on once it has passed', async () => {
    const before = kit.forwarded().length;
    const burst = await Promise.all([1, 2, 3, 4, 5].map(() => kit.get(orderPath(orderA), 'customer-a')));
    assert.deepEqual(burst.map((answer) => answer.status).sort(), [200, 200, 200, 429, 429]);
    const limited = burst.find((answer) => answer.status === 429)!;
    assert.equal(limited.headers.get('Retry-After'), '1');
    assert.equal(limited.json.error.code, 2003);
    assert.equal(kit.forwarded().length - before, 3, 'the limited requests never reached Connect');

    assert.equal((await kit.get(orderPath(orderB), 'customer-b')).status, 200, 'another customer is not affected');
    assert.equal((await kit.get('/instacart/token', 'customer-a')).status, 429, 'the token route counts too');

    await kit.clock.advance(1000);
    assert.equal((await kit.get(orderPath(orderA), 'customer-a')).status, 200);
    assert.equal((await kit.get(orderPath(orderA), 'customer-a')).status, 429);
  });

  it('the default limit leaves room for the widget polling four orders at once', async () => {
    const roomy = await startKit();
    try {
      const orders = [1, 2, 3, 4].map(() => roomy.sandbox.createOrder({ userId: 'customer-a' }).id);
      // A page load (order, items, handling, location and the token for each order), then
      // polling order, items and location every 15 s.
      // (Five minutes of it: the bucket would be empty long before if the limit were too tight.)
      const load = await Promise.all(orders.flatMap((id) => ['', '/items', '/handling', '/location'].map((s) => roomy.get(orderPath(id, s), 'customer-a'))));
      assert.ok(load.every((answer) => answer.status === 200));
      for (let tick = 0; tick < 20; tick += 1) {
        await roomy.clock.advance(15_000);
        const poll = await Promise.all(orders.flatMap((id) => ['', '/items', '/location'].map((s) => roomy.get(orderPath(id, s), 'customer-a'))));
        assert.ok(poll.every((answer) => answer.status === 200), `tick ${tick}`);
      }
      // …while a page stuck in a loop is cut off after the burst.
      const stuck = roomy.sandbox.createOrder({ userId: 'customer-b' }).id;
      const loop = [];
      for (let i = 0; i < 40; i += 1) loop.push((await roomy.get(orderPath(stuck), 'customer-b')).status);
      assert.deepEqual(loop, [...Array(30).fill(200), ...Array(10).fill(429)]);
    } finally {
      await roomy.close();
    }
  });
});

describe('server kit: deadlines and sizes', () => {
  it('answers 504 when Connect does not answer within the timeout', async () => {
    let arrived: () => void = () => {};
    const callArrived = new Promise<void>((resolve) => (arrived = resolve));
    // A Connect that mints tokens but never answers a post-checkout call.
    const stalled = await listen((request: IncomingMessage, response: ServerResponse) => {
      if (request.url === '/v2/oauth/token') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ access_token: 'stalled-token', token_type: 'Bearer', expires_in: 86400 }));
      } else arrived();
    });
    const kit = await startKit({ connectUrl: stalled.url, upstreamTimeoutMs: 8000 });
    try {
      const pending = kit.get(orderPath('a3e30880-10b5-445e-a525-7dae3e2e15b3'), 'customer-a');
      await callArrived;
      await kit.clock.advance(7999);
      await kit.clock.advance(1);
      const answer = await pending;
      assert.equal(answer.status, 504);
      assert.deepEqual(answer.json, { error: { message: 'Connect did not answer in time', code: 2003 } });
      assert.ok(kit.logs.some((entry) => entry.event === 'upstream_timeout'));
    } finally {
      await kit.close();
      await stalled.close();
    }
  });

  describe('bodies', () => {
    let kit: Kit;
    before(async () => (kit = await startKit({ maxRequestBytes: 1024, maxResponseBytes: 64 * 1024 })));
    after(() => kit.close());

    it('refuses a request body over the limit with 413, before Connect sees it', async () => {
      const { orderId, itemId } = pendingReplacement(kit, 'customer-a');
      const answer = await kit.browser('PUT', orderPath(orderId, `/items/${itemId}/replacement`), {
        user: 'customer-a',
        headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
        body: JSON.stringify({ status: 'REJECTED', note: 'x'.repeat(2000) }),
      });
      assert.equal(answer.status, 413);
      assert.deepEqual(answer.json.meta, { key: 'body' });
      assert.equal(kit.forwarded().length, 0);
    });

    it('answers 502 instead of relaying an answer from Connect over the limit', async () => {
      const orderId = kit.sandbox.createOrder({ userId: 'customer-b' }).id;
      kit.sandbox.faults.add({ path: `/v2/post_checkout/orders/${orderId}/items`, status: 200, body: JSON.stringify({ line_items: [], pad: 'x'.repeat(100_000) }), count: 1 });
      const answer = await kit.get(orderPath(orderId, '/items'), 'customer-b');
      assert.equal(answer.status, 502);
      assert.deepEqual(answer.json, { error: { message: "Connect's answer was larger than this server accepts", code: 5000 } });
      assert.equal((await kit.get(orderPath(orderId, '/items'), 'customer-b')).status, 200, 'a normal answer still passes');
    });
  });
});
