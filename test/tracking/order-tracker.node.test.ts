// The shared order tracker against a scripted Connect: what it asks when, what it keeps on screen when
// things fail, and how tabs share the polling. Time is a manual clock: an hour runs in milliseconds.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { OrderTracker, type TrackerSubscriber } from '../../src/tracking/tracker.js';
import type { OrderSnapshot } from '../../src/tracking/snapshot.js';
import { ConnectStandIn, type ScriptedOrder } from '../helpers/connect-stand-in.js';
import { RequestLog, manualEnvironment, memoryTabs, messagesDelivered, type ManualEnvironment } from '../../src/testing/index.js';
import type { TabServices } from '../../src/tracking/tab-coordinator.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

const API = 'https://connect.fake';
let connect: ConnectStandIn;
let order: ScriptedOrder;
let env: ManualEnvironment;
let log: RequestLog;
const trackers: OrderTracker[] = [];

beforeEach(() => {
  connect = new ConnectStandIn(API);
  order = connect.order({ items: [{ id: 'i1', status: 'not_picked' }] });
  server.resetHandlers(...connect.handlers());
  env = manualEnvironment();
  log = new RequestLog(() => env.clock.now());
  env.clock.settleWith = () => log.idle();
});
afterEach(() => {
  for (const t of trackers.splice(0)) t.stop();
});

function track(options: { token?: string; tokenUrl?: string; tokenProvider?: () => Promise<string>; env?: ManualEnvironment } = { token: connect.token }) {
  const tracker = new OrderTracker({
    apiBase: API,
    orderId: order.id,
    pollIntervalSeconds: 10,
    tokens: { token: options.token, tokenUrl: options.tokenUrl, tokenProvider: options.tokenProvider },
    fetch: log.fetch,
    env: options.env ?? env,
  });
  trackers.push(tracker);
  const snapshots: OrderSnapshot[] = [];
  const events: { type: string; detail: Record<string, unknown> }[] = [];
  const subscriber: TrackerSubscriber = {
    needs: ['order', 'items', 'handling', 'location'],
    primary: ['order', 'items', 'handling', 'location'],
    onSnapshot: (s) => snapshots.push(s),
    onNotice: (notice) => events.push({ type: notice.type, detail: { ...notice.detail } }),
  };
  tracker.subscribe(subscriber);
  return { tracker, snapshots, events, latest: () => tracker.current };
}

