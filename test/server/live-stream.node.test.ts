// The page's live stream as a customer (and someone else) meets it: only their own orders, bounded,
// alive (heartbeats) and renewed, and resumable without missing a change.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kit } from './harness.js';
import { StreamClient, callbackBody, openStream, postCallback, startLiveKit } from './live-harness.js';

describe('server kit: the live stream', () => {
  let kit: Kit;
  let orderA: string;
  const streams: StreamClient[] = [];
  const open = async (...args: Parameters<typeof openStream>) => {
    const stream = await openStream(...args);
    streams.push(stream);
    return stream;
  };
  const announce = async (name: string) => assert.equal((await postCallback(kit.kit.url, callbackBody(orderA, name))).status, 200);

  beforeEach(async () => {
    kit = await startLiveKit({ live: { maxStreamsPerCustomer: 2, maxStreams: 3 } });
    orderA = kit.sandbox.createOrder({ userId: 'customer-a' }).id;
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await kit.proxy.close();
    await kit.close();
  });

  it("opens for the customer's own order, asking Connect once with their token, and carries no order data", async () => {
    const stream = await open(kit, orderA, 'customer-a');
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('Content-Type') ?? '', /^text\/event-stream/);
    assert.equal(stream.headers.get('Cache-Control'), 'no-store');
    const ready = await stream.next('ready');
    assert.deepEqual(ready.data, { order_id: orderA, heartbeat_ms: 20_000 });
    assert.ok((ready.retry ?? 0) >= 2000 && (ready.retry ?? 0) <= 5000, `retry ${ready.retry}`);
    const checks = kit.forwarded();
    assert.deepEqual(checks.map((call) => `${call.method} ${call.path}`), [`GET /v2/post_checkout/orders/${orderA}`]);
    assert.equal(checks[0]?.headers.get('Authorization'), `Bearer ${kit.mintedTokens[0]}`);
    await announce('fulfillment.picking');
    await stream.next('changed');
    const said = JSON.stringify(stream.frames);
    assert.ok(!said.includes(kit.mintedTokens[0] as string) && !said.includes('brand_new') && !said.includes('picking'), said);
  });

  it("refuses another customer's order, nobody, another site and a malformed request, in Connect's envelope", async () => {
    const other = await open(kit, orderA, 'customer-b');
    assert.equal(other.status, 404, 'Connect does not show customer-b that order');
    assert.equal(other.json.error.code, 4000);
    assert.equal(kit.forwarded().at(-1)?.headers.get('Authorization'), `Bearer ${kit.mintedTokens.at(-1)}`, "asked with customer-b's own token");
    const nobody = await open(kit, orderA);
    assert.equal(nobody.status, 401);
    const crossSite = await open(kit, orderA, 'customer-a', { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
    assert.equal(crossSite.status, 403);
    const noOrder = await StreamClient.open(`${kit.kit.url}/instacart/events`, { user: 'customer-a' });
    assert.deepEqual([noOrder.status, noOrder.json.meta.key], [400, 'order']);
    const oddId = await open(kit, '..%2Ftoken', 'customer-a');
    assert.deepEqual([oddId.status, oddId.json.meta.key], [404, 'order_id']);
    assert.equal(kit.forwarded().length, 1, 'only the genuine customer check reached Connect');
    // A refused page gets nothing: a callback for the order reaches no one.
    await announce('fulfillment.picking');
    assert.equal(other.frames.length + nobody.frames.length + crossSite.frames.length, 0);
  });

  it('sends a heartbeat whenever nothing else was sent, and ends after its lifetime so the page reconnects', async () => {
    const stream = await open(kit, orderA, 'customer-a');
    await stream.next('ready');
    await kit.clock.advance(19_999);
    await announce('fulfillment.picking');
    await stream.next('changed');
    await kit.clock.advance(19_999);
    assert.equal(stream.all('heartbeat').length, 0, 'a change counts as a sign of life');
    await kit.clock.advance(1);
    assert.deepEqual((await stream.next('heartbeat')).data, {});
    await kit.clock.advance(15 * 60_000);
    await stream.ended;
    assert.equal(stream.all('fallback').length, 0, 'a stream at the end of its life just ends: the page reconnects');
    assert.ok(stream.all('heartbeat').length >= 40);
  });

  it('holds at most so many streams per customer and per server, and frees them when pages go away', async () => {
    const a1 = await open(kit, orderA, 'customer-a');
    await open(kit, orderA, 'customer-a');
    const a3 = await open(kit, orderA, 'customer-a');
    assert.equal(a3.status, 429);
    assert.equal(a3.json.error.code, 2003);
    assert.equal(a3.headers.get('Retry-After'), '30');
    const orderB = kit.sandbox.createOrder({ userId: 'customer-b' }).id;
    assert.equal((await open(kit, orderB, 'customer-b')).status, 200);
    const orderC = kit.sandbox.createOrder({ userId: 'customer-c' }).id;
    const c1 = await open(kit, orderC, 'customer-c');
    assert.equal(c1.status, 503, 'the server is full');
    assert.ok(c1.headers.get('Retry-After'));

    a1.close();
    await a1.ended;
    const deadline = Date.now() + 2000;
    let again: StreamClient;
    do again = await open(kit, orderA, 'customer-a');
    while (again.status !== 200 && Date.now() < deadline);
    assert.equal(again.status, 200, 'the page that went away gave its stream back');
  });

  it('resumes with Last-Event-ID: what was missed, merged into one; everything when it cannot be sure', async () => {
    const first = await open(kit, orderA, 'customer-a');
    const readyId = (await first.next('ready')).id as string;
    await announce('fulfillment.order_item_replacement');
    const seenId = (await first.next('changed')).id as string;
    first.close();
    await first.ended;
    // While the page is away: two more changes.
    await announce('fulfillment.picking');
    await announce('fulfillment.order_item_refund');

    const resumed = await open(kit, orderA, 'customer-a', { lastEventId: seenId });
    await resumed.next('ready');
    assert.deepEqual((await resumed.next('changed')).data, { resources: ['order', 'items'] });
    resumed.close();
    const fromReady = await open(kit, orderA, 'customer-a', { query: `&last_event_id=${encodeURIComponent(readyId)}` });
    await fromReady.next('ready');
    assert.deepEqual((await fromReady.next('changed')).data, { resources: ['order', 'items'] });
    fromReady.close();
    await fromReady.ended;
    await resumed.ended;

    const fresh = await open(kit, orderA, 'customer-a');
    const freshReady = await fresh.next('ready');
    await announce('fulfillment.delivering');
    assert.deepEqual((await fresh.next('changed')).data, { resources: ['order', 'location'] }, 'a fresh stream replays nothing');
    fresh.close();
    await fresh.ended;

    const unknown = await open(kit, orderA, 'customer-a', { lastEventId: 'not-a-cursor' });
    await unknown.next('ready');
    assert.deepEqual((await unknown.next('changed')).data, { resources: ['order', 'items', 'location'] });
    unknown.close();
    await unknown.ended;
    const now = Number((freshReady.id as string).split('.')[1]);
    // Another server's cursor, from before this one followed the order: it cannot be sure.
    const foreignOld = await open(kit, orderA, 'customer-a', { lastEventId: `zz99zz99.${now - 3_600_000}` });
    await foreignOld.next('ready');
    assert.deepEqual((await foreignOld.next('changed')).data.resources, ['order', 'items', 'location']);
    foreignOld.close();
    await foreignOld.ended;
  });

  it('forgets an order a minute after its last stream left: a resume then re-reads everything', async () => {
    const stream = await open(kit, orderA, 'customer-a');
    await stream.next('ready');
    await announce('fulfillment.picking');
    const seen = (await stream.next('changed')).id as string;
    stream.close();
    await stream.ended;
    await kit.clock.advance(61_000);
    const later = await open(kit, orderA, 'customer-a', { lastEventId: seen });
    await later.next('ready');
    assert.deepEqual((await later.next('changed')).data.resources, ['order', 'items', 'location']);
  });

  it('ends every stream when the kit closes, without telling pages to stop pushing', async () => {
    const stream = await open(kit, orderA, 'customer-a');
    await stream.next('ready');
    await kit.proxy.close();
    await stream.ended;
    assert.equal(stream.all('fallback').length, 0);
  });
});

