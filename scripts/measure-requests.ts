/**
 * Requests per order lifecycle, measured, not assumed. One simulated delivery order runs for an hour against
 * the emulator (through MSW in Node, with a manual clock: it takes about a second of real time), and every
 * request the widget's trackers make is counted for several pages, next to what a naive page makes (each
 * element polling its endpoint on a fixed setInterval for as long as the page is open).
 *
 * Run: node --import tsx scripts/measure-requests.ts        (prints a Markdown table)
 *
 * Timeline (simulated minutes): 0 order placed (page opens) · 5 shopper assigned · 8 picking (items found,
 * replaced, refunded one by one) · 28 verifying replacements · 30 checkout · 32 bags check · 35 delivering (a
 * 20-minute drive) · 55 delivered · 60 page closed. Poll interval: the default 15 s.
 */
import { setupServer } from 'msw/node';
import { Sandbox, createSandboxHandlers } from '../src/sandbox/index.js';
import { OrderTracker, type TrackerSubscriber } from '../src/tracking/tracker.js';
import type { TabServices } from '../src/tracking/tab-coordinator.js';
import { FakeLocks, ManualClock, ManualConnectivity, ManualStreams, ManualVisibility, RequestLog } from '../src/testing/index.js';
import { resourcesOfEvent } from '../src/server/callback-events.js';

const API = 'http://sandbox.test';
const MINUTE = 60_000;
const POLL_SECONDS = 15;
const PAGE_OPEN_MS = 60 * MINUTE;

export interface Measurement {
  scenario: string;
  order: number;
  items: number;
  handling: number;
  location: number;
  total: number;
  /** Requests after the order was delivered. */
  afterDelivered: number;
}

interface Run {
  sandbox: Sandbox;
  /** The server kit's stream to the page, fed by the emulator's callbacks (scenario with live updates). */
  streams: ManualStreams;
  clock: ManualClock;
  log: RequestLog;
  orderId: string;
  token: string;
  deliveredAt: () => number;
}

/** Builds the sandbox and schedules the order's whole lifecycle on the manual clock. */
function lifecycle(clock: ManualClock): Omit<Run, 'log'> {
  const streams = new ManualStreams();
  const sandbox = new Sandbox({
    now: () => clock.now(),
    seed: 7,
    driveDurationMs: 20 * MINUTE,
    schedule: (cb, ms) => {
      const id = clock.setTimeout(cb, ms);
      return () => clock.clearTimeout(id);
    },
    // What the server kit does with each callback: tell the page's stream which endpoints to read again.
    callbacks: { url: 'http://kit.test/instacart/callbacks', token: 'callback-token' },
    callbackFetch: async (_url, init) => {
      const { event_name: name } = JSON.parse(String(init?.body)) as { event_name: string };
      for (const stream of streams.live) stream.send('changed', { resources: resourcesOfEvent(name) });
      return new Response(null, { status: 200 });
    },
  });
  const order = sandbox.createOrder({ fulfillmentType: 'delivery', basket: 12 });
  const token = sandbox.userToken(order.userId).access_token;
  const shopper = sandbox.createShopper({ email: 'shopper@example.com', phone: '5550000001' });
  let batchId = 0;
  let deliveredAt = Infinity;
  const at = (minute: number, action: () => void) => clock.setTimeout(action, minute * MINUTE);
  const advance = (target: string) => sandbox.advanceBatch(batchId, target);
  at(5, () => {
    batchId = sandbox.createBatch({ batchType: 'delivery', shopperId: shopper.id, orders: [{ id: order.id }] }).id;
  });
  at(8, () => advance('picking'));
  order.lineItems.forEach((item, index) => {
    const status = index === 3 || index === 7 ? 'replaced' : index === 10 ? 'to_refund' : 'found';
    at(9 + index * 1.5, () => sandbox.updateItem(shopper.id, order.id, item.lineNum, status === 'replaced' ? { status, replacementItem: { upc: '000000000001' } } : { status }));
  });
  at(28, () => advance('verifying_replacements'));
  at(30, () => advance('checkout'));
  at(32, () => advance('receipt_sanity_check'));
  at(35, () => advance('delivering'));
  at(55, () => {
    advance('completed');
    deliveredAt = clock.now();
  });
  return { sandbox, streams, clock, orderId: order.id, token, deliveredAt: () => deliveredAt };
}

function subscriber(): TrackerSubscriber {
  return { needs: ['order', 'items', 'handling', 'location'], primary: [], onSnapshot: () => {}, onNotice: () => {} };
}

interface PageOptions {
  tabs?: TabServices;
  visibility?: ManualVisibility;
  /** Through the server kit (proxy mode) with its live stream: ready at once, a heartbeat every 20 s. */
  live?: boolean;
}

type PageRun = Omit<Run, 'deliveredAt' | 'sandbox'>;

function openPage(run: PageRun, options: PageOptions = {}): OrderTracker {
  const tracker = new OrderTracker({
    apiBase: API,
    orderId: run.orderId,
    pollIntervalSeconds: POLL_SECONDS,
    // The kit adds the customer's token on the server; the count is of what the page asks.
    tokens: options.live ? { proxy: true } : { token: run.token },
    fetch: options.live ? withToken(run) : run.log.fetch,
    env: {
      clock: run.clock,
      visibility: options.visibility ?? new ManualVisibility(),
      connectivity: new ManualConnectivity(),
      random: () => 0.5,
      ...(options.tabs ? { tabs: options.tabs } : {}),
      ...(options.live ? { openStream: keptAlive(run) } : {}),
    },
  });
  return tracker;
}