describe('OrderTracker', () => {
  it('opens with order and handling, then items; polls a brand_new order at 4 × the interval', async () => {
    track();
    await env.clock.advance(0);
    assert.deepEqual(log.requests.map((r) => r.resource).sort(), ['handling', 'items', 'order']);
    log.clear();
    await env.clock.advance(120_000);
    assert.equal(log.count('order'), 3, 'every 40 s while brand_new');
    assert.equal(log.count('items'), 0);
    assert.equal(log.count('handling'), 0);
  });

  it('the same answer twice changes nothing: no new snapshot, no event', async () => {
    order.workflow_state = 'acknowledged';
    const { snapshots, events } = track();
    await env.clock.advance(0);
    const settled = snapshots.length;
    const eventCount = events.length;
    await env.clock.advance(60_000);
    assert.ok(log.count('order') >= 6);
    assert.equal(snapshots.length, settled);
    assert.equal(events.length, eventCount);
  });

  it('hidden for 10 minutes asks nothing; visible again refreshes each active endpoint once at once', async () => {
    order.workflow_state = 'picking';
    track();
    await env.clock.advance(0);
    env.visibility.set(false);
    log.clear();
    await env.clock.advance(600_000);
    assert.equal(log.requests.length, 0);
    env.visibility.set(true);
    await env.clock.settle();
    assert.deepEqual(log.requests.map((r) => r.resource).sort(), ['items', 'order']);
    // Flipping back and forth does not hammer: at most one refresh per few seconds.
    env.visibility.set(false);
    env.visibility.set(true);
    env.visibility.set(false);
    env.visibility.set(true);
    await env.clock.settle();
    assert.equal(log.requests.length, 2);
  });

  it('offline: no requests, no error event, "offline" condition; online: refresh at once', async () => {
    order.workflow_state = 'picking';
    const { events, latest } = track();
    await env.clock.advance(0);
    env.connectivity.set(false);
    log.clear();
    await env.clock.advance(300_000);
    assert.equal(log.requests.length, 0);
    assert.equal(latest().condition, 'offline');
    env.connectivity.set(true);
    await env.clock.settle();
    assert.equal(log.count('order'), 1);
    assert.equal(latest().condition, 'live');
    assert.equal(events.filter((e) => e.type === 'order-error').length, 0);
  });

  it('503 × 5 then success: backs off, keeps the data, reports once, then returns to the interval', async () => {
    order.workflow_state = 'acknowledged';
    const { latest, events } = track();
    await env.clock.advance(0);
    const shown = latest().order;
    connect.fail(order, 'order', { status: 503, json: { error: { message: 'down', code: 5000 } } }, 5);
    log.clear();
    await env.clock.advance(10_000);
    assert.equal(latest().condition, 'reconnecting');
    assert.equal(latest().order, shown, 'the order on screen stays');
    await env.clock.advance(600_000);
    const times = log.requests.filter((r) => r.resource === 'order').map((r) => r.at);
    const gaps = times.slice(1).map((t, i) => (t - times[i]!) / 1000);
    // random() = 0.5 → each wait is half its ceiling: 10·2^n s, capped at 5 min.
    assert.deepEqual(gaps.slice(0, 6), [10, 20, 40, 80, 150, 10]);
    assert.equal(latest().condition, 'live');
    assert.equal(events.filter((e) => e.type === 'order-error').length, 1);
  });

  it('401 then a fresh token from token-url: the call is repeated and goes on', async () => {
    let issued = 0;
    const tokens = ['first', connect.token];
    const fetchToken = async () => tokens[issued++]!;
    const { latest } = track({ tokenProvider: fetchToken });
    await env.clock.advance(0);
    assert.equal(latest().condition, 'live');
    assert.equal(latest().order?.workflowState, 'brand_new');
    assert.equal(issued, 2);
  });

  it('three endpoints failing with 401 at once cause exactly one token request', async () => {
    order.workflow_state = 'delivering';
    let issued = 0;
    const { latest } = track({ tokenProvider: async () => (issued++ === 0 ? 'first' : connect.token) });
    await env.clock.advance(0);
    // order+handling first, then items/location: they all used 'first' or 'second'.
    assert.equal(issued, 2);
    assert.equal(latest().condition, 'live');
  });

  it('401 twice: "sign in again", an auth error event, and no more requests', async () => {
    const { latest, events } = track({ tokenProvider: async () => 'never-good' });
    await env.clock.advance(0);
    assert.equal(latest().condition, 'auth');
    assert.ok(events.some((e) => e.type === 'order-error' && e.detail.kind === 'auth'));
    log.clear();
    await env.clock.advance(3_600_000);
    assert.equal(log.requests.length, 0);
  });

  it('after "sign in again", coming back to the page asks the token provider once more', async () => {
    let asked = 0;
    let signedIn = false;
    const { latest } = track({
      tokenProvider: async () => {
        asked += 1;
        return signedIn ? connect.token : `token-${asked}`;
      },
    });
    await env.clock.advance(0);
    assert.equal(latest().condition, 'auth');
    const askedBefore = asked;
    // Signed in again in another tab; this one was in the background.
    signedIn = true;
    env.visibility.set(false);
    await env.clock.advance(60_000);
    env.visibility.set(true);
    await env.clock.settle();
    assert.equal(asked, askedBefore + 1);
    assert.equal(latest().condition, 'live');
    assert.equal(latest().order?.workflowState, 'brand_new');
  });

  it('a fixed token in "sign in again" is not retried on return: it cannot change by itself', async () => {
    const { latest } = track({ token: 'stale' });
    await env.clock.advance(0);
    assert.equal(latest().condition, 'auth');
    env.visibility.set(false);
    await env.clock.advance(60_000);
    log.clear();
    env.visibility.set(true);
    await env.clock.settle();
    assert.equal(log.requests.length, 0);
  });

  it('404 on the order: "not found" and everything stops', async () => {
    connect.fail(order, 'order', { status: 404, json: { error: { message: 'Resource not found', code: 4000 } } });
    const { latest } = track();
    await env.clock.advance(0);
    assert.equal(latest().condition, 'not_found');
    log.clear();
    await env.clock.advance(3_600_000);
    assert.equal(log.requests.length, 0);
  });

  it('403 on the location: not shared, location polling stops, the rest goes on', async () => {
    order.workflow_state = 'delivering';
    connect.fail(order, 'location', { status: 403, json: { error: { message: 'Shopper PII', code: null } } });
    const { latest } = track();
    await env.clock.advance(0);
    assert.equal(latest().locationShared, false);
    log.clear();
    await env.clock.advance(60_000);
    assert.equal(log.count('location'), 0);
    assert.ok(log.count('order') >= 5);
  });

  it('a malformed body keeps the last good data and retries', async () => {
    order.workflow_state = 'picking';
    const { latest, events } = track();
    await env.clock.advance(0);
    const items = latest().items;
    connect.fail(order, 'items', { status: 200, body: '{"line_items": [' });
    connect.fail(order, 'items', { json: { line_items: { id: 'x' } } });
    await env.clock.advance(60_000);
    assert.equal(latest().items, items);
    assert.deepEqual(events.filter((e) => e.type === 'order-error').map((e) => e.detail.kind), ['invalid_response']);
    assert.equal(latest().condition, 'live', 'recovered after the bad answers');
  });

  it('a bad item is left out, the rest shown, and the page hears of it once, however often it is read', async () => {
    order.workflow_state = 'picking';
    const { latest, events } = track();
    connect.fail(order, 'items', { json: { line_items: [{ id: 'i1', status: 'found', item: { name: 'Milk', quantity: '1' } }, { id: 'i2', item: { name: 'Eggs' } }] } }, 10);
    await env.clock.advance(60_000);
    assert.ok(log.count('items') >= 5);
    assert.deepEqual(latest().items?.map((i) => i.id), ['i1']);
    assert.equal(latest().condition, 'live');
    assert.deepEqual(
      events.filter((e) => e.type === 'order-error').map((e) => [e.detail.resource, e.detail.kind, e.detail.message]),
      [['items', 'invalid_response', 'Unexpected answer from Connect: line_items[1].status is missing; line_items[1] is left out.']],
    );
  });

  it('a state the widget does not know keeps polling the order only', async () => {
    order.workflow_state = 'teleporting';
    const { latest } = track();
    await env.clock.advance(0);
    log.clear();
    await env.clock.advance(60_000);
    assert.equal(latest().order?.workflowState, 'teleporting');
    assert.equal(log.count('order'), 6);
    assert.equal(log.count('items') + log.count('location') + log.count('handling'), 0);
  });

  it('a slow answer that lands after a newer one does not overwrite it', async () => {
    order.workflow_state = 'picking';
    const { latest } = track();
    await env.clock.advance(0);
    // From here a request may hang on purpose: settling only lets the others land.
    env.clock.settleWith = async () => {
      for (let i = 0; i < 10; i += 1) await new Promise((r) => setTimeout(r, 0));
    };
    let releaseSlow!: () => void;
    const oldBody = { line_items: [{ id: 'i1', status: 'not_picked', item: { name: 'Item i1', quantity: '1', cost_unit: 'EACH' } }] };
    connect.fail(order, 'items', () => new Promise((resolve) => (releaseSlow = () => resolve({ json: oldBody }))));
    await env.clock.advance(10_000); // the items poll goes out and hangs with the old list
    assert.equal(log.pending, 1);
    order.items = [{ id: 'i1', status: 'found' }];
    order.workflow_state = 'checkout';
    await env.clock.advance(10_000); // the order reaches checkout: one last items read, newer than the hanging one
    assert.equal(latest().items?.[0]?.status, 'found');
    releaseSlow();
    await env.clock.settle();
    assert.equal(latest().items?.[0]?.status, 'found', 'the late old answer was dropped');
  });

  it('an order that moves back to an earlier state is followed: picking again restarts the items polling', async () => {
    order.workflow_state = 'checkout';
    const { events } = track();
    await env.clock.advance(0);
    log.clear();
    await env.clock.advance(30_000);
    assert.equal(log.count('items'), 0, 'no items polling at checkout');
    order.workflow_state = 'picking';
    await env.clock.advance(10_000);
    const from = env.clock.now();
    await env.clock.advance(30_000);
    assert.equal(log.count('items', from + 1), 3, 'items polled every interval again');
    assert.deepEqual(events.filter((e) => e.type === 'order-state-change').map((e) => [e.detail.previousState, e.detail.state]), [
      [null, 'checkout'],
      ['checkout', 'picking'],
    ]);
  });

  it('a 400 on a read stops that endpoint and reports it; the others go on', async () => {
    order.workflow_state = 'picking';
    const { latest, events } = track();
    await env.clock.advance(0);
    connect.fail(order, 'items', { status: 400, json: { error: { message: 'Invalid parameter', code: 1001 }, meta: { key: 'order_id' } } });
    await env.clock.advance(10_000);
    assert.equal(latest().resources.items.state, 'stopped');
    assert.ok(events.some((e) => e.type === 'order-error' && e.detail.resource === 'items' && e.detail.kind === 'bad_request'));
    const from = env.clock.now();
    await env.clock.advance(60_000);
    assert.equal(log.count('items', from + 1), 0);
    assert.equal(log.count('order', from + 1), 6);
  });
});

