// Callbacks arrive late, twice, out of order or not at all (docs/connect-api.md §6). The emulator sends them
// to the kit the way Connect would, with those faults injected; a page follows the order through the kit's
// stream and re-reads on every hint. Whatever the callbacks do, the page shows what Connect says now: never
// an older state, never a wrong one.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kit } from './harness.js';
import { CALLBACK_TOKEN, FollowingPage, startLiveKit } from './live-harness.js';

const DELIVERY = ['brand_new', 'acknowledged', 'picking', 'verifying_replacements', 'checkout', 'bags_check', 'delivering', 'delivered'];

describe('server kit: callbacks out of order never show an older state', () => {
  let kit: Kit;
  let page: FollowingPage;
  let orderId: string;
  let batchId: number;

  /** The emulator moves the order on; its callback (if any) has been answered by the kit when this resolves. */
  const advance = async () => {
    kit.sandbox.advanceBatch(batchId);
    await kit.sandbox.callbacks.idle();
    return kit.sandbox.getOrder(orderId).workflowState;
  };
  /** The states the page showed only ever move forward along the lifecycle. */
  const assertNeverBackwards = () => {
    const positions = page.shown.map((state) => DELIVERY.indexOf(state));
    assert.ok(positions.every((position, i) => position >= 0 && (i === 0 || position >= (positions[i - 1] as number))), page.shown.join(' → '));
  };

  beforeEach(async () => {
    kit = await startLiveKit({ rateLimit: false });
    kit.sandbox.callbacks.configure({ url: `${kit.kit.url}/instacart/callbacks`, token: CALLBACK_TOKEN });
    orderId = kit.sandbox.createOrder({ userId: 'customer-a' }).id;
    const shopper = kit.sandbox.createShopper({ email: 'shopper@example.com', phone: '5550100100' });
    batchId = kit.sandbox.createBatch({ batchType: 'delivery', shopperId: shopper.id, orders: [{ id: orderId }] }).id;
    await kit.sandbox.callbacks.idle();
    page = await FollowingPage.open(kit, 'customer-a', orderId);
    assert.deepEqual(page.shown, ['acknowledged']);
  });
  afterEach(async () => {
    page.stream.close();
    await kit.proxy.close();
    await kit.close();
  });

  it('follows the whole delivery from callbacks alone, every one authenticated and answered 200', async () => {
    for (let state = await advance(); ; state = await advance()) {
      await page.shows(state);
      if (state === 'delivered') break;
    }
    assertNeverBackwards();
    const sent = kit.sandbox.callbacks.deliveries();
    assert.ok(sent.length >= 8);
    assert.ok(sent.every((delivery) => delivery.outcome === 'sent' && delivery.status === 200), JSON.stringify(sent));
  });

  it('a callback held back and delivered after the next one re-reads, and still shows the newer state', async () => {
    await page.shows(await advance()); // picking
    kit.sandbox.callbacks.injectFaults({ reorder: 1 });
    kit.sandbox.advanceBatch(batchId); // verifying_replacements: its callback is held back…
    const newer = await advance(); // …and sent after checkout's
    assert.equal(newer, 'checkout');
    const arrived = kit.sandbox.callbacks.deliveries().slice(-2).map((delivery) => delivery.eventName);
    assert.deepEqual(arrived, ['fulfillment.checkout', 'fulfillment.verifying_replacements'], 'the emulator really reordered them');
    await page.hasFollowed(3);
    // Every hint was followed (two re-reads after picking), and the late one showed checkout again, not verifying_replacements.
    assert.deepEqual(page.shown.slice(-2), ['checkout', 'checkout']);
    assertNeverBackwards();
  });

  it('a callback sent twice makes the page re-read once; the same event sent again after the order moved back is a new event', async () => {
    kit.sandbox.callbacks.injectFaults({ duplicate: 1 });
    await page.shows(await advance()); // picking, sent twice
    const twice = kit.sandbox.callbacks.deliveries().filter((delivery) => delivery.eventName === 'fulfillment.picking');
    assert.equal(twice.length, 2);
    assert.equal(twice[0]?.eventId, twice[1]?.eventId);
    assert.equal(page.stream.all('changed').length, 1, 'the duplicate went no further than the kit');

    await page.shows(await advance()); // verifying_replacements
    // The order moves back (docs/connect-api.md §1.1): Connect sends picking's callback again, as a new event.
    kit.sandbox.forceState(orderId, 'picking');
    await kit.sandbox.callbacks.idle();
    await page.shows('picking');
    assert.deepEqual(page.shown.slice(-2), ['verifying_replacements', 'picking'], 'the page follows Connect back');
  });

  it('a dropped callback leaves the page on the last state it read until the safety-net poll, never on a wrong one', async () => {
    for (const state of ['picking', 'verifying_replacements', 'checkout', 'bags_check']) assert.equal(await advance(), state);
    await page.shows('bags_check');
    kit.sandbox.callbacks.injectFaults({ drop: 1 });
    assert.equal(await advance(), 'delivering');
    assert.equal(kit.sandbox.callbacks.deliveries().at(-1)?.outcome, 'dropped');
    assert.equal(page.shown.at(-1), 'bags_check', 'nothing told the page: it still shows what it last read');
    await page.poll();
    assert.equal(page.shown.at(-1), 'delivering', "the widget's slow poll catches what the callback would have said");
    assert.equal(await advance(), 'delivered');
    await page.shows('delivered');
    assertNeverBackwards();
  });
});
