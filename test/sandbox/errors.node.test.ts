// Every documented precondition answers in Connect's error shape (docs/connect-api.md §3, §5).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, harness, newOrder, newShopper } from './harness.js';

async function setup() {
  const h = harness();
  const order = await newOrder(h);
  const shopperId = await newShopper(h, order.client_token);
  return { h, order, shopperId, client: order.client_token };
}

describe('sandbox API errors', () => {
  it('shoppers: duplicate phone, invalid email or phone → 400/1001 with the key', async () => {
    const { h, client } = await setup();
    const create = (body: unknown) => h.call('POST', '/v2/fulfillment_sandbox/shoppers', { token: client, body });
    assertError(await create({ email: 'other@example.com', phone: '(555) 010-0100' }), 400, 1001, 'phone', 'Phone has already been taken');
    assertError(await create({ email: 'not-an-email', phone: '5550100101' }), 400, 1001, 'email', 'Invalid email');
    assertError(await create({ phone: '5550100101' }), 400, 1001, 'email');
    assertError(await create({ email: 'ok@example.com', phone: '12ab' }), 400, 1001, 'phone', 'Invalid phone');
    assertError(await create({ email: 'ok@example.com', phone: '123' }), 400, 1001, 'phone', 'Invalid phone');
    const ok = await create({ email: 'ok@example.com', phone: 5550100101 });
    assert.equal(ok.status, 200);
    assert.equal(typeof ok.json.id, 'number');
  });

  it('a long email is refused at once, not matched for seconds', async () => {
    const { h, client } = await setup();
    const started = Date.now();
    const answer = await h.call('POST', '/v2/fulfillment_sandbox/shoppers', { token: client, body: { email: `a@${'.'.repeat(200_000)} `, phone: '5550100102' } });
    assertError(answer, 400, 1001, 'email', 'Invalid email');
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
    assertError(await h.call('POST', '/v2/fulfillment_sandbox/shoppers', { token: client, body: { email: `a@b${'.c'.repeat(60_000)}`, phone: '5550100103' } }), 400, 1001, 'email');
  });

  it('a body over 1 MiB is 413 in Connect shape, under MSW as over HTTP', async () => {
    const { h, client } = await setup();
    const big = JSON.stringify({ email: 'ok@example.com', phone: '5550100104', password: 'x'.repeat(1024 * 1024) });
    assertError(await h.call('POST', '/v2/fulfillment_sandbox/shoppers', { token: client, raw: big }), 413, 1001, 'body');
    assertError(await h.call('POST', '/__sandbox/orders', { raw: big, headers: { 'Content-Length': String(big.length) } }), 413, 1001, 'body');
    assert.equal(h.sandbox.listOrders().length, 1, 'nothing was created');
  });

  it('batches: unknown shopper, unknown order, wrong type, bad batch_type and status', async () => {
    const { h, order, shopperId, client } = await setup();
    const create = (body: unknown) => h.call('POST', '/v2/fulfillment_sandbox/batches', { token: client, body });
    const orders = [{ id: order.order_id }];
    assertError(await create({ batch_type: 'delivery', shopper_id: 1, orders }), 400, 1001, 'shopper_id', 'Shopper not found');
    assertError(await create({ batch_type: 'delivery', shopper_id: shopperId, orders: [{ id: 'nope' }] }), 400, 1001, 'orders', 'Order not found');
    assertError(await create({ batch_type: 'pickup', shopper_id: shopperId, orders }), 400, 1001, 'orders', 'Orders unbatchable');
    assertError(await create({ batch_type: 'drone', shopper_id: shopperId, orders }), 400, 1001, 'batch_type');
    assertError(await create({ batch_type: 'delivery', shopper_id: shopperId, orders: [] }), 400, 1001, 'orders');
    assertError(await create({ batch_type: 'delivery', shopper_id: 'x', orders }), 400, 1001, 'shopper_id');
    assertError(await create({ batch_type: 'delivery', shopper_id: shopperId, orders, workflow_state: 'at_store' }), 400, 1001, 'workflow_state');
    assert.equal((await create({ batch_type: 'delivery', shopper_id: shopperId, orders })).status, 200);
    assertError(await create({ batch_type: 'delivery', shopper_id: shopperId, orders }), 400, 1001, 'orders', 'Orders unbatchable');
  });

  it('advance: unknown batch → 404/4000; a status that is not later or not of the type → 1001', async () => {
    const { h, order, shopperId, client } = await setup();
    assertError(await h.call('POST', '/v2/fulfillment_sandbox/batches/999/advance', { token: client }), 404, 4000, 'batch_id');
    assertError(await h.call('POST', '/v2/fulfillment_sandbox/batches/abc/advance', { token: client }), 404, 4000, 'batch_id');
    const batch = await h.call('POST', '/v2/fulfillment_sandbox/batches', {
      token: client,
      body: { batch_type: 'delivery', shopper_id: shopperId, orders: [{ id: order.order_id }] },
    });
    const advance = (body?: unknown) => h.call('POST', `/v2/fulfillment_sandbox/batches/${batch.json.id}/advance`, { token: client, body });
    assertError(await advance({ workflow_state: 'brand_new' }), 400, 1001, 'workflow_state');
    assertError(await advance({ workflow_state: 'acknowledged' }), 400, 1001, 'workflow_state');
    assertError(await advance({ workflow_state: 'at_store' }), 400, 1001, 'workflow_state');
    assertError(await h.call('POST', `/v2/fulfillment_sandbox/batches/${batch.json.id}/advance`, { token: client, raw: '{"workflow_state":' }), 400, 1001, 'body', 'Malformed JSON body');
    assert.equal((await advance({ workflow_state: 'completed' })).json.workflow_state, 'completed');
    assertError(await advance(), 400, 4001, 'batch_id');
  });

  it('item updates: unknown shopper, order or line; bad status; shopper not on the order; not picking', async () => {
    const { h, order, shopperId, client } = await setup();
    const put = (shopper: number | string, orderId: string, line: string, body: unknown) =>
      h.call('PUT', `/v2/fulfillment_sandbox/shoppers/${shopper}/orders/${orderId}/items/${line}`, { token: client, body });
    assertError(await put(1, order.order_id, '1', { status: 'found' }), 404, 4000, 'shopper_id');
    assertError(await put(shopperId, 'nope', '1', { status: 'found' }), 404, 4000, 'order_id');
    assertError(await put(shopperId, order.order_id, '99', { status: 'found' }), 404, 4000, 'line_num');
    assertError(await put(shopperId, order.order_id, '1', { status: 'lost' }), 400, 1001, 'status');
    assertError(await put(shopperId, order.order_id, '1', { status: 'found', replacement_item: { upc: '1' } }), 400, 1001, 'replacement_item');
    assertError(await put(shopperId, order.order_id, '1', { status: 'replaced', replacement_item: { upc: '1', rrc: '2' } }), 400, 1001, 'replacement_item');
    assertError(await put(shopperId, order.order_id, '1', { status: 'found', delivered_count: -1 }), 400, 1001, 'delivered_count');
    assertError(await put(shopperId, order.order_id, '1', { status: 'found', delivered_count: 1.5 }), 400, 1001, 'delivered_count');
    assertError(await put(shopperId, order.order_id, '1', { status: 'found', delivered_count: 1e21 }), 400, 1001, 'delivered_count');
    assertError(await put(shopperId, order.order_id, '1', { status: 'found' }), 400, 4001, 'shopper_id');
    await h.call('POST', '/v2/fulfillment_sandbox/batches', {
      token: client,
      body: { batch_type: 'delivery', shopper_id: shopperId, orders: [{ id: order.order_id }] },
    });
    assertError(await put(shopperId, order.order_id, '1', { status: 'found' }), 400, 4001, undefined, /picking/);
  });

  it('callbacks: unknown order → 404, unknown event → 1001 event_name, no body → 1001 body', async () => {
    const { h, order, client } = await setup();
    const post = (orderId: string, body?: unknown) => h.call('POST', `/v2/fulfillment_sandbox/orders/${orderId}/callbacks`, { token: client, body });
    assertError(await post('nope', { event_name: 'canceled' }), 404, 4000, 'order_id');
    assertError(await post(order.order_id, { event_name: 'exploded' }), 400, 1001, 'event_name');
    assertError(await post(order.order_id), 400, 1001, 'body');
    assertError(await h.call('POST', `/v2/fulfillment_sandbox/orders/${order.order_id}/callbacks`, { token: client, raw: '[1,2]' }), 400, 1001, 'body');
  });

  it('unknown routes under /v2/ answer 404/4000 in Connect shape', async () => {
    const { h, client } = await setup();
    assertError(await h.call('GET', '/v2/fulfillment_sandbox/nothing', { token: client }), 404, 4000, 'path');
    assertError(await h.call('DELETE', '/v2/post_checkout/orders/x', { token: client }), 404, 4000, 'path');
  });
});