/** The page's requests as the kit forwards them: with the customer's token. */
function withToken(run: PageRun): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    request.headers.set('Authorization', `Bearer ${run.token}`);
    return run.log.fetch(request);
  };
}

/** Opens a stream on the run's ManualStreams that is ready at once and beats every 20 s, as the kit's does. */
function keptAlive(run: PageRun): ManualStreams['open'] {
  return (url) => {
    const stream = run.streams.open(url);
    queueMicrotask(() => stream.send('ready', { heartbeat_ms: 20_000 }));
    const beat = () => {
      if (stream.closed) return;
      stream.send('heartbeat', {});
      run.clock.setTimeout(beat, 20_000);
    };
    run.clock.setTimeout(beat, 20_000);
    return stream;
  };
}

/** The naive page of the tutorial: every element polls its endpoint every interval while the page is open. */
function openNaivePage(run: PageRun, endpoints: string[]): () => void {
  const timers: unknown[] = [];
  for (const path of endpoints) {
    const tick = () => {
      void run.log.fetch(`${API}/v2/post_checkout/orders/${run.orderId}${path}`, { headers: { Authorization: `Bearer ${run.token}` } }).catch(() => {});
      timers.push(run.clock.setTimeout(tick, POLL_SECONDS * 1000));
    };
    tick();
  }
  return () => timers.forEach((t) => run.clock.clearTimeout(t));
}

async function measure(scenario: string, open: (run: PageRun) => () => void): Promise<Measurement> {
  const clock = new ManualClock();
  const life = lifecycle(clock);
  const log = new RequestLog(() => clock.now());
  clock.settleWith = async () => {
    await log.idle();
    for (let i = 0; i < 3; i += 1) await new Promise((r) => setTimeout(r, 1));
  };
  const server = setupServer(...createSandboxHandlers(life.sandbox, { baseUrl: API }));
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const close = open({ clock, log, streams: life.streams, orderId: life.orderId, token: life.token });
    await clock.advance(PAGE_OPEN_MS);
    close();
    await clock.settle();
  } finally {
    server.close();
    life.sandbox.dispose();
  }
  const delivered = life.deliveredAt();
  const count = (resource: string) => log.requests.filter((r) => r.resource === resource).length;
  return {
    scenario,
    order: count('order'),
    items: count('items'),
    handling: count('handling'),
    location: count('location'),
    total: log.requests.length,
    afterDelivered: log.requests.filter((r) => r.at > delivered).length,
  };
}

export async function measureAll(): Promise<Measurement[]> {
  const results: Measurement[] = [];
  results.push(
    await measure('(a) one page, `<order-tracker>`', (run) => {
      const tracker = openPage(run);
      tracker.subscribe(subscriber());
      return () => tracker.stop();
    }),
  );
  results.push(
    await measure('(b) one page, the four elements', (run) => {
      // Every element of one order on a page subscribes to the same tracker (the registry's job).
      const tracker = openPage(run);
      for (let i = 0; i < 6; i += 1) tracker.subscribe(subscriber());
      return () => tracker.stop();
    }),
  );
  results.push(
    await measure('(c) three tabs of the same order', (run) => {
      const locks = new FakeLocks();
      const services: TabServices = { locks, openChannel: (name) => new BroadcastChannel(name) as never };
      const tabs = [0, 1, 2].map(() => openPage(run, { tabs: services }));
      for (const tab of tabs) tab.subscribe(subscriber());
      return () => tabs.forEach((t) => t.stop());
    }),
  );
  results.push(
    await measure('(d) one page, hidden half the time', (run) => {
      const visibility = new ManualVisibility();
      const tracker = openPage(run, { visibility });
      tracker.subscribe(subscriber());
      // Ten minutes looked at, ten minutes in a background tab, and so on.
      for (let minute = 10; minute < 60; minute += 10) run.clock.setTimeout(() => visibility.set(minute % 20 === 0), minute * MINUTE);
      return () => tracker.stop();
    }),
  );
  results.push(
    await measure('(e) one page, `<order-tracker>`, live updates through the server kit', (run) => {
      const tracker = openPage(run, { live: true });
      tracker.subscribe(subscriber());
      return () => tracker.stop();
    }),
  );
  results.push(await measure('naive: one page, 3 elements on setInterval', (run) => openNaivePage(run, ['', '/items', '/location'])));
  results.push(
    await measure('naive: one page, the four elements (6 pollers)', (run) => openNaivePage(run, ['', '/items', '/location', '', '/items', '/location'])),
  );
  return results;
}

export function table(results: Measurement[]): string {
  const lines = [
    '| page | order | items | handling | location | total | after delivered |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.scenario} | ${r.order} | ${r.items} | ${r.handling} | ${r.location} | **${r.total}** | ${r.afterDelivered} |`),
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const results = await measureAll();
  console.log(table(results));
  console.log(`\n(simulated hour × ${results.length} scenarios in ${((Date.now() - started) / 1000).toFixed(1)} s of real time)`);
}
