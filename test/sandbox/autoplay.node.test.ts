// Autoplay walks an order to delivered, driven step by step (no timers) or by the injected scheduler.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { harness, newOrder } from './harness.js';

describe('sandbox autoplay', () => {
  it('delivery: reaches delivered with found, replaced (auto-approved) and refunded items', async () => {
    const h = harness();
    const order = await newOrder(h);
    const states = new Set<string>();
    let result = h.sandbox.autoplayStep(order.order_id);
    for (let i = 0; i < 100 && !result.done; i += 1) {
      states.add(result.workflowState);
      result = h.sandbox.autoplayStep(order.order_id);
    }
    assert.equal(result.workflowState, 'delivered');
    assert.deepEqual(
      [...states],
      ['acknowledged', 'picking', 'verifying_replacements', 'checkout', 'bags_check', 'delivering'],
    );
    const items = (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token })).json.line_items;
    const statuses = items.map((item: { status: string }) => item.status);
    assert.deepEqual(statuses, ['found', 'replaced', 'found', 'found', 'found', 'to_refund']);
    assert.equal(items[1].replacement_status, 'APPROVED');
    assert.ok(items[1].replacement.name);
  });

  it('gives the customer time to answer while picking, and keeps the answer', async () => {
    const h = harness();
    const order = await newOrder(h);
    let answered = false;
    for (let i = 0; i < 100; i += 1) {
      const result = h.sandbox.autoplayStep(order.order_id);
      if (result.done) break;
      const items = (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token })).json.line_items;
      const pending = items.find((item: { replacement_status: string }) => item.replacement_status === 'PENDING');
      if (pending && !answered) {
        const decision = await h.call('PUT', `/v2/post_checkout/orders/${order.order_id}/items/${pending.id}/replacement`, {
          token: order.access_token,
          body: { status: 'REJECTED' },
        });
        assert.equal(decision.status, 200, decision.text);
        answered = true;
      }
    }
    assert.ok(answered);
    const items = (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token })).json.line_items;
    assert.equal(items[1].replacement_status, 'REJECTED');
  });

  it('pickup and last mile reach delivered through their own batches', () => {
    const h = harness();
    const pickup = h.sandbox.createOrder({ fulfillmentType: 'pickup' });
    const pickupSteps = h.sandbox.runAutoplay(pickup.id);
    assert.equal(pickupSteps.at(-1)?.workflowState, 'delivered');
    const pickupStates = new Set(pickupSteps.map((step) => step.workflowState));
    for (const state of ['staged', 'ready_for_pickup', 'user_at_store', 'bags_verified']) assert.ok(pickupStates.has(state), state);
    assert.deepEqual(
      h.sandbox.batchesOf(pickup.id).map((batch) => [batch.batchType, batch.workflowState]),
      [
        ['pickup', 'staged'],
        ['runner_customer', 'completed'],
      ],
    );

    const lastMile = h.sandbox.createOrder({ fulfillmentType: 'last_mile_delivery' });
    const lastMileStates = h.sandbox.runAutoplay(lastMile.id).map((step) => step.workflowState);
    assert.deepEqual([...new Set(lastMileStates)], [
      'staged_for_delivery',
      'waiting_for_delivery',
      'acknowledged_for_delivery',
      'at_store',
      'bags_verified',
      'delivering',
      'delivered',
    ]);
  });

  it('runs on the injected scheduler at the requested pace, and the drive arrives as it completes', async () => {
    const h = harness();
    const order = await newOrder(h);
    const started = await h.call('POST', `/__sandbox/orders/${order.order_id}/autoplay`, { body: { step_ms: 500, delivering_steps: 3 } });
    assert.equal(started.status, 200, started.text);
    assert.equal(started.json.running, true);
    assert.equal(started.json.workflow_state, 'acknowledged', 'the first step is immediate');
    assert.equal(h.queued.length, 1);
    assert.equal(h.queued[0]?.ms, 500);
    let locations = 0;
    while (h.fireNext()) {
      h.clock.now += 500;
      const location = await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/location`, { token: order.access_token });
      if (location.json.coordinates) locations += 1;
    }
    assert.equal(locations, 4, 'after the step into delivering and after each of the 3 delivering steps');
    const state = (await h.call('GET', `/__sandbox/orders/${order.order_id}`)).json;
    assert.equal(state.order.workflow_state, 'delivered');
    assert.equal(state.autoplay.running, false);
  });

  it('can be stopped, and stops by itself when the order is canceled', async () => {
    const h = harness();
    const order = await newOrder(h);
    await h.call('POST', `/__sandbox/orders/${order.order_id}/autoplay`, {});
    assert.deepEqual((await h.call('DELETE', `/__sandbox/orders/${order.order_id}/autoplay`)).json, { order_id: order.order_id, stopped: true });
    assert.equal(h.queued.length, 0);

    await h.call('POST', `/__sandbox/orders/${order.order_id}/autoplay`, {});
    h.fireNext();
    await h.call('POST', `/v2/fulfillment_sandbox/orders/${order.order_id}/callbacks`, { token: order.client_token, body: { event_name: 'canceled' } });
    assert.equal(h.queued.length, 0);
  });

  it('instant autoplay through the dev control returns every step', async () => {
    const h = harness();
    const order = await newOrder(h, { fulfillment_type: 'pickup' });
    const result = await h.call('POST', `/__sandbox/orders/${order.order_id}/autoplay`, { body: { instant: true } });
    assert.equal(result.json.workflow_state, 'delivered');
    assert.ok(result.json.steps.includes('item 2 replaced'));
    assert.ok(result.json.steps.includes('item 6 to_refund'));
    assert.equal(h.queued.length, 0);
  });
});
