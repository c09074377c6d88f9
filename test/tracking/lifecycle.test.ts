// The tutorial's polling rules, end to end: the public elements on a page, the emulator behind MSW's
// service worker, a manual clock. Each order is walked through every state of its fulfillment type with the
// Sandbox API's own operations, and the requests made while it sat in each state are counted.
import { expect, fixture, html } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { Sandbox, createSandboxHandlers } from '../../src/sandbox/index.js';
import { configureTracking, liveTrackerCount, resetTrackingConfiguration } from '../../src/tracking/registry.js';
import { RequestLog, manualEnvironment, type ManualEnvironment } from '../../src/testing/index.js';
import '../../src/index.js';

const API = 'https://sandbox.test';
const INTERVAL_S = 10;
const INTERVAL = INTERVAL_S * 1000;

let env: ManualEnvironment;
let log: RequestLog;
let sandbox: Sandbox;
const worker = setupWorker();

before(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
after(() => worker.stop());

beforeEach(() => {
  env = manualEnvironment();
  // Tabs would coordinate through real Web Locks here; these tests are about one page.
  env.tabs = undefined;
  log = new RequestLog(() => env.clock.now());
  env.clock.settleWith = () => log.idle();
  sandbox = new Sandbox({ now: () => env.clock.now(), seed: 11, schedule: () => () => {} });
  worker.resetHandlers(...createSandboxHandlers(sandbox, { baseUrl: API }));
  configureTracking({ env, fetch: log.fetch });
});
afterEach(() => {
  resetTrackingConfiguration();
  sandbox.dispose();
});

type Counts = { order: number; items: number; handling: number; location: number };

/** Requests in the window (from, now]. */
function counted(from: number): Counts {
  return {
    order: log.count('order', from + 1),
    items: log.count('items', from + 1),
    handling: log.count('handling', from + 1),
    location: log.count('location', from + 1),
  };
}

/** What four intervals in a state should cost, from the tutorial's rules. */
function expectedWhileIn(type: string, state: string): Counts {
  const finished = state === 'delivered' || state === 'canceled';
  return {
    order: finished ? 0 : state === 'brand_new' ? 1 : 4,
    items: type !== 'last_mile_delivery' && (state === 'picking' || state === 'verifying_replacements') ? 4 : 0,
    handling: 0,
    location: state === 'delivering' ? 4 : 0,
  };
}

/** Moves the order one step along, as the tutorial's testing steps (and the retailer, for last mile) do. */
function step(orderId: string, type: string, context: { shopperId: number; batchId: number }): void {
  const order = sandbox.getOrder(orderId);
  const state = order.workflowState;
  if (type === 'last_mile_delivery' && (state === 'brand_new' || state === 'staged_for_delivery')) {
    sandbox.stageOrder(orderId);
    return;
  }
  if (!context.batchId) {
    const batchType = type === 'pickup' ? 'pickup' : type === 'delivery' ? 'delivery' : 'delivery_only';
    context.batchId = sandbox.createBatch({ batchType, shopperId: context.shopperId, orders: [{ id: orderId }] }).id;
    return;
  }
  if (type === 'pickup' && state === 'staged' && sandbox.batchesOf(orderId).length === 1) {
    context.batchId = sandbox.createBatch({ batchType: 'runner_customer', shopperId: context.shopperId, orders: [{ id: orderId }] }).id;
    return;
  }
  sandbox.advanceBatch(context.batchId);
}

for (const type of ['delivery', 'pickup', 'last_mile_delivery']) {
  describe(`a ${type} order, brand_new to delivered`, () => {
    it('asks for each endpoint only in the states that make it useful, and nothing after delivered', async () => {
      const order = sandbox.createOrder({ fulfillmentType: type as 'delivery' });
      const token = sandbox.userToken(order.userId).access_token;
      const shopper = sandbox.createShopper({ email: 'shopper@example.com', phone: '5550001234' });
      const states: string[] = [];
      const el = await fixture(html`
        <div @order-state-change=${(e: CustomEvent) => states.push(e.detail.state)}>
          <order-status order-id=${order.id} api-base=${API} token=${token} poll-interval=${INTERVAL_S}></order-status>
          <order-items order-id=${order.id} api-base=${API} token=${token} poll-interval=${INTERVAL_S}></order-items>
          <shopper-map order-id=${order.id} api-base=${API} token=${token} poll-interval=${INTERVAL_S} tile-url=""></shopper-map>
        </div>
      `);
      await env.clock.advance(0);
      // On open: the order and the handling; then the items once, except for last mile.
      expect(counted(-Infinity)).to.deep.equal({ order: 1, handling: 1, items: type === 'last_mile_delivery' ? 0 : 1, location: 0 });

      const context = { shopperId: shopper.id, batchId: 0 };
      const visited: string[] = [];
      for (let guard = 0; guard < 30; guard += 1) {
        const state = sandbox.getOrder(order.id).workflowState;
        visited.push(state);
        // Let the widget see the new state (up to one slow brand_new poll), then measure four intervals in it.
        await env.clock.advance(4 * INTERVAL);
        const from = env.clock.now();
        await env.clock.advance(4 * INTERVAL);
        expect(counted(from), `requests while ${state}`).to.deep.equal(expectedWhileIn(type, state));
        if (state === 'delivered') break;
        const before = env.clock.now();
        step(order.id, type, context);
        if (state !== 'checkout' && sandbox.getOrder(order.id).workflowState === 'checkout') {
          await env.clock.advance(INTERVAL);
          // One last read once the order answered checkout (an items poll due in the same tick may precede it).
          const reachedCheckout = log.requests.filter((r) => r.resource === 'order' && r.at > before)[0]?.at ?? Infinity;
          expect(log.count('items', reachedCheckout), 'one last items read on reaching checkout').to.equal(1);
        }
      }
      expect(visited.at(-1)).to.equal('delivered');
      // Every state the widget saw was announced once, in order.
      expect(states).to.deep.equal(visited.filter((s, i) => s !== visited[i - 1]));
      expect(log.count('handling')).to.equal(1);
      if (type === 'last_mile_delivery') expect(log.count('items')).to.equal(0);

      // An hour later: still nothing.
      const after = env.clock.now();
      await env.clock.advance(3_600_000);
      expect(log.requests.filter((r) => r.at > after)).to.have.length(0);
      el.remove();
    });
  });
}

describe('sharing and stopping', () => {
  it('several elements for one order make one request per endpoint per tick', async () => {
    const order = sandbox.createOrder({ fulfillmentType: 'delivery' });
    const token = sandbox.userToken(order.userId).access_token;
    sandbox.forceState(order.id, 'picking');
    await fixture(html`
      <div>
        <order-tracker order-id=${order.id} api-base=${API} token=${token} poll-interval=${INTERVAL_S} tile-url=""></order-tracker>
        <order-status order-id=${order.id} api-base=${API} token=${token} poll-interval=${INTERVAL_S}></order-status>
        <order-items order-id=${order.id} api-base=${API} token=${token} poll-interval=${INTERVAL_S}></order-items>
        <shopper-map order-id=${order.id} api-base=${API} token=${token} poll-interval=${INTERVAL_S} tile-url=""></shopper-map>
        <order-items order-id=${order.id} api-base=${API} token=${token} poll-interval=${INTERVAL_S}></order-items>
      </div>
    `);
    await env.clock.advance(0);
    const from = env.clock.now();
    await env.clock.advance(5 * INTERVAL);
    expect(counted(from)).to.deep.equal({ order: 5, items: 5, handling: 0, location: 0 });
    expect(liveTrackerCount()).to.equal(1);
  });

  it('disconnecting every element stops all requests; reconnecting resumes', async () => {
    const order = sandbox.createOrder({ fulfillmentType: 'delivery' });
    const token = sandbox.userToken(order.userId).access_token;
    sandbox.forceState(order.id, 'picking');
    const host = await fixture<HTMLDivElement>(html`
      <div>
        <order-status order-id=${order.id} api-base=${API} token=${token} poll-interval=${INTERVAL_S}></order-status>
        <order-items order-id=${order.id} api-base=${API} token=${token} poll-interval=${INTERVAL_S}></order-items>
      </div>
    `);
    await env.clock.advance(2 * INTERVAL);
    const elements = [...host.children];
    for (const el of elements) el.remove();
    // The last one out stops the tracker at the end of the task (a moved element would be back by then).
    await Promise.resolve();
    expect(liveTrackerCount()).to.equal(0);
    expect(env.clock.pendingTimers).to.equal(0);
    const from = env.clock.now();
    await env.clock.advance(3_600_000);
    expect(log.requests.filter((r) => r.at > from)).to.have.length(0);
    host.append(...elements);
    await env.clock.advance(0);
    expect(log.count('order', from + 1)).to.be.greaterThan(0);
    expect(log.count('items', from + 1)).to.be.greaterThan(0);
  });

  it('an element moved elsewhere on the page keeps what it shows and asks nothing again', async () => {
    const order = sandbox.createOrder({ fulfillmentType: 'delivery' });
    const token = sandbox.userToken(order.userId).access_token;
    sandbox.forceState(order.id, 'picking');
    const host = await fixture<HTMLDivElement>(html`
      <div>
        <section></section>
        <order-status order-id=${order.id} api-base=${API} token=${token} poll-interval=${INTERVAL_S}></order-status>
      </div>
    `);
    await env.clock.advance(INTERVAL / 2);
    const el = host.querySelector('order-status') as HTMLElement & { updateComplete: Promise<unknown> };
    await el.updateComplete;
    const shown = el.shadowRoot?.textContent;
    expect(shown).to.contain('picking');
    const from = env.clock.now();
    host.querySelector('section')!.append(el);
    await el.updateComplete;
    expect(el.shadowRoot?.textContent, 'no loading state in between').to.equal(shown);
    await env.clock.advance(0);
    expect(log.requests.filter((r) => r.at >= from), 'nothing asked again').to.have.length(0);
    expect(liveTrackerCount(), 'trackers alive').to.equal(1);
    // And it keeps its rhythm: the next read comes when it was due.
    await env.clock.advance(INTERVAL / 2);
    expect(log.count('order', from), 'order reads since the move').to.equal(1);
  });

  it('after "sign in again", a new token on the element starts the order over', async () => {
    const order = sandbox.createOrder({ fulfillmentType: 'delivery' });
    sandbox.forceState(order.id, 'picking');
    const errors: string[] = [];
    const el = await fixture<HTMLElement & { token?: string | null }>(html`
      <order-status order-id=${order.id} api-base=${API} token="expired-token" poll-interval=${INTERVAL_S}
        @order-error=${(e: CustomEvent) => errors.push(e.detail.kind)}></order-status>
    `);
    await env.clock.advance(0);
    expect(errors).to.include('auth');
    expect(el.shadowRoot?.textContent).to.contain('sign in again');
    const from = env.clock.now();
    await env.clock.advance(60_000);
    expect(log.requests.filter((r) => r.at > from)).to.have.length(0);
    el.token = sandbox.userToken(order.userId).access_token;
    await env.clock.advance(0);
    expect(log.count('order', from + 1)).to.equal(1);
    await env.clock.advance(3 * INTERVAL);
    expect(el.shadowRoot?.textContent).not.to.contain('sign in again');
    expect(log.count('items', from + 1)).to.be.at.least(3);
  });
});
