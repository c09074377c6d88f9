// Real browser windows of one order, each with its own page and script, against the server kit and the
// emulator (mounted by the test server, test/server/wtr-kit.mjs): of three windows opened together, one leads
// and the others show what it shares. Each window's first read of the order goes out at once, alongside the
// election (the first paint waits for no lock), so windows opened in the same instant may each read the order
// once; everything else (items, handling, and every later poll) is read by the leader alone.
import { expect, waitUntil } from '@open-wc/testing';
import { until } from '../helpers/dom.js';

interface Exchange {
  method: string;
  path: string;
}

/** The reads of the order's endpoints that reached the kit, by endpoint (`order`, `items`, `handling`, …). */
async function readsByEndpoint(): Promise<Record<string, number>> {
  const { exchanges } = (await (await fetch('/e2e/report')).json()) as { exchanges: Exchange[] };
  const counts: Record<string, number> = {};
  for (const { method, path } of exchanges) {
    const match = /\/v2\/post_checkout\/orders\/[^/]+(?:\/(\w+))?$/.exec(path);
    if (method !== 'GET' || !match) continue;
    const endpoint = match[1] ?? 'order';
    counts[endpoint] = (counts[endpoint] ?? 0) + 1;
  }
  return counts;
}

/** A new customer, signed in by cookie, with a delivery order. */
async function signIn(): Promise<string> {
  await fetch('/e2e/report/reset', { method: 'POST' });
  const { orderId } = (await (await fetch('/e2e/sign-in', { method: 'POST' })).json()) as { orderId: string };
  return orderId;
}

/** What a customer sees in a window: the state sentence and the delivery address, once both are there. */
function shown(win: Window): boolean {
  const tracker = win.document.querySelector('order-tracker');
  const status = tracker?.shadowRoot?.querySelector('order-status')?.shadowRoot;
  return !!status?.querySelector('[part="sentence"]')?.textContent?.trim() && !!status.querySelector('[part="handling"]');
}

const opened: Window[] = [];
function openWindows(orderId: string, count: number): Window[] {
  const windows = Array.from({ length: count }, (_, i) => {
    const win = window.open(`/test/tracking/order-window.html?order=${encodeURIComponent(orderId)}`, `order-window-${orderId}-${i}`, 'popup,width=900,height=700');
    if (!win) throw new Error('the browser refused to open a window');
    return win;
  });
  opened.push(...windows);
  return windows;
}

describe('windows of one order', () => {
  afterEach(() => {
    for (const win of opened.splice(0)) win.close();
  });

  it('three windows opened together: no window asks more than one alone does, and a change reaches all three', async () => {
    const first = await signIn();
    const [alone] = openWindows(first, 1);
    await until(() => shown(alone!), 'one window shows the order', 15_000);
    let one: Record<string, number> = {};
    await waitUntil(async () => {
      one = await readsByEndpoint();
      return one.order && one.handling;
    }, 'the reads of one window reached the kit');
    alone!.close();

    const second = await signIn();
    const three = openWindows(second, 3);
    const states = three.map(() => [] as string[]);
    three.forEach((win, index) => win.addEventListener('order-state-change', (event) => states[index]!.push((event as CustomEvent<{ state: string }>).detail.state)));
    await until(() => three.every(shown), 'every window shows the order', 15_000);
    // Windows opened in the same instant may each make their first read before any of them knows another is
    // there (the first read runs alongside the election, so the first paint waits for no lock): at most what
    // one window asks, each. After the election only the leader reads.
    const counts = await readsByEndpoint();
    for (const [endpoint, reads] of Object.entries(counts)) {
      expect(reads, `reads of ${endpoint}: one window ${JSON.stringify(one)}, three ${JSON.stringify(counts)}`).to.be.at.most(3 * (one[endpoint] ?? 0));
    }

    // The windows poll once an hour here: a change reaches every window by the leader's stream and its channel.
    let state = '';
    for (let step = 0; step < 10 && !state; step += 1) {
      const answer = (await (await fetch(`/e2e/step?order=${second}`, { method: 'POST' })).json()) as { workflowState: string };
      if (answer.workflowState !== 'brand_new') state = answer.workflowState;
    }
    await until(() => states.every((seen) => seen.at(-1) === state), `every window shows ${state}`, 10_000);
  });
});
