// The emulator as the sender of Connect's event callbacks: what a retailer's receiver gets (the documented
// payload, with its bearer token), for which updates, and the faults a test injects to see the receiver
// cope with late, repeated, reordered and missing callbacks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { harness, type Harness } from './harness.js';

const TOKEN = 'cb_sandbox_9f86d081884c7d659a2feaa0c55ad015';
const TARGET = 'http://127.0.0.1:9/instacart/callbacks';

interface Received {
  url: string;
  headers: Headers;
  body: string;
  redirect: RequestRedirect | undefined;
}

function withReceiver(answer: () => Promise<Response> = async () => new Response('{}')) {
  const received: Received[] = [];
  const h = harness({
    callbacks: { url: TARGET, token: TOKEN },
    callbackFetch: async (url, init) => {
      received.push({ url: String(url), headers: new Headers(init?.headers), body: String(init?.body), redirect: init?.redirect });
      return answer();
    },
  });
  const names = () => received.map((callback) => JSON.parse(callback.body).event_name as string);
  return { h, received, names };
}

function deliveryOrder(h: Harness) {
  const order = h.sandbox.createOrder({ userId: 'customer-1' });
  const shopper = h.sandbox.createShopper({ email: 'shopper@example.com', phone: '5550100100' });
  const batch = h.sandbox.createBatch({ batchType: 'delivery', shopperId: shopper.id, orders: [{ id: order.id }] });
  return { order, shopper, batch };
}

