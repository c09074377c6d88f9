// Two servers of the kit sharing one real redis-server, as a retailer behind a load balancer runs them: a
// callback that lands on server A updates a page whose stream is on server B, within a second. When Redis
// goes away, the kit keeps answering: streams tell pages to poll, polling through the proxy still works,
// callbacks are still acknowledged; when it comes back, pages stream again.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Redis from 'ioredis';
import { RedisChangeBus } from '../../src/server/redis.js';
import { orderPath, type Kit } from './harness.js';
import { CALLBACK_TOKEN, FollowingPage, callbackBody, nodeEventSource, openStream, postCallback, startLiveKit } from './live-harness.js';
import { OrderTracker } from '../../src/tracking/tracker.js';
import { browserClock } from '../../src/common/clock.js';
import { ManualConnectivity, ManualVisibility } from '../../src/testing/index.js';
import { RedisServer, redisMissing } from './redis-server.js';

const missing = redisMissing();

describe('server kit: live updates across two servers through Redis', { skip: missing }, () => {
  let redis: RedisServer;
  let busA: RedisChangeBus;
  let busB: RedisChangeBus;
  let serverA: Kit;
  let serverB: Kit;
  let page: FollowingPage;
  let orderId: string;
  let batchId: number;

  /** Time from the emulator's change to the page on server B showing it. */
  async function changeAndMeasure(expected: string): Promise<number> {
    const started = performance.now();
    serverA.sandbox.advanceBatch(batchId);
    await page.shows(expected, 1_000);
    return performance.now() - started;
  }

  before(async () => {
    redis = await RedisServer.start();
    const client = () => new Redis({ host: '127.0.0.1', port: redis.port, lazyConnect: true });
    busA = new RedisChangeBus({ redis: client() });
    busB = new RedisChangeBus({ redis: client() });
    await Promise.all([busA.whenConnected(), busB.whenConnected()]);
    serverA = await startLiveKit({ rateLimit: false, live: { bus: busA } });
    // Server B calls the same Connect (server A's emulator): one retailer, two servers.
    serverB = await startLiveKit({ rateLimit: false, connectUrl: serverA.connect.url, live: { bus: busB } });
    // Instacart's callbacks land on server A only.
    serverA.sandbox.callbacks.configure({ url: `${serverA.kit.url}/instacart/callbacks`, token: CALLBACK_TOKEN });
    orderId = serverA.sandbox.createOrder({ userId: 'customer-a' }).id;
    const shopper = serverA.sandbox.createShopper({ email: 'shopper@example.com', phone: '5550100100' });
    batchId = serverA.sandbox.createBatch({ batchType: 'delivery', shopperId: shopper.id, orders: [{ id: orderId }] }).id;
    page = await FollowingPage.open(serverB, 'customer-a', orderId);
  });

  after(async () => {
    page?.stream.close();
    for (const server of [serverA, serverB]) {
      await server?.proxy.close();
      await server?.close();
    }
    await busA?.close();
    await busB?.close();
    await redis?.stop();
  });

  it('a callback received by server A updates the page streaming from server B within 1 s', async () => {
    const latencies = [];
    for (const state of ['picking', 'verifying_replacements', 'checkout']) latencies.push(await changeAndMeasure(state));
    assert.ok(Math.max(...latencies) < 1_000, `latencies ${latencies.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    assert.ok(serverB.logs.every((entry) => entry.event !== 'callback_received'), 'server B never received a callback itself');
    // The same callback retried onto the other server is recognised there too (shared through Redis).
    const retried = callbackBody(orderId, 'fulfillment.checkout', '1201895966044399999');
    assert.equal((await postCallback(serverA.kit.url, retried)).status, 200);
    assert.equal((await postCallback(serverB.kit.url, retried)).status, 200);
    assert.ok(serverB.logs.some((entry) => entry.event === 'callback_duplicate'));
  });

  it('the widget’s own tracker, its stream on server B, shows a change whose callback landed on server A within 1 s', async () => {
    // The customer's session cookie, as the browser sends it to the retailer's servers.
    const withSession: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      request.headers.set('Cookie', 'session=customer-a');
      return fetch(request);
    };
    // An order of its own, so the tests after this one find theirs where they left it.
    const ownOrderId = serverA.sandbox.createOrder({ userId: 'customer-a' }).id;
    const shopper = serverA.sandbox.createShopper({ email: 'second-shopper@example.com', phone: '5550100101' });
    const ownBatchId = serverA.sandbox.createBatch({ batchType: 'delivery', shopperId: shopper.id, orders: [{ id: ownOrderId }] }).id;
    let ready: () => void = () => {};
    const streamReady = new Promise<void>((resolve) => (ready = resolve));
    const tracker = new OrderTracker({
      apiBase: `${serverB.kit.url}/instacart`,
      orderId: ownOrderId,
      // Fifteen seconds between polls: only the stream can bring a change within the second.
      pollIntervalSeconds: 15,
      tokens: { proxy: true },
      fetch: withSession,
      env: {
        clock: browserClock,
        visibility: new ManualVisibility(),
        connectivity: new ManualConnectivity(),
        random: Math.random,
        openStream: nodeEventSource('customer-a', (frame) => frame.event === 'ready' && ready()),
      },
    });
    let onState: (state: string | undefined) => void = () => {};
    tracker.subscribe({ needs: ['order'], primary: [], onSnapshot: (snapshot) => onState(snapshot.order?.workflowState), onNotice: () => {} });
    /** Resolves with the time until the tracker shows `state`; fails after 1 s. */
    const shows = (state: string, started: number) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the tracker shows ${tracker.current.order?.workflowState}, not ${state}, after 1 s`)), 1_000);
        onState = (shown) => {
          if (shown !== state) return;
          clearTimeout(timer);
          resolve(performance.now() - started);
        };
        onState(tracker.current.order?.workflowState);
      });
    try {
      // The first answer opens the stream on server B; the kit says `ready` once it follows the order.
      await Promise.race([streamReady, new Promise((_, reject) => setTimeout(() => reject(new Error('no ready on the stream within 2 s')), 2_000))]);
      for (let step = 0; step < 3; step += 1) {
        const started = performance.now();
        serverA.sandbox.advanceBatch(ownBatchId);
        const state = serverA.sandbox.getOrder(ownOrderId).workflowState;
        assert.ok((await shows(state, started)) < 1_000);
      }
    } finally {
      tracker.stop();
    }
  });

  it('with Redis gone, the stream tells the page to poll, and the kit keeps answering', async () => {
    const lastId = page.stream.frames.filter((frame) => frame.id).at(-1)?.id as string;
    await redis.stop();
    await page.stream.endsWithin(5_000);
    assert.deepEqual(page.stream.all('fallback').map((frame) => frame.data), [{ retry_after: 30 }], 'the last frame says: poll, and try again in 30 s');

    // The emulator moves on; its callback still gets a 200 from server A, which cannot pass it on.
    serverA.sandbox.advanceBatch(batchId);
    await serverA.sandbox.callbacks.idle();
    assert.equal(serverA.sandbox.callbacks.deliveries().at(-1)?.status, 200);
    assert.ok(serverA.logs.some((entry) => entry.event === 'bus_publish_failed'));
    // The page polls through server B's proxy, which needs no Redis: it shows the new state.
    await page.poll();
    assert.equal(page.shown.at(-1), 'bags_check');
    // A new stream is refused for now, in Connect's envelope, with when to try again.
    const refused = await openStream(serverB, orderId, 'customer-a', { lastEventId: lastId });
    assert.equal(refused.status, 503);
    assert.equal(refused.json.error.code, 2003);
    assert.equal(refused.headers.get('Retry-After'), '30');
    assert.equal((await serverB.get(orderPath(orderId, '/items'), 'customer-a')).status, 200);
  });

  it('when Redis is back, pages stream again and re-read what they may have missed', async () => {
    const lastId = page.stream.frames.filter((frame) => frame.id).at(-1)?.id as string;
    await redis.restart();
    await Promise.all([busA.whenConnected(), busB.whenConnected()]);
    const resumed = await openStream(serverB, orderId, 'customer-a', { lastEventId: lastId });
    assert.equal(resumed.status, 200);
    await resumed.next('ready');
    assert.deepEqual((await resumed.next('changed')).data.resources, ['order', 'items', 'location']);
    page = await FollowingPage.open(serverB, 'customer-a', orderId);
    resumed.close();
    assert.ok((await changeAndMeasure('delivering')) < 1_000);
  });
});
