// Each batch type walked to its end: the batch status and the order's workflow_state (read with the
// user token, as the widget reads it) after every step, per docs/connect-api.md §5.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, harness, newOrder, newShopper, type Harness } from './harness.js';

async function orderState(h: Harness, orderId: string, userToken: string): Promise<string> {
  const order = await h.call('GET', `/v2/post_checkout/orders/${orderId}`, { token: userToken });
  assert.equal(order.status, 200, order.text);
  return order.json.workflow_state;
}

async function generateBatch(h: Harness, clientToken: string, body: Record<string, unknown>) {
  return h.call('POST', '/v2/fulfillment_sandbox/batches', { token: clientToken, body });
}

async function walk(h: Harness, batchId: number, order: { order_id: string; access_token: string; client_token: string }, expected: [string, string][]) {
  for (const [batchStatus, orderStatus] of expected) {
    const advanced = await h.call('POST', `/v2/fulfillment_sandbox/batches/${batchId}/advance`, { token: order.client_token });
    assert.equal(advanced.status, 200, advanced.text);
    assert.deepEqual(advanced.json, { id: batchId, workflow_state: batchStatus });
    assert.equal(await orderState(h, order.order_id, order.access_token), orderStatus, `after batch ${batchStatus}`);
  }
}

describe('sandbox lifecycle', () => {
  it('delivery: a delivery batch from acknowledged to completed → delivered, then no further', async () => {
    const h = harness();
    const order = await newOrder(h, { fulfillment_type: 'delivery' });
    assert.equal(await orderState(h, order.order_id, order.access_token), 'brand_new');
    const shopperId = await newShopper(h, order.client_token);
    const batch = await generateBatch(h, order.client_token, {
      batch_type: 'delivery',
      shopper_id: shopperId,
      orders: [{ id: order.order_id, user_id: order.user_id }],
    });
    assert.equal(batch.status, 200, batch.text);
    assert.equal(batch.json.workflow_state, 'acknowledged');
    assert.equal(await orderState(h, order.order_id, order.access_token), 'acknowledged');
    await walk(h, batch.json.id, order, [
      ['picking', 'picking'],
      ['verifying_replacements', 'verifying_replacements'],
      ['checkout', 'checkout'],
      ['receipt_sanity_check', 'bags_check'],
      ['delivering', 'delivering'],
      ['completed', 'delivered'],
    ]);
    const past = await h.call('POST', `/v2/fulfillment_sandbox/batches/${batch.json.id}/advance`, { token: order.client_token });
    assertError(past, 400, 4001, 'batch_id', /past completed/);
  });

  it('delivery: naming staged (as the tutorial does) stops there when the picker is not the driver', async () => {
    const h = harness();
    const order = await newOrder(h);
    const shopperId = await newShopper(h, order.client_token);
    const batch = await generateBatch(h, order.client_token, { batch_type: 'delivery', shopper_id: shopperId, orders: [{ id: order.order_id }] });
    const staged = await h.call('POST', `/v2/fulfillment_sandbox/batches/${batch.json.id}/advance`, {
      token: order.client_token,
      body: { workflow_state: 'staged' },
    });
    assert.deepEqual(staged.json, { id: batch.json.id, workflow_state: 'staged' });
    assert.equal(await orderState(h, order.order_id, order.access_token), 'staged');
    // Jumping over checkout settled the list: nothing is left "still shopping".
    const items = await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token });
    assert.ok(items.json.line_items.every((item: { status: string }) => item.status === 'found'));
    await walk(h, batch.json.id, order, [
      ['delivering', 'delivering'],
      ['completed', 'delivered'],
    ]);
  });

  it('delivery: a batch may start at a named status', async () => {
    const h = harness();
    const order = await newOrder(h);
    const shopperId = await newShopper(h, order.client_token);
    const batch = await generateBatch(h, order.client_token, {
      batch_type: 'delivery',
      shopper_id: String(shopperId),
      workflow_state: 'picking',
      orders: [{ id: order.order_id }],
    });
    assert.equal(batch.json.workflow_state, 'picking');
    assert.equal(await orderState(h, order.order_id, order.access_token), 'picking');
  });

  it('pickup: a pickup batch to staged, then a runner_customer batch to completed → delivered', async () => {
    const h = harness();
    const order = await newOrder(h, { fulfillment_type: 'pickup' });
    const shopperId = await newShopper(h, order.client_token);
    const early = await generateBatch(h, order.client_token, { batch_type: 'runner_customer', shopper_id: shopperId, orders: [{ id: order.order_id }] });
    assertError(early, 400, 1001, 'orders', 'Orders unbatchable');
    const batch = await generateBatch(h, order.client_token, { batch_type: 'pickup', shopper_id: shopperId, orders: [{ id: order.order_id }] });
    assert.equal(batch.json.workflow_state, 'acknowledged');
    await walk(h, batch.json.id, order, [
      ['picking', 'picking'],
      ['verifying_replacements', 'verifying_replacements'],
      ['checkout', 'checkout'],
      ['receipt_sanity_check', 'checkout'],
      ['bags_check', 'bags_check'],
      ['staged', 'staged'],
    ]);
    const past = await h.call('POST', `/v2/fulfillment_sandbox/batches/${batch.json.id}/advance`, { token: order.client_token });
    assertError(past, 400, 4001, 'batch_id');

    const runner = await generateBatch(h, order.client_token, { batch_type: 'runner_customer', shopper_id: shopperId, orders: [{ id: order.order_id }] });
    assert.equal(runner.status, 200, runner.text);
    assert.equal(runner.json.workflow_state, 'brand_new');
    assert.equal(await orderState(h, order.order_id, order.access_token), 'ready_for_pickup');
    await walk(h, runner.json.id, order, [
      ['at_store', 'user_at_store'],
      ['bags_verified', 'bags_verified'],
      ['completed', 'delivered'],
    ]);
    const again = await generateBatch(h, order.client_token, { batch_type: 'runner_customer', shopper_id: shopperId, orders: [{ id: order.order_id }] });
    assertError(again, 400, 1001, 'orders', 'Orders unbatchable');
  });

  it('last mile: retailer staging, then a delivery_only batch to completed → delivered', async () => {
    const h = harness();
    const order = await newOrder(h, { fulfillment_type: 'last_mile_delivery' });
    assert.equal(order.item_count, 0);
    const shopperId = await newShopper(h, order.client_token);
    const body = { batch_type: 'delivery_only', shopper_id: shopperId, orders: [{ id: order.order_id }] };
    assertError(await generateBatch(h, order.client_token, body), 400, 1001, 'orders', 'Orders unbatchable');

    for (const expected of ['staged_for_delivery', 'waiting_for_delivery']) {
      const staged = await h.call('POST', `/__sandbox/orders/${order.order_id}/stage`);
      assert.equal(staged.json.workflow_state, expected);
      assert.equal(await orderState(h, order.order_id, order.access_token), expected);
    }
    assertError(await h.call('POST', `/__sandbox/orders/${order.order_id}/stage`), 400, 4001, 'order_id');
    assertError(await generateBatch(h, order.client_token, { ...body, batch_type: 'delivery' }), 400, 1001, 'orders', 'Orders unbatchable');

    const batch = await generateBatch(h, order.client_token, body);
    assert.equal(batch.json.workflow_state, 'acknowledged_for_delivery');
    assert.equal(await orderState(h, order.order_id, order.access_token), 'acknowledged_for_delivery');
    await walk(h, batch.json.id, order, [
      ['at_store', 'at_store'],
      ['bags_verified', 'bags_verified'],
      ['delivering', 'delivering'],
      ['completed', 'delivered'],
    ]);
    const items = await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token });
    assert.deepEqual(items.json, { line_items: [] });
  });

  it('rescheduled moves the window and shows rescheduled until the batch goes on', async () => {
    const h = harness();
    const order = await newOrder(h);
    const before = (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: order.access_token })).json;
    const shopperId = await newShopper(h, order.client_token);
    const batch = await generateBatch(h, order.client_token, { batch_type: 'delivery', shopper_id: shopperId, orders: [{ id: order.order_id }] });
    const callback = await h.call('POST', `/v2/fulfillment_sandbox/orders/${order.order_id}/callbacks`, {
      token: order.client_token,
      body: { event_name: 'rescheduled' },
    });
    assert.deepEqual(callback.json, { success: true });
    const after = (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: order.access_token })).json;
    assert.equal(after.workflow_state, 'rescheduled');
    const shift = Date.parse(after.fulfillment_details.window_starts_at) - Date.parse(before.fulfillment_details.window_starts_at);
    assert.equal(shift, 2 * 60 * 60 * 1000);
    assert.equal(
      Date.parse(after.fulfillment_details.window_ends_at) - Date.parse(before.fulfillment_details.window_ends_at),
      shift,
    );
    await walk(h, batch.json.id, order, [['picking', 'picking']]);
  });

  it('canceled is terminal: the batch cannot advance and nothing more happens to the order', async () => {
    const h = harness();
    const order = await newOrder(h);
    const shopperId = await newShopper(h, order.client_token);
    const batch = await generateBatch(h, order.client_token, { batch_type: 'delivery', shopper_id: shopperId, orders: [{ id: order.order_id }] });
    const cancel = () =>
      h.call('POST', `/v2/fulfillment_sandbox/orders/${order.order_id}/callbacks`, { token: order.client_token, body: { event_name: 'canceled' } });
    assert.equal((await cancel()).status, 200);
    assert.equal(await orderState(h, order.order_id, order.access_token), 'canceled');
    assertError(await h.call('POST', `/v2/fulfillment_sandbox/batches/${batch.json.id}/advance`, { token: order.client_token }), 400, 4001, 'batch_id');
    assertError(await cancel(), 400, 4001, 'order_id', 'Order is already canceled');
  });

  it('late_delivery is recorded without changing what the customer sees', async () => {
    const h = harness();
    const order = await newOrder(h);
    const before = await h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: order.access_token });
    const late = await h.call('POST', `/v2/fulfillment_sandbox/orders/${order.order_id}/callbacks`, {
      token: order.client_token,
      body: { event_name: 'late_delivery' },
    });
    assert.deepEqual(late.json, { success: true });
    const after = await h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: order.access_token });
    assert.deepEqual(after.json, before.json);
    assert.equal((await h.call('GET', `/__sandbox/orders/${order.order_id}`)).json.late_delivery, true);
  });

  it('the model can be driven without HTTP, with the same rules', () => {
    const h = harness();
    const order = h.sandbox.createOrder({ fulfillmentType: 'pickup', userId: 'u-1' });
    const shopper = h.sandbox.createShopper({ email: 'a@example.com', phone: '555 010 0200' });
    const batch = h.sandbox.createBatch({ batchType: 'pickup', shopperId: shopper.id, orders: [{ id: order.id, userId: 'u-1' }] });
    assert.equal(h.sandbox.advanceBatch(batch.id, 'staged').workflowState, 'staged');
    assert.equal(order.workflowState, 'staged');
    assert.throws(() => h.sandbox.createBatch({ batchType: 'pickup', shopperId: shopper.id, orders: [{ id: order.id, userId: 'someone-else' }] }), {
      message: 'Order not found',
    });
  });
});