/** Two tabs of one browser: one clock, their own visibility, shared tab services (in memory unless given). */
function twoTabs(services: TabServices = memoryTabs()): [ManualEnvironment, ManualEnvironment] {
  const tabA: ManualEnvironment = { ...manualEnvironment(), tabs: services };
  const tabB: ManualEnvironment = { ...manualEnvironment(), clock: tabA.clock, tabs: services };
  // Messages between tabs arrive a microtask later: let them, and the requests they cause, land first.
  tabA.clock.settleWith = async () => {
    await log.idle();
    await messagesDelivered();
    await log.idle();
  };
  env = tabA;
  return [tabA, tabB];
}

describe('tabs', () => {
  it('two tabs of one order: one polls, the other gets every answer; closing the leader hands over', async () => {
    const [tabA, tabB] = twoTabs();
    order.workflow_state = 'acknowledged';
    const a = track({ token: connect.token, env: tabA });
    await tabA.clock.advance(0);
    const b = track({ token: connect.token, env: tabB });
    await tabA.clock.advance(0);
    assert.equal(b.latest().order?.workflowState, 'acknowledged', 'the follower got the data from the leader');
    log.clear();
    await tabA.clock.advance(60_000);
    assert.equal(log.count('order'), 6, 'one request per tick in total');
    order.workflow_state = 'picking';
    await tabA.clock.advance(10_000);
    assert.equal(b.latest().order?.workflowState, 'picking');
    a.tracker.stop();
    log.clear();
    await tabA.clock.advance(10_000);
    assert.ok(log.count('order') >= 1, 'the other tab took over within one interval');
    assert.equal(log.count('order'), log.count('items'), 'and polls what picking needs');
  });

  it('a leader that is hidden steps down: a visible tab takes over within one interval', async () => {
    const [tabA, tabB] = twoTabs();
    order.workflow_state = 'acknowledged';
    track({ token: connect.token, env: tabA });
    await tabA.clock.advance(0);
    const b = track({ token: connect.token, env: tabB });
    await tabA.clock.advance(0);
    tabA.visibility.set(false);
    order.workflow_state = 'picking';
    log.clear();
    await tabA.clock.advance(10_000);
    assert.ok(log.count('order') >= 1, 'tab B asks now');
    assert.equal(b.latest().order?.workflowState, 'picking');
    const from = tabA.clock.now();
    await tabA.clock.advance(30_000);
    assert.equal(log.count('order', from + 1), 3, 'one poller, not two');
  });

  it('tabs talk on a channel named with the protocol version, and ignore what is not a message of theirs', async () => {
    const tabs = memoryTabs();
    const names = tabs.names;
    const [tabA, tabB] = twoTabs(tabs);
    order.workflow_state = 'acknowledged';
    track({ token: connect.token, env: tabA });
    await tabA.clock.advance(0);
    const b = track({ token: connect.token, env: tabB });
    await tabA.clock.advance(0);
    assert.match(names[0] ?? '', /^connect-order-status\/v\d+:/, 'an older script in another tab uses another name');
    const before = b.latest();
    assert.equal(before.order?.workflowState, 'acknowledged');
    for (const junk of [null, {}, { type: 42 }, 'items', [1, 2]]) tabs.post(names[0]!, junk);
    await tabA.clock.advance(0);
    assert.equal(b.latest(), before, 'nothing changed, nothing thrown');
  });

  it('a browser without BroadcastChannel or Web Locks: each tab polls on its own', async () => {
    const [tabA, tabB] = twoTabs({ locks: null, openChannel: () => null });
    order.workflow_state = 'acknowledged';
    track({ token: connect.token, env: tabA });
    track({ token: connect.token, env: tabB });
    await tabA.clock.advance(0);
    const from = tabA.clock.now();
    await tabA.clock.advance(30_000);
    assert.equal(log.count('order', from + 1), 6, 'two tabs, two pollers');
  });
});
