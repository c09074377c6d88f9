// Injected faults: a status, headers such as Retry-After, a malformed body, a delay, for `count` requests;
// aimed at a path, or at one post-checkout endpoint of one order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, harness, newOrder } from './harness.js';

describe('sandbox faults', () => {
  it('a status with Retry-After for count requests, then the real answer again', async () => {
    const h = harness();
    const order = await newOrder(h);
    const fault = await h.call('POST', '/__sandbox/faults', {
      body: { path: '/v2/post_checkout/orders', status: 429, headers: { 'Retry-After': '3' }, count: 2 },
    });
    assert.equal(fault.status, 201, fault.text);
    assert.equal(fault.json.remaining, 2);
    const read = () => h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: order.access_token });
    for (let i = 0; i < 2; i += 1) {
      const limited = await read();
      assertError(limited, 429, 2003);
      assert.equal(limited.headers.get('Retry-After'), '3');
      assert.equal(limited.headers.get('Access-Control-Allow-Origin'), '*');
    }
    assert.equal((await read()).status, 200, 'the fault is used up');
    assert.deepEqual((await h.call('GET', '/__sandbox/faults')).json, { faults: [] });
  });

  it('a malformed body with status 200, only for the matching method and path', async () => {
    const h = harness();
    const order = await newOrder(h);
    await h.call('POST', '/__sandbox/faults', { body: { path: `/v2/post_checkout/orders/${order.order_id}/items`, method: 'get', status: 200, body: '{"line_items": [' } });
    const items = await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token });
    assert.equal(items.status, 200);
    assert.equal(items.text, '{"line_items": [');
    assert.equal((await h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: order.access_token })).status, 200);
    assert.equal((await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/handling`, { token: order.access_token })).status, 200);
    const listed = (await h.call('GET', '/__sandbox/faults')).json.faults;
    assert.equal(listed.length, 1);
    assert.equal(listed[0].hits, 1);
    assert.equal(listed[0].remaining, null);
    assert.deepEqual((await h.call('DELETE', '/__sandbox/faults')).json, { removed: 1 });
    const after = await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token });
    assert.equal(after.json.line_items.length, 6);
  });

  it('5xx defaults, delays that fall through, delete by id, and bad specs', async () => {
    const h = harness();
    const order = await newOrder(h);
    const path = `/v2/post_checkout/orders/${order.order_id}`;
    const fault = await h.call('POST', '/__sandbox/faults', { body: { path } });
    assertError(await h.call('GET', path, { token: order.access_token }), 500, 5000);
    assert.deepEqual((await h.call('DELETE', `/__sandbox/faults/${fault.json.id}`)).json, { removed: 1 });
    assertError(await h.call('DELETE', `/__sandbox/faults/${fault.json.id}`), 404, 4000, 'fault_id');

    await h.call('POST', '/__sandbox/faults', { body: { path, status: 503, count: 1 } });
    assertError(await h.call('GET', path, { token: order.access_token }), 503, 2003);

    await h.call('POST', '/__sandbox/faults', { body: { path, delay_ms: 30, count: 1 } });
    const started = Date.now();
    const slow = await h.call('GET', path, { token: order.access_token });
    assert.equal(slow.status, 200);
    assert.ok(Date.now() - started >= 25, 'delayed');

    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: 'v2' } }), 400, 1001, 'path');
    // A path is a plain prefix: a pattern would let one request stall the emulator (`^/v2/(a+)+$`).
    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: '^/v2/(a+)+$' } }), 400, 1001, 'path', /not a pattern/);
    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: `/${'a'.repeat(3000)}` } }), 400, 1001, 'path');
    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: '/v2', status: 99 } }), 400, 1001, 'status');
    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: '/v2', count: 0 } }), 400, 1001, 'count');
    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: '/v2', headers: { 'Retry-After': 3 } } }), 400, 1001, 'headers');
  });

  it('a fault carries only headers an answer can carry, and at most 100 are in force', async () => {
    const h = harness();
    for (const headers of [{ 'bad name': 'x' }, { 'X-Ok': 'line\r\nbreak' }, { 'Content-Length': '5' }, { 'Access-Control-Allow-Origin': '*' }]) {
      assertError(await h.call('POST', '/__sandbox/faults', { body: { path: '/v2', headers } }), 400, 1001, 'headers');
    }
    for (let i = 0; i < 100; i += 1) assert.equal((await h.call('POST', '/__sandbox/faults', { body: { path: `/v2/${i}`, status: 418 } })).status, 201);
    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: '/v2/one-more' } }), 400, 4001);
    assert.equal((await h.call('DELETE', '/__sandbox/faults')).json.removed, 100);
  });

  it('faults never touch the dev controls, so a catch-all can still be cleared', async () => {
    const h = harness();
    await h.call('POST', '/__sandbox/faults', { body: { path: '/', status: 500 } });
    assert.equal((await h.call('GET', '/__sandbox/orders')).status, 200);
    assert.equal((await h.call('DELETE', '/__sandbox/faults')).status, 200);
  });

  it('a fault aimed at an endpoint answers only a request the endpoint would answer, and only for its order', async () => {
    const h = harness();
    const mine = await newOrder(h, { user_id: 'me' });
    const other = await newOrder(h, { user_id: 'me' });
    const theirs = await newOrder(h, { user_id: 'them' });
    const added = await h.call('POST', '/__sandbox/faults', { body: { endpoint: 'items', order_id: mine.order_id, status: 503, count: 2 } });
    assert.equal(added.status, 201, added.text);
    assert.equal(added.json.endpoint, 'items');
    assert.equal(added.json.order_id, mine.order_id);
    const items = (orderId: string, token?: string) => h.call('GET', `/v2/post_checkout/orders/${orderId}/items`, { token });
    assertError(await items(mine.order_id), 401, null);
    assertError(await items(mine.order_id, theirs.access_token), 404, 4000, 'order_id');
    assert.equal((await items(other.order_id, mine.access_token)).status, 200, 'another order of the same user');
    assert.equal((await h.call('GET', `/v2/post_checkout/orders/${mine.order_id}`, { token: mine.access_token })).status, 200, 'another endpoint');
    assertError(await items(mine.order_id, mine.access_token), 503, 2003);
    assert.equal((await h.call('GET', '/__sandbox/faults')).json.faults[0].remaining, 1, 'refused requests did not use it up');
  });

  it('a fault names a path or an endpoint, and an order only with an endpoint', async () => {
    const h = harness();
    assertError(await h.call('POST', '/__sandbox/faults', { body: { status: 500 } }), 400, 1001, 'path');
    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: '/v2', endpoint: 'order' } }), 400, 1001, 'path');
    assertError(await h.call('POST', '/__sandbox/faults', { body: { endpoint: 'batches' } }), 400, 1001, 'endpoint');
    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: '/v2', order_id: 'x' } }), 400, 1001, 'order_id');
  });

  it('from code: an answer read per request, a one-off fault before it, and an answer held back until released', async () => {
    const h = harness();
    const order = await newOrder(h);
    const script = { workflow_state: 'teleporting' };
    h.sandbox.faults.add({ endpoint: 'order', orderId: order.order_id, answer: () => ({ json: { ...script } }) });
    const read = () => h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: order.access_token });
    assert.deepEqual((await read()).json, { workflow_state: 'teleporting' });
    script.workflow_state = 'beamed_up';
    assert.deepEqual((await read()).json, { workflow_state: 'beamed_up' }, 'what the script says now');
    h.sandbox.faults.add({ endpoint: 'order', orderId: order.order_id, status: 500, count: 1 });
    assertError(await read(), 500, 5000);
    assert.equal((await read()).json.workflow_state, 'beamed_up', 'the one-off is used up');

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    h.sandbox.faults.add({ endpoint: 'items', orderId: order.order_id, count: 1, answer: () => held.then(() => ({ json: { line_items: [] } })) });
    let answered = false;
    const late = h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token }).then((result) => {
      answered = true;
      return result;
    });
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(answered, false, 'held back');
    release();
    assert.deepEqual((await late).json, { line_items: [] });
  });

  it('from code: an answer to a replacement decision sees the JSON the customer sent', async () => {
    const h = harness();
    const order = await newOrder(h);
    const bodies: unknown[] = [];
    const answer409 = ({ body }: { body: unknown }) => {
      bodies.push(body);
      return { status: 409 };
    };
    h.sandbox.faults.add({ endpoint: 'replacement', orderId: order.order_id, answer: answer409 });
    const answer = await h.call('PUT', `/v2/post_checkout/orders/${order.order_id}/items/any/replacement`, {
      token: order.access_token,
      body: { status: 'APPROVED' },
    });
    assertError(answer, 409, 4001);
    assert.deepEqual(bodies, [{ status: 'APPROVED' }]);
  });
});
