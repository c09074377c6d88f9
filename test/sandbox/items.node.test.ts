// The shopper's item updates as the customer's items endpoint shows them, and the baskets orders start with.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOG } from '../../src/sandbox/index.js';
import { BASE, harness, newOrder, newShopper } from './harness.js';

describe('sandbox items', () => {
  it('a new order has a realistic basket: names, string quantities, units, local images', async () => {
    const h = harness();
    const order = await newOrder(h);
    const { line_items: items } = (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token })).json;
    assert.equal(items.length, 6);
    assert.equal(items[0].item.name, 'Organic Bananas');
    assert.equal(items[0].item.quantity, '10.0');
    assert.equal(items[0].item.cost_unit, 'EACH');
    assert.ok(items.some((item: { item: { cost_unit: string } }) => item.item.cost_unit === 'LB'));
    for (const [index, item] of items.entries()) {
      assert.equal(item.line_num, String(index + 1));
      assert.equal(item.status, 'not_picked');
      assert.equal(item.replacement_status, 'SUBSTITUTION_STATUS_UNSPECIFIED');
      assert.equal(item.replacement, undefined);
      assert.equal(typeof item.item.quantity, 'string');
      assert.ok(item.item.image_url.startsWith(`${BASE}/__sandbox/images/`), item.item.image_url);
    }
    const image = await h.call('GET', new URL(items[0].item.image_url).pathname);
    assert.equal(image.status, 200);
    assert.match(image.headers.get('Content-Type') ?? '', /^image\/svg\+xml/);
    assert.match(image.text, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(image.text, /<title>Organic Bananas<\/title>/);
    assert.equal((await h.call('GET', '/__sandbox/images/nothing.svg')).status, 404);
  });

  it('baskets: large (alcoholic, with KG), a count, and invalid specs', async () => {
    const h = harness();
    const large = await newOrder(h, { basket: 'large' });
    assert.equal(large.item_count, 18);
    const handling = (await h.call('GET', `/v2/post_checkout/orders/${large.order_id}/handling`, { token: large.access_token })).json;
    assert.equal(handling.alcoholic, true);
    const items = (await h.call('GET', `/v2/post_checkout/orders/${large.order_id}/items`, { token: large.access_token })).json.line_items;
    assert.ok(items.some((item: { item: { cost_unit: string } }) => item.item.cost_unit === 'KG'));
    assert.equal((await newOrder(h, { basket: 3 })).item_count, 3);
    assert.equal((await h.call('POST', '/__sandbox/orders', { body: { basket: 'huge' } })).status, 400);
    assert.equal((await h.call('POST', '/__sandbox/orders', { body: { basket: 0 } })).status, 400);
    assert.equal((await h.call('POST', '/__sandbox/orders', { body: { fulfillment_type: 'last_mile' } })).json.meta.key, 'fulfillment_type');
    // Every catalog image renders.
    for (const product of CATALOG) assert.equal((await h.call('GET', `/__sandbox/images/${product.slug}.svg`)).status, 200, product.slug);
  });

  it('found, replaced (PENDING, with its replacement), to_refund and not_found → not_picked', async () => {
    const h = harness();
    const order = await newOrder(h);
    const shopperId = await newShopper(h, order.client_token);
    await h.call('POST', '/v2/fulfillment_sandbox/batches', {
      token: order.client_token,
      body: { batch_type: 'delivery', shopper_id: shopperId, orders: [{ id: order.order_id }], workflow_state: 'picking' },
    });
    const update = async (line: string, body: unknown) => {
      const result = await h.call('PUT', `/v2/fulfillment_sandbox/shoppers/${shopperId}/orders/${order.order_id}/items/${line}`, {
        token: order.client_token,
        body,
      });
      assert.deepEqual(result.json, { success: true }, result.text);
    };
    const honeydew = CATALOG.find((product) => product.slug === 'honeydew');
    await update('1', { status: 'found', delivered_count: 10 });
    await update('2', { status: 'replaced' });
    await update('3', { status: 'replaced', replacement_item: { upc: honeydew?.upc }, delivered_weight: 2.25 });
    await update('4', { status: 'to_refund' });
    await update('5', { status: 'found' });
    await update('5', { status: 'not_found' });
    const items = (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token })).json.line_items;
    assert.deepEqual(
      items.map((item: { status: string; replacement_status: string }) => [item.status, item.replacement_status]),
      [
        ['found', 'SUBSTITUTION_STATUS_UNSPECIFIED'],
        ['replaced', 'PENDING'],
        ['replaced', 'PENDING'],
        ['to_refund', 'SUBSTITUTION_STATUS_UNSPECIFIED'],
        ['not_picked', 'SUBSTITUTION_STATUS_UNSPECIFIED'],
        ['not_picked', 'SUBSTITUTION_STATUS_UNSPECIFIED'],
      ],
    );
    // The usual substitute for a cantaloupe, and the product the shopper named by UPC with the weight found.
    assert.equal(items[1].replacement.name, 'Honeydew Melon');
    assert.equal(items[1].replacement.quantity, '1.0');
    assert.equal(items[2].replacement.name, 'Honeydew Melon');
    assert.equal(items[2].replacement.quantity, '2.25');
    assert.ok(items[2].replacement.image_url.endsWith('/__sandbox/images/honeydew.svg'));
    assert.equal(items[0].replacement, undefined);
    assert.equal(items[3].replacement, undefined);

    // A replacement answered, then the shopper finds the original after all: the replacement is gone.
    await update('2', { status: 'found' });
    const again = (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/items`, { token: order.access_token })).json.line_items[1];
    assert.equal(again.replacement, undefined);
    assert.equal(again.replacement_status, 'SUBSTITUTION_STATUS_UNSPECIFIED');
  });

  it('handling has the address, coordinates, notes and flags, and they never change', async () => {
    const h = harness();
    const order = await newOrder(h, { handling: { notes: 'Gate code 1234', leave_unattended: true, address: { address_line_2: 'Apt 2' } } });
    const read = () => h.call('GET', `/v2/post_checkout/orders/${order.order_id}/handling`, { token: order.access_token });
    const handling = (await read()).json;
    assert.equal(handling.shopper, undefined, 'no shopper before a batch');
    assert.equal(handling.address.address_line_1, '501 Belt Line Rd');
    assert.equal(handling.address.address_line_2, 'Apt 2');
    assert.equal(handling.address.postal_code, '62234');
    assert.equal(handling.address.country_code, 'US');
    assert.deepEqual(handling.coordinates, { latitude: 38.6924568, longitude: -89.9785745 });
    assert.equal(handling.notes, 'Gate code 1234');
    assert.equal(handling.leave_unattended, true);
    assert.equal(typeof handling.instructions, 'string');
    assert.equal(handling.alcoholic, false);
    h.sandbox.runAutoplay(order.order_id);
    const { shopper, ...after } = (await read()).json;
    assert.deepEqual(after, handling);
    assert.equal(typeof shopper.first_name, 'string', 'the shopper who fulfilled it');
  });

  it("handling names the shopper fulfilling the order, unless the retailer redacts shopper details", async () => {
    const h = harness();
    const order = await newOrder(h);
    const shopperId = await newShopper(h, order.client_token);
    await h.call('POST', '/v2/fulfillment_sandbox/batches', {
      token: order.client_token,
      body: { batch_type: 'delivery', shopper_id: shopperId, orders: [{ id: order.order_id }] },
    });
    const read = async () => (await h.call('GET', `/v2/post_checkout/orders/${order.order_id}/handling`, { token: order.access_token })).json;
    assert.deepEqual((await read()).shopper, { first_name: h.sandbox.getShopper(shopperId).firstName });
    await h.call('POST', `/__sandbox/orders/${order.order_id}/pii`, { body: { redacted: true } });
    const redacted = await read();
    assert.equal('shopper' in redacted, false, 'left out, as Connect does with shopper information removed');
    assert.equal(redacted.address.address_line_1, '501 Belt Line Rd', 'the rest is still there');
  });
});
