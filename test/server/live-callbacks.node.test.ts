// The callback receiver as Instacart and an attacker would meet it: only Instacart's bearer token gets a
// callback in; what gets in is bounded, parsed and deduplicated; and the page's stream hears which endpoints
// to re-read, nothing more.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createConnectProxy } from '../../src/server/index.js';
import type { Kit } from './harness.js';
import { CALLBACK_TOKEN, callbackBody, openStream, postCallback, startLiveKit } from './live-harness.js';

describe('server kit: the callback receiver', () => {
  let kit: Kit;
  let orderId: string;

  beforeEach(async () => {
    kit = await startLiveKit();
    orderId = kit.sandbox.createOrder({ userId: 'customer-a' }).id;
  });
  afterEach(async () => {
    await kit.proxy.close();
    await kit.close();
  });

  it('refuses a forged callback, whatever it tries, and nothing reaches the page', async () => {
    const stream = await openStream(kit, orderId, 'customer-a');
    await stream.next('ready');
    const forged = [
      await postCallback(kit.kit.url, callbackBody(orderId, 'fulfillment.canceled'), null),
      await postCallback(kit.kit.url, callbackBody(orderId, 'fulfillment.canceled'), 'cb_test_2b7e151628aed2a6abf7158809cf4f3d'),
      await postCallback(kit.kit.url, callbackBody(orderId, 'fulfillment.canceled'), CALLBACK_TOKEN.slice(0, -1)),
      await postCallback(kit.kit.url, callbackBody(orderId, 'fulfillment.canceled'), null, { Authorization: `Basic ${CALLBACK_TOKEN}` }),
      await fetch(`${kit.kit.url}/instacart/callbacks?access_token=${CALLBACK_TOKEN}`, { method: 'POST', body: callbackBody(orderId, 'fulfillment.canceled') }),
    ];
    for (const answer of forged) {
      assert.equal(answer.status, 401);
      assert.equal(answer.headers.get('WWW-Authenticate'), 'Bearer');
      assert.deepEqual(await answer.json(), { error: { message: 'Callback not authenticated', code: null } });
    }
    // The first hint the page gets is the genuine callback's, not a forged one's.
    assert.equal((await postCallback(kit.kit.url, callbackBody(orderId, 'fulfillment.order_item_refund'))).status, 200);
    assert.deepEqual((await stream.next('changed')).data, { resources: ['items'] });
    assert.equal(kit.logs.filter((entry) => entry.event === 'callback_refused').length, 5);
    assert.ok(!JSON.stringify(kit.logs).includes(CALLBACK_TOKEN), 'the token is never logged');
    stream.close();
  });

  it("answers Instacart's callback at once and tells the order's page what to re-read", async () => {
    const stream = await openStream(kit, orderId, 'customer-a');
    await stream.next('ready');
    const events: [string, string[]][] = [
      ['fulfillment.picking', ['order']],
      ['fulfillment.order_item_replacement', ['items']],
      ['fulfillment.checkout', ['order', 'items']],
      ['fulfillment.delivering', ['order', 'location']],
      ['fulfillment.order_location', ['location']],
      ['fulfillment.shopper_waved', ['order']], // a name the kit does not know still re-reads the order
      ['FULFILLMENT.DELIVERED', ['order']],
    ];
    for (const [name, resources] of events) {
      const answer = await postCallback(kit.kit.url, callbackBody(orderId, name));
      assert.equal(answer.status, 200);
      assert.deepEqual(await answer.json(), {});
      const frame = await stream.next('changed');
      assert.deepEqual(frame.data, { resources }, name);
      assert.match(frame.id ?? '', /^[a-z0-9]+\.\d+$/);
    }
    assert.equal(kit.forwarded().length, 1, 'callbacks cost Connect nothing; only the stream opening asked for the order');
    stream.close();
  });

  it("refuses malformed callbacks in Connect's envelope, never with a 500", async () => {
    const cases: [string, number, string][] = [
      ['not json', 400, 'body'],
      ['[1, 2]', 400, 'body'],
      ['{"event_name": "fulfillment.picking", "event_metadata": {"order_id": "a"}}', 400, 'event_id'],
      ['{"event_id": 1.5, "event_name": "fulfillment.picking", "event_metadata": {"order_id": "a"}}', 400, 'event_id'],
      ['{"event_id": "has spaces", "event_name": "fulfillment.picking", "event_metadata": {"order_id": "a"}}', 400, 'event_id'],
      ['{"event_id": 1, "event_metadata": {"order_id": "a"}}', 400, 'event_name'],
      ['{"event_id": 1, "event_name": "fulfillment.picking\\nx", "event_metadata": {"order_id": "a"}}', 400, 'event_name'],
      ['{"event_id": 1, "event_name": "fulfillment.picking"}', 400, 'order_id'],
      ['{"event_id": 1, "event_name": "fulfillment.picking", "event_metadata": {"order_id": "../token"}}', 400, 'order_id'],
      [`{"event_id": 1, "event_name": "fulfillment.picking", "event_metadata": {"order_id": "a", "pad": "${'x'.repeat(70_000)}"}}`, 413, 'body'],
    ];
    for (const [body, status, key] of cases) {
      const answer = await postCallback(kit.kit.url, body);
      assert.equal(answer.status, status, body.slice(0, 60));
      const json = (await answer.json()) as { error: { code: number }; meta: { key: string } };
      assert.equal(json.error.code, 1001);
      assert.equal(json.meta.key, key, body.slice(0, 60));
    }
    const get = await fetch(`${kit.kit.url}/instacart/callbacks`, { headers: { Authorization: `Bearer ${CALLBACK_TOKEN}` } });
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('Allow'), 'POST');
  });

  it('passes a callback sent twice on once, and keeps ids beyond 2^53 apart', async () => {
    const stream = await openStream(kit, orderId, 'customer-a');
    await stream.next('ready');
    const twice = callbackBody(orderId, 'fulfillment.picking', '1201895966044343904');
    assert.equal((await postCallback(kit.kit.url, twice)).status, 200);
    assert.equal((await postCallback(kit.kit.url, twice)).status, 200, 'a duplicate is acknowledged, so Instacart stops sending it');
    // As JavaScript numbers these two are the same; as event ids they are two events.
    assert.equal(Number('1201895966044343905'), Number('1201895966044343906'));
    await postCallback(kit.kit.url, callbackBody(orderId, 'fulfillment.order_item_replacement', '1201895966044343905'));
    await postCallback(kit.kit.url, callbackBody(orderId, 'fulfillment.order_item_refund', '1201895966044343906'));
    await postCallback(kit.kit.url, callbackBody(orderId, 'fulfillment.delivering', '"evt-7"'));
    const resources = [];
    for (let i = 0; i < 4; i += 1) resources.push((await stream.next('changed')).data.resources.join('+'));
    assert.deepEqual(resources, ['order', 'items', 'items', 'order+location'], 'the duplicate was not passed on');
    assert.equal(kit.logs.filter((entry) => entry.event === 'callback_duplicate').length, 1);
    stream.close();
  });

  it("uses the retailer's own check when given one, and a check that throws is a 500 that says nothing", async () => {
    await kit.proxy.close();
    await kit.close();
    kit = await startLiveKit({
      live: {
        // e.g. an HMAC of the body; it may read the body without taking it from the kit.
        verifyCallback: async (request) => {
          if (request.headers.get('X-Check') === 'throw') throw new Error(`broken ${CALLBACK_TOKEN}`);
          return request.headers.get('X-Check') === `len-${(await request.text()).length}`;
        },
      },
    });
    orderId = kit.sandbox.createOrder({ userId: 'customer-a' }).id;
    const body = callbackBody(orderId, 'fulfillment.picking');
    assert.equal((await postCallback(kit.kit.url, body, null, { 'X-Check': `len-${body.length}` })).status, 200);
    assert.equal((await postCallback(kit.kit.url, body, CALLBACK_TOKEN)).status, 401, 'the token list is replaced, not added to');
    const broken = await postCallback(kit.kit.url, body, null, { 'X-Check': 'throw' });
    assert.equal(broken.status, 500);
    assert.ok(!(await broken.text()).includes(CALLBACK_TOKEN));
    assert.ok(kit.logs.some((entry) => entry.event === 'callback_verify_failed' && !entry.message.includes(CALLBACK_TOKEN)));
  });

  it('will not start without a way to authenticate callbacks, or with a weak token', () => {
    const base = { connectBase: 'http://127.0.0.1:1', clientId: 'id', clientSecret: 'secret', userIdFor: () => null };
    assert.throws(() => createConnectProxy({ ...base, live: {} }), /callbackTokens or verifyCallback/);
    assert.throws(() => createConnectProxy({ ...base, live: { callbackTokens: ['short-token'] } }), (error: Error) => !error.message.includes('short-token'));
    assert.throws(() => createConnectProxy({ ...base, live: { callbackTokens: [] } }), TypeError);
    assert.throws(() => createConnectProxy({ ...base, live: { callbackTokens: [CALLBACK_TOKEN], heartbeatSeconds: 0 } }), /live.heartbeatSeconds/);
  });
});
