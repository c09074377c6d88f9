// Injected faults: a status, headers such as Retry-After, a malformed body, a delay, for `count` requests.
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
    await h.call('POST', '/__sandbox/faults', { body: { path: '^/v2/post_checkout/orders/[^/]+/items$', method: 'get', status: 200, body: '{"line_items": [' } });
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
    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: '^(' } }), 400, 1001, 'path');
    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: '/v2', status: 99 } }), 400, 1001, 'status');
    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: '/v2', count: 0 } }), 400, 1001, 'count');
    assertError(await h.call('POST', '/__sandbox/faults', { body: { path: '/v2', headers: { 'Retry-After': 3 } } }), 400, 1001, 'headers');
  });

  it('faults never touch the dev controls, so a catch-all can still be cleared', async () => {
    const h = harness();
    await h.call('POST', '/__sandbox/faults', { body: { path: '/', status: 500 } });
    assert.equal((await h.call('GET', '/__sandbox/orders')).status, 200);
    assert.equal((await h.call('DELETE', '/__sandbox/faults')).status, 200);
  });
});
