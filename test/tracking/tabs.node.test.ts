// Tabs of one order against the emulator: windows opened together cost what one does, a tab that opens while
// another leads asks Connect nothing, and another script's forged "stop" costs one read, never the order.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { manualEnvironment, type ManualEnvironment, memoryTabs, messagesDelivered, type MemoryTabs, RequestLog } from '../../src/testing/index.js';
import { setupServer } from 'msw/node';
import { Sandbox, createSandboxHandlers } from '../../src/sandbox/index.js';
import { OrderTracker } from '../../src/tracking/tracker.js';

const API = 'http://sandbox.test';
const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

let clockEnv: ManualEnvironment;
let log: RequestLog;
let sandbox: Sandbox;
let tabs: MemoryTabs;
const trackers: OrderTracker[] = [];

beforeEach(() => {
  clockEnv = manualEnvironment();
  log = new RequestLog(() => clockEnv.clock.now());
  clockEnv.clock.settleWith = async () => {
    // Lock answers come a macrotask late (as across a browser's processes), then messages and requests.
    for (let i = 0; i < 3; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await messagesDelivered();
      await log.idle();
    }
  };
  sandbox = new Sandbox({ now: () => clockEnv.clock.now(), seed: 5, schedule: () => () => {} });
  server.resetHandlers(...createSandboxHandlers(sandbox, { baseUrl: API }));
  tabs = memoryTabs({ lockDelay: true });
});
afterEach(() => {
  for (const t of trackers.splice(0)) t.stop();
  sandbox.dispose();
});

/** One browser tab showing the order: its own visibility, the browser's clock and tab services. */
function openTab(orderId: string, token: string) {
  const env: ManualEnvironment = { ...manualEnvironment(), clock: clockEnv.clock, tabs };
  const tracker = new OrderTracker({ apiBase: API, orderId, pollIntervalSeconds: 10, tokens: { token }, fetch: log.fetch, env });
  trackers.push(tracker);
  tracker.subscribe({ needs: [], primary: [], onSnapshot: () => {}, onNotice: () => {} });
  return { tracker, env };
}

function picking() {
  const order = sandbox.createOrder({ fulfillmentType: 'delivery' });
  sandbox.forceState(order.id, 'picking');
  return { id: order.id, token: sandbox.userToken(order.userId).access_token };
}

describe('tabs against the emulator', () => {
  it('three windows opened together make no more requests than one', async () => {
    const order = picking();
    openTab(order.id, order.token);
    await clockEnv.clock.advance(60_000);
    const one = log.requests.length;
    for (const t of trackers.splice(0)) t.stop();
    tabs = memoryTabs({ lockDelay: true });
    log.requests.length = 0;

    const three = [openTab(order.id, order.token), openTab(order.id, order.token), openTab(order.id, order.token)];
    await clockEnv.clock.advance(60_000);
    assert.equal(log.requests.length, one, `one window: ${one} requests in a minute`);
    for (const { tracker } of three) assert.equal(tracker.current.order?.workflowState, 'picking', 'every window shows the order');
  });

  it('a tab that opens while another leads shows the leader’s data and asks Connect nothing', async () => {
    const order = picking();
    openTab(order.id, order.token);
    await clockEnv.clock.advance(0);
    const before = log.requests.length;
    const late = openTab(order.id, order.token);
    await clockEnv.clock.settle();
    assert.equal(log.requests.length, before);
    assert.equal(late.tracker.current.order?.workflowState, 'picking');
    assert.ok(late.tracker.current.handling, 'the address too');
  });

  it('a forged stop from another script costs one read of the order and stops nothing', async () => {
    const order = picking();
    openTab(order.id, order.token);
    await clockEnv.clock.advance(0);
    const follower = openTab(order.id, order.token);
    await clockEnv.clock.settle();
    const before = log.requests.length;
    tabs.post(tabs.names[0]!, { type: 'fatal', condition: 'auth' });
    await clockEnv.clock.settle();
    assert.equal(follower.tracker.current.condition, 'live');
    assert.equal(log.requests.length, before + 1, 'the follower asked Connect once, itself');
    await clockEnv.clock.advance(30_000);
    assert.equal(follower.tracker.current.condition, 'live');
  });
});
