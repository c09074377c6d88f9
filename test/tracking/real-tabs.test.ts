// Real browser windows of one order, each with its own page and script, against the server kit and the
// emulator (mounted by the test server, test/server/wtr-kit.mjs): of three windows opened together, one leads
// and the others show what it shares. Only the window that holds the order's Web Lock reads, from its first
// read on (tab-coordinator.ts): the others wait for the browser's answer before they ask anything, so three
// windows ask Connect exactly what one asks, however close together they open.
import { expect, waitUntil } from '@open-wc/testing';
import { until } from '../helpers/dom.js';

interface Exchange {
  method: string;
  path: string;
  query: string;
}

/** The order's endpoints read through the kit, in the order they were answered (`order`, `items`, `events`, …). */
async function reads(orderId: string): Promise<string[]> {
  const { exchanges } = (await (await fetch('/e2e/report')).json()) as { exchanges: Exchange[] };
  return exchanges.flatMap(({ method, path, query }) => {
    if (method !== 'GET') return [];
    if (path.endsWith('/events')) return new URLSearchParams(query).get('order') === orderId ? ['events'] : [];
    const match = /\/v2\/post_checkout\/orders\/([^/]+)(?:\/(\w+))?$/.exec(path);
    return match && decodeURIComponent(match[1]!) === orderId ? [match[2] ?? 'order'] : [];
  });
}

function countByEndpoint(list: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const endpoint of list) counts[endpoint] = (counts[endpoint] ?? 0) + 1;
  return counts;
}

/**
 * Everything the start of an order costs has been asked, and nothing more will be for an hour: the order, its
 * items and handling, the live stream, and the one read of the order that follows the stream's opening (a
 * change made while it opened was announced to nobody).
 */
async function startupDone(orderId: string): Promise<string[] | false> {
  const list = await reads(orderId);
  const stream = list.indexOf('events');
  return stream >= 0 && list.includes('order', stream) && list.includes('items') && list.includes('handling') ? list : false;
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

  it('three windows opened together ask Connect no more than one window, a change reaches all three, and a closed window asks nothing', async function () {
    // Real windows on a shared machine: opening them can take seconds.
    this.timeout(45_000);
    const first = await signIn();
    const [alone] = openWindows(first, 1);
    await until(() => shown(alone!), 'one window shows the order', 15_000);
    let one: string[] = [];
    await waitUntil(async () => (one = (await startupDone(first)) || []).length > 0, 'the start of one window reached the kit', { timeout: 10_000 });
    alone!.close();

    const second = await signIn();
    const three = openWindows(second, 3);
    const states = three.map(() => [] as string[]);
    three.forEach((win, index) => win.addEventListener('order-state-change', (event) => states[index]!.push((event as CustomEvent<{ state: string }>).detail.state)));
    await until(() => three.every(shown), 'every window shows the order and its delivery details', 15_000);
    let together: string[] = [];
    await waitUntil(async () => (together = (await startupDone(second)) || []).length > 0, 'the start of three windows reached the kit', { timeout: 10_000 });
    const oneCounts = countByEndpoint(one);
    const threeCounts = countByEndpoint(together);
    for (const [endpoint, count] of Object.entries(threeCounts)) {
      expect(count, `${endpoint}: one window asked ${one.join(', ')}; three asked ${together.join(', ')}`).to.be.at.most(oneCounts[endpoint] ?? 0);
    }

    // The windows poll once an hour here: a change reaches every window by the leader's stream and its channel.
    let state = '';
    for (let step = 0; step < 10 && !state; step += 1) {
      const answer = (await (await fetch(`/e2e/step?order=${second}`, { method: 'POST' })).json()) as { workflowState: string };
      if (answer.workflowState !== 'brand_new') state = answer.workflowState;
    }
    await until(() => states.every((seen) => seen.at(-1) === state), `every window shows ${state}`, 15_000);
    // Meanwhile the window closed at the start asked nothing more: its stream failing as it closed (before it
    // was hidden) is no reason to read.
    expect(await reads(first), 'reads of the closed window since it closed').to.deep.equal([]);
  });
});
