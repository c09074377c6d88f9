// The change bus misbehaving, as a retailer's broker can: refusing, hanging, losing subscriptions, failing to
// publish. Whatever it does, pages are told to poll (or are refused a stream) and the kit keeps answering.
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryChangeBus, type ChangeBus, type ChangeSubscriber, type OrderChange } from '../../src/server/index.js';
import { orderPath, type Kit } from './harness.js';
import { callbackBody, openStream, postCallback, startLiveKit } from './live-harness.js';

/** A memory bus whose faults a test switches on. */
class FaultyBus implements ChangeBus {
  readonly inner = new MemoryChangeBus();
  readonly subscribers = new Set<ChangeSubscriber>();
  subscribe_: 'works' | 'refuses' | 'hangs' = 'works';
  publishFails = false;
  unsubscribed = 0;
  #hung: ((unsubscribe: () => void) => void)[] = [];

  async publish(change: OrderChange): Promise<void> {
    if (this.publishFails) throw new Error('broker down');
    return this.inner.publish(change);
  }

  async subscribe(orderId: string, subscriber: ChangeSubscriber): Promise<() => void> {
    if (this.subscribe_ === 'refuses') throw new Error('broker down');
    if (this.subscribe_ === 'hangs') return new Promise((resolve) => this.#hung.push(resolve));
    this.subscribers.add(subscriber);
    const unsubscribe = await this.inner.subscribe(orderId, subscriber);
    return () => {
      this.unsubscribed += 1;
      this.subscribers.delete(subscriber);
      unsubscribe();
    };
  }

  /** The broker finally confirms the hung subscriptions. */
  confirmHung(): void {
    for (const resolve of this.#hung.splice(0)) resolve(() => (this.unsubscribed += 1));
  }

  loseAll(): void {
    for (const subscriber of [...this.subscribers]) subscriber.lost();
    this.subscribers.clear();
  }
}

describe('server kit: when the change bus fails', () => {
  let kit: Kit;
  let bus: FaultyBus;
  let orderId: string;

  const start = async () => {
    bus = new FaultyBus();
    kit = await startLiveKit({ live: { bus } });
    orderId = kit.sandbox.createOrder({ userId: 'customer-a' }).id;
  };
  afterEach(async () => {
    await kit.proxy.close();
    await kit.close();
  });

  it('refuses a stream at once when the bus refuses, and after 5 s when it does not answer; the proxy is unaffected', async () => {
    await start();
    bus.subscribe_ = 'refuses';
    const refused = await openStream(kit, orderId, 'customer-a');
    assert.equal(refused.status, 503);
    assert.deepEqual(refused.json.error, { message: 'Live updates are unavailable; poll instead', code: 2003 });
    assert.equal(refused.headers.get('Retry-After'), '30');

    bus.subscribe_ = 'hangs';
    const opening = openStream(kit, orderId, 'customer-a');
    // The stream waits on the bus; once the page's order check has crossed to Connect, time moves on.
    const deadline = Date.now() + 2000;
    while (kit.forwarded().length < 2 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    await kit.clock.advance(5_000);
    assert.equal((await opening).status, 503);
    bus.confirmHung();
    await new Promise((resolve) => setImmediate(resolve)); // the confirmation's promise settles
    assert.equal(bus.unsubscribed, 1, 'a subscription confirmed too late is released at once');
    assert.equal((await kit.get(orderPath(orderId), 'customer-a')).status, 200);
    assert.ok(kit.logs.some((entry) => entry.event === 'bus_unavailable'));
  });

  it('tells every stream of an order to poll when the bus loses its subscription, and lets it stream again later', async () => {
    await start();
    const first = await openStream(kit, orderId, 'customer-a');
    const second = await openStream(kit, orderId, 'customer-a');
    await Promise.all([first.next('ready'), second.next('ready')]);
    bus.loseAll();
    for (const stream of [first, second]) {
      await stream.endsWithin();
      assert.deepEqual(stream.all('fallback').map((frame) => frame.data), [{ retry_after: 30 }]);
    }
    const again = await openStream(kit, orderId, 'customer-a', { lastEventId: first.frames[0]?.id as string });
    await again.next('ready');
    assert.deepEqual((await again.next('changed')).data.resources, ['order', 'items', 'location'], 'it cannot know what it missed');
    again.close();
  });

  it('acknowledges a callback it cannot pass on, and says so in the log', async () => {
    await start();
    bus.publishFails = true;
    assert.equal((await postCallback(kit.kit.url, callbackBody(orderId, 'fulfillment.picking'))).status, 200);
    const deadline = Date.now() + 2000;
    while (!kit.logs.some((entry) => entry.event === 'bus_publish_failed') && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    assert.ok(kit.logs.some((entry) => entry.event === 'bus_publish_failed'));
  });
});