describe('replacement decisions', () => {
  async function picking() {
    const { h, order, shopperId, client } = await setup();
    const batch = await h.call('POST', '/v2/fulfillment_sandbox/batches', {
      token: client,
      body: { batch_type: 'delivery', shopper_id: shopperId, orders: [{ id: order.order_id }], workflow_state: 'picking' },
    });
    const items = (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token })).json.line_items;
    const decide = (itemId: string, body: unknown, raw?: string) =>
      h.call('PUT', `/v2/post_checkout/orders/${order.order_id}/items/${itemId}/replacement`, {
        token: order.access_token,
        ...(raw !== undefined ? { raw } : { body }),
      });
    const replace = (line: string) =>
      h.call('PUT', `/v2/fulfillment_sandbox/shoppers/${shopperId}/orders/${order.order_id}/items/${line}`, {
        token: client,
        body: { status: 'replaced' },
      });
    return { h, order, client, batchId: batch.json.id as number, items, decide, replace };
  }

  it('approving a PENDING replacement while picking → 200 {}; answering twice → 400', async () => {
    const { h, order, items, decide, replace } = await picking();
    assert.equal((await replace('2')).status, 200);
    const approved = await decide(items[1].id, { status: 'APPROVED' });
    assert.equal(approved.status, 200);
    assert.deepEqual(approved.json, {});
    const after = (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token })).json.line_items[1];
    assert.equal(after.replacement_status, 'APPROVED');
    assertError(await decide(items[1].id, { status: 'REJECTED' }), 400, 4001, 'order_item_id', 'Order item change already responded to');
  });

  it('rejecting with an alternative item: the rules and messages Connect documents', async () => {
    const { decide, replace, items } = await picking();
    await replace('2');
    const reject = (alternative: Record<string, unknown>) => decide(items[1].id, { status: 'REJECTED', alternative_item: alternative });
    assertError(await reject({ upc: '1', rrc: '2', count: 1 }), 400, 1001, 'alternative_item', 'must include exactly one of rrc or upc');
    assertError(await reject({ count: 1 }), 400, 1001, 'alternative_item', 'must include exactly one of rrc or upc');
    assertError(await reject({ rrc: 'RRC-1026' }), 400, 1001, 'alternative_item', 'must include exactly one of count or weight');
    assertError(await reject({ rrc: 'RRC-1026', count: 1, weight: 2 }), 400, 1001, 'alternative_item', 'must include exactly one of count or weight');
    assertError(await reject({ rrc: 'RRC-1026', count: 0 }), 400, 1001, 'alternative_item', 'count must be greater than 0');
    assertError(await reject({ rrc: 'RRC-1026', weight: -2 }), 400, 1001, 'alternative_item', 'weight must be greater than 0');
    assertError(await decide(items[1].id, { status: 'APPROVED', alternative_item: { rrc: 'RRC-1026', count: 1 } }), 400, 1001, 'alternative_item');
    // A code that names no product is refused, with no key: Connect's answer has none.
    assertError(await reject({ upc: '000000000000', count: 1 }), 400, 1001, undefined, 'Could not resolve alternative item to a valid product');
    const rejected = await reject({ rrc: 'RRC-1026', weight: 1.5 });
    assert.equal(rejected.status, 200, rejected.text);
  });

  it('a status other than APPROVED or REJECTED is 1001; a missing one breaks two rules and is 9999', async () => {
    const { decide, replace, items, h, order } = await picking();
    await replace('2');
    assertError(await decide(items[1].id, { status: 'MAYBE' }), 400, 1001, 'status');
    assertError(await decide(items[1].id, { status: 'approved' }), 400, 1001, 'status', 'status must be one of APPROVED, REJECTED');
    const missing = await decide(items[1].id, {});
    assertError(missing, 400, 9999, undefined, 'There were issues with your request');
    assert.deepEqual(missing.json.error.errors, [
      { error: { message: "can't be blank", code: 1001 }, meta: { key: 'status' } },
      { error: { message: 'status must be one of APPROVED, REJECTED', code: 1001 }, meta: { key: 'status' } },
    ]);
    const withBadAlternative = await decide(items[1].id, { alternative_item: { upc: 5, count: 'two' } });
    assert.equal(withBadAlternative.json.error.code, 9999);
    assert.deepEqual(
      withBadAlternative.json.error.errors.map((error: { meta: { key: string } }) => error.meta.key),
      ['status', 'status', 'alternative_item'],
    );
    const after = (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token })).json.line_items[1];
    assert.equal(after.replacement_status, 'PENDING', 'nothing was decided');
  });

  it('malformed body, unknown order or item, and a line with no replacement', async () => {
    const { h, order, items, decide } = await picking();
    assertError(await decide(items[1].id, undefined, '{"status": APPROVED}'), 400, 1001, 'body');
    assertError(await decide('no-such-item', { status: 'APPROVED' }), 404, 4000, 'order_item_id');
    const unknownOrder = await h.call('PUT', `/v2/post_checkout/orders/nope/items/${items[0].id}/replacement`, {
      token: order.access_token,
      body: { status: 'APPROVED' },
    });
    assertError(unknownOrder, 404, 4000, 'order_id');
    assertError(await decide(items[0].id, { status: 'APPROVED' }), 400, 4001, 'order_item_id', 'Item has no proposed replacement');
  });

  it('outside picking → 400, and unanswered replacements are approved at checkout', async () => {
    const { h, order, client, batchId, items, decide, replace } = await picking();
    await replace('2');
    await h.call('POST', `/v2/fulfillment_sandbox/batches/${batchId}/advance`, { token: client });
    assertError(await decide(items[1].id, { status: 'APPROVED' }), 400, 4001, undefined, /picking/);
    await h.call('POST', `/v2/fulfillment_sandbox/batches/${batchId}/advance`, { token: client });
    const settled = (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token })).json.line_items;
    assert.equal(settled[1].replacement_status, 'APPROVED');
    assert.ok(settled.filter((_: unknown, i: number) => i !== 1).every((item: { status: string }) => item.status === 'found'));
  });
});