describe('sandbox: event callbacks', () => {
  it("posts Connect's documented payload with the bearer token, for every state change and for replacements and refunds", async () => {
    const { h, received, names } = withReceiver();
    const { order, shopper, batch } = deliveryOrder(h);
    h.sandbox.advanceBatch(batch.id); // picking
    h.sandbox.updateItem(shopper.id, order.id, '1', { status: 'found' });
    const replaced = h.sandbox.updateItem(shopper.id, order.id, '2', { status: 'replaced' });
    h.sandbox.updateItem(shopper.id, order.id, '3', { status: 'to_refund' });
    h.sandbox.decideReplacement('customer-1', order.id, replaced.id, { status: 'APPROVED' });
    h.sandbox.callback(order.id, 'late_delivery');
    h.sandbox.callback(order.id, 'canceled');
    await h.sandbox.callbacks.idle();

    assert.deepEqual(names(), [
      'fulfillment.brand_new',
      'fulfillment.acknowledged',
      'fulfillment.picking',
      'fulfillment.order_item_replacement',
      'fulfillment.order_item_refund',
      'fulfillment.late_delivery',
      'fulfillment.canceled',
    ], 'a found item and the customer\'s own answer send nothing, as Connect documents no callback for them');
    for (const callback of received) {
      assert.equal(callback.url, TARGET);
      assert.equal(callback.headers.get('Authorization'), `Bearer ${TOKEN}`);
      assert.equal(callback.headers.get('Content-Type'), 'application/json');
      assert.equal(callback.redirect, 'manual');
      // event_id is a bare number beyond 2^53, as in Instacart's example; a reader must keep its digits.
      assert.match(callback.body, /^\{"event_id":\d{19},"event_name":"fulfillment\.[a-z_]+","event_timestamp":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ","event_metadata":\{"order_id":"/);
    }
    const replacement = JSON.parse(received[3]?.body ?? '');
    assert.deepEqual(replacement.event_metadata, { order_id: order.id, fulfillment_type: 'delivery', order_item_id: replaced.id, line_num: '2' });
    const ids = received.map((callback) => /"event_id":(\d+)/.exec(callback.body)?.[1]);
    assert.equal(new Set(ids).size, ids.length, 'every callback is its own event');
    assert.deepEqual(
      h.sandbox.callbacks.deliveries().map((delivery) => delivery.outcome),
      Array(7).fill('sent'),
    );
  });

  it('drops, duplicates, reorders and delays callbacks on demand', async () => {
    const { h, names } = withReceiver();
    const { batch } = deliveryOrder(h);
    await h.sandbox.callbacks.idle();
    h.sandbox.callbacks.injectFaults({ drop: 1, duplicate: 1, reorder: 1 });
    h.sandbox.advanceBatch(batch.id); // picking: dropped
    h.sandbox.advanceBatch(batch.id); // verifying_replacements: sent twice, and held back…
    h.sandbox.advanceBatch(batch.id); // …behind checkout
    await h.sandbox.callbacks.idle();
    assert.deepEqual(names().slice(2), ['fulfillment.checkout', 'fulfillment.verifying_replacements', 'fulfillment.verifying_replacements']);
    assert.deepEqual(h.sandbox.callbacks.deliveries()[2]?.outcome, 'dropped');
    assert.deepEqual(h.sandbox.callbacks.faults, { drop: 0, duplicate: 0, reorder: 0, delayMs: 0 }, 'counts are spent');

    h.sandbox.callbacks.injectFaults({ delayMs: 30_000 });
    h.sandbox.advanceBatch(batch.id); // bags_check, late
    assert.equal(names().length, 5, 'not sent yet');
    assert.equal(h.queued.at(-1)?.ms, 30_000, "the delay runs on the sandbox's scheduler, so a test moves it");
    h.fireNext();
    await h.sandbox.callbacks.idle();
    assert.equal(names().at(-1), 'fulfillment.bags_check');
  });

  it('keeps going when the receiver cannot be reached, and the order is not held back by it', async () => {
    let up = false;
    const { h } = withReceiver(async () => {
      if (!up) throw new TypeError('fetch failed');
      return new Response('{}', { status: 503 });
    });
    const { batch, order } = deliveryOrder(h);
    await h.sandbox.callbacks.idle();
    up = true;
    h.sandbox.advanceBatch(batch.id);
    await h.sandbox.callbacks.idle();
    assert.equal(h.sandbox.getOrder(order.id).workflowState, 'picking');
    const outcomes = h.sandbox.callbacks.deliveries().map((delivery) => [delivery.outcome, delivery.status ?? null]);
    assert.deepEqual(outcomes, [['failed', null], ['failed', null], ['sent', 503]]);
  });

  it('is configured and faulted over HTTP, only towards this machine, and never shows the token', async () => {
    const h = harness({ callbackFetch: async () => new Response('{}') });
    const elsewhere = await h.call('POST', '/__sandbox/callbacks', { body: { url: 'http://example.com/callbacks', token: TOKEN } });
    assert.equal(elsewhere.status, 400);
    assert.equal(elsewhere.json.meta.key, 'url');
    const set = await h.call('POST', '/__sandbox/callbacks', { body: { url: 'http://localhost:8080/instacart/callbacks', token: TOKEN, duplicate: 2, delay_ms: 0 } });
    assert.equal(set.status, 200, set.text);
    assert.deepEqual(set.json.faults, { drop: 0, duplicate: 2, reorder: 0, delay_ms: 0 });
    assert.equal(set.json.url, 'http://localhost:8080/instacart/callbacks');
    h.sandbox.createOrder();
    await h.sandbox.callbacks.idle();
    const view = await h.call('GET', '/__sandbox/callbacks');
    assert.deepEqual(view.json.deliveries.map((delivery: { event_name: string; status: number }) => [delivery.event_name, delivery.status]), [
      ['fulfillment.brand_new', 200],
      ['fulfillment.brand_new', 200],
    ]);
    assert.ok(![set.text, view.text].some((text) => text.includes(TOKEN)), 'the token is never shown');
    const cleared = await h.call('DELETE', '/__sandbox/callbacks/faults');
    assert.equal(cleared.json.faults.duplicate, 0);
    assert.equal((await h.call('POST', '/__sandbox/callbacks', { body: { url: null } })).json.url, null);
    assert.equal((await h.call('POST', '/__sandbox/callbacks', { body: { drop: -1 } })).status, 400);
    const badToken = await h.call('POST', '/__sandbox/callbacks', { body: { url: 'http://127.0.0.1:1/cb', token: 'has space' } });
    assert.deepEqual([badToken.status, badToken.json.meta.key], [400, 'token']);
  });
});
