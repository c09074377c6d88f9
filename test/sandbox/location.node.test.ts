// The shopper's location: only while delivering (a drive from the store to the door as time passes, or a
// pinned position), `{}` in every other state, 403 `Shopper PII` when redacted.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STORE } from '../../src/sandbox/index.js';
import { distanceMeters } from '../../src/sandbox/model/route.js';
import { assertError, harness, newOrder, newShopper } from './harness.js';

const DOOR = { latitude: 38.6924568, longitude: -89.9785745 };

async function deliveringOrder(body: Record<string, unknown> = {}) {
  const h = harness({ driveDurationMs: 600_000 });
  const order = await newOrder(h, body);
  const shopperId = await newShopper(h, order.client_token);
  const batch = await h.call('POST', '/v2/fulfillment_sandbox/batches', {
    token: order.client_token,
    body: { batch_type: 'delivery', shopper_id: shopperId, orders: [{ id: order.order_id }], workflow_state: 'receipt_sanity_check' },
  });
  const location = () => h.call('GET', `/v2/post_checkout/orders/${order.order_id}/location`, { token: order.access_token });
  const advance = () => h.call('POST', `/v2/fulfillment_sandbox/batches/${batch.json.id}/advance`, { token: order.client_token });
  return { h, order, location, advance };
}

describe('sandbox shopper location', () => {
  it('is {} before delivering, moves from the store to the door while delivering, and is {} once delivered', async () => {
    const { h, location, advance } = await deliveringOrder();
    const before = await location();
    assert.equal(before.status, 200);
    assert.deepEqual(before.json, {});

    assert.equal((await advance()).json.workflow_state, 'delivering');
    const start = (await location()).json.coordinates;
    assert.ok(distanceMeters(start, DEFAULT_STORE.coordinates) < 1, 'starts at the store');
    const distances = [distanceMeters(start, DOOR)];
    for (let minute = 2; minute <= 10; minute += 2) {
      h.clock.now += 120_000;
      const { coordinates } = (await location()).json;
      assert.equal(typeof coordinates.latitude, 'number');
      distances.push(distanceMeters(coordinates, DOOR));
    }
    for (let i = 1; i < distances.length; i += 1) assert.ok((distances[i] as number) < (distances[i - 1] as number), 'closer every read');
    assert.ok((distances.at(-1) as number) < 1, 'arrived at the door when the drive time is over');

    assert.equal((await advance()).json.workflow_state, 'completed');
    assert.deepEqual((await location()).json, {});
  });

  it('a pinned position wins while delivering until simulate restarts the drive', async () => {
    const { h, order, location, advance } = await deliveringOrder();
    const pin = await h.call('POST', `/__sandbox/orders/${order.order_id}/location`, { body: { latitude: 38.68, longitude: -89.97 } });
    assert.equal(pin.status, 200, pin.text);
    assert.equal(pin.json.location, null, 'not delivering yet');
    assert.deepEqual((await location()).json, {});
    await advance();
    assert.deepEqual((await location()).json, { coordinates: { latitude: 38.68, longitude: -89.97 } });
    const simulate = await h.call('POST', `/__sandbox/orders/${order.order_id}/location`, { body: { simulate: true, duration_ms: 1000 } });
    assert.ok(distanceMeters(simulate.json.location, DEFAULT_STORE.coordinates) < 1);
    h.clock.now += 1000;
    assert.ok(distanceMeters((await location()).json.coordinates, DOOR) < 1);
    assertError(await h.call('POST', `/__sandbox/orders/${order.order_id}/location`, { body: { latitude: 91, longitude: 0 } }), 400, 1001, 'latitude');
    assertError(await h.call('POST', `/__sandbox/orders/${order.order_id}/location`, { body: { latitude: 1 } }), 400, 1001, 'longitude');
  });

  it('redacted shopper PII → 403 {"error":{"message":"Shopper PII","code":null}} in every state', async () => {
    const { h, order, location, advance } = await deliveringOrder({ redact_shopper_pii: true });
    for (let step = 0; step < 2; step += 1) {
      const answer = await location();
      assert.equal(answer.status, 403);
      assert.deepEqual(answer.json, { error: { message: 'Shopper PII', code: null } });
      await advance();
    }
    const off = await h.call('POST', `/__sandbox/orders/${order.order_id}/pii`, { body: { redacted: false } });
    assert.equal(off.status, 200);
    assert.equal((await location()).status, 200);
  });

  it('redaction per user covers every order of that user', async () => {
    const { h, order, location } = await deliveringOrder({ user_id: 'private-person' });
    await h.call('POST', '/__sandbox/users/private-person/pii', { body: { redacted: true } });
    assert.equal((await location()).status, 403);
    await h.call('POST', `/__sandbox/orders/${order.order_id}/pii`, { body: { redacted: false } });
    assert.equal((await location()).status, 200, 'the order setting is more specific');
  });
});
