// The /__sandbox/ development controls: create, inspect, force, stage, reset.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, harness, newOrder, newShopper } from './harness.js';

describe('sandbox dev controls', () => {
  it('create answers the order, a user token and a client token that both work', async () => {
    const h = harness();
    const created = await h.call('POST', '/__sandbox/orders', {
      body: { fulfillment_type: 'pickup', user_id: 'retail-user-9', window_starts_at: '2026-11-27T10:00:00Z', window_minutes: 60 },
    });
    assert.equal(created.status, 201);
    assert.equal(created.json.user_id, 'retail-user-9');
    assert.equal(created.json.fulfillment_type, 'pickup');
    assert.equal(created.json.workflow_state, 'brand_new');
    assert.equal(created.json.token_type, 'Bearer');
    assert.equal(created.json.expires_in, 86400);
    assert.deepEqual(created.json.order.fulfillment_details, { window_starts_at: '2026-11-27T10:00:00Z', window_ends_at: '2026-11-27T11:00:00Z' });
    assert.equal(created.json.order.creation_date, '2026-11-26T15:00:00Z');
    const order = await h.call('GET', `/v2/post_checkout/orders/${created.json.order_id}`, { token: created.json.access_token });
    assert.deepEqual(order.json, created.json.order);
    assert.equal(await newShopper(h, created.json.client_token) > 0, true);
    assertError(await h.call('POST', '/__sandbox/orders', { body: { window_starts_at: 'tomorrow' } }), 400, 1001, 'window_starts_at');
    assertError(await h.call('POST', '/__sandbox/orders', { raw: '{' }), 400, 1001, 'body');
  });

  it('refuses what it could not answer about later: huge windows, nested or long notes, coordinates off the globe', async () => {
    const h = harness();
    const deepNotes = `{"handling": {"notes": ${'{"a": '.repeat(100_000)}"x"${'}'.repeat(100_000)}}}`;
    assertError(await h.call('POST', '/__sandbox/orders', { raw: deepNotes }), 400, 1001, 'handling');
    for (const [body, key] of [
      [{ window_minutes: 1e308 }, 'window_minutes'],
      [{ window_minutes: 10_081 }, 'window_minutes'],
      [{ window_starts_at: '+275760-09-13T00:00:00Z' }, 'window_starts_at'],
      [{ handling: { notes: 'n'.repeat(1001) } }, 'handling'],
      [{ handling: { coordinates: { latitude: 91, longitude: 0 } } }, 'handling'],
      [{ user_id: 'u'.repeat(256) }, 'user_id'],
    ] as const) {
      assertError(await h.call('POST', '/__sandbox/orders', { body }), 400, 1001, key);
    }
    assert.equal(h.sandbox.listOrders().length, 0, 'nothing half-made');
    const order = await newOrder(h, { window_minutes: 10_080, handling: { notes: 'n'.repeat(1000) } });
    assert.equal((await h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: order.access_token })).status, 200);
    assert.equal((await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/handling`, { token: order.access_token })).status, 200);
  });

  it('inspect shows the batch, the shopper, the staging and the events', async () => {
    const h = harness();
    const order = await newOrder(h, { fulfillment_type: 'last_mile_delivery' });
    await h.call('POST', `/__sandbox/orders/${order.order_id}/stage`);
    await h.call('POST', `/__sandbox/orders/${order.order_id}/stage`);
    const shopperId = await newShopper(h, order.client_token);
    await h.call('POST', '/v2/fulfillment_sandbox/batches', {
      token: order.client_token,
      body: { batch_type: 'delivery_only', shopper_id: shopperId, orders: [{ id: order.order_id }] },
    });
    const state = (await h.call('GET', `/__sandbox/orders/${order.order_id}`)).json;
    assert.equal(state.order.workflow_state, 'acknowledged_for_delivery');
    assert.equal(state.staging, 'waiting_for_delivery');
    assert.equal(state.user_id, order.user_id);
    assert.equal(state.batch.batch_type, 'delivery_only');
    assert.equal(state.batch.next_status, 'at_store');
    assert.deepEqual(state.batch.statuses, ['brand_new', 'acknowledged_for_delivery', 'at_store', 'bags_verified', 'delivering', 'completed']);
    assert.equal(state.shopper.id, shopperId);
    assert.equal(state.location, null);
    assert.equal(state.redact_shopper_pii, false);
    assert.ok(state.events.length >= 4);
    assertError(await h.call('GET', '/__sandbox/orders/nope'), 404, 4000, 'order_id');
  });

  it('force any state (even unknown), stage only last mile, list and reset', async () => {
    const h = harness();
    const order = await newOrder(h, { fulfillment_type: 'pickup' });
    const forced = await h.call('POST', `/__sandbox/orders/${order.order_id}/state`, { body: { workflow_state: 'runner_awaiting' } });
    assert.deepEqual(forced.json, { order_id: order.order_id, workflow_state: 'runner_awaiting' });
    await h.call('POST', `/__sandbox/orders/${order.order_id}/state`, { body: { workflow_state: 'teleporting' } });
    assert.equal((await h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: order.access_token })).json.workflow_state, 'teleporting');
    assertError(await h.call('POST', `/__sandbox/orders/${order.order_id}/state`, { body: {} }), 400, 1001, 'workflow_state');
    assertError(await h.call('POST', `/__sandbox/orders/${order.order_id}/stage`), 400, 4001, 'order_id');
    assertError(await h.call('POST', '/__sandbox/orders/nope/autoplay'), 404, 4000, 'order_id');

    assert.equal((await h.call('GET', '/__sandbox/orders')).json.orders.length, 1);
    assert.deepEqual((await h.call('POST', '/__sandbox/reset')).json, { ok: true });
    assert.deepEqual((await h.call('GET', '/__sandbox/orders')).json, { orders: [] });
    assertError(await h.call('GET', `/v2/post_checkout/orders/${order.order_id}`, { token: order.access_token }), 401, null);
    assertError(await h.call('GET', '/__sandbox/nothing'), 404, 4000, 'path');
  });

  it('the post-checkout endpoints answer any origin; the controls send no CORS headers', async () => {
    const h = harness();
    const order = await newOrder(h);
    const page = { Origin: 'http://localhost:5173' };
    for (const path of [`/v2/post_checkout/orders/${order.order_id}`, '/v2/post_checkout/orders/nope']) {
      const result = await h.call('GET', path, { token: order.access_token, headers: page });
      assert.equal(result.headers.get('Access-Control-Allow-Origin'), '*', path);
    }
    const preflight = await h.call('OPTIONS', `/v2/post_checkout/orders/${order.order_id}/items/x/replacement`, {
      headers: { ...page, 'Access-Control-Request-Method': 'PUT' },
    });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('Access-Control-Allow-Headers') ?? '', /Authorization.*Content-Type.*Accept-Language/);
    assert.match(preflight.headers.get('Access-Control-Allow-Methods') ?? '', /PUT/);

    for (const [method, path] of [
      ['GET', '/__sandbox/orders'],
      ['POST', '/v2/oauth/token'],
      ['POST', '/v2/fulfillment_sandbox/shoppers'],
    ] as const) {
      const result = await h.call(method, path, { token: order.client_token });
      assert.equal(result.headers.get('Access-Control-Allow-Origin'), null, path);
    }
  });
});
