/**
 * `npm run bench:push`: how long a customer waits to see a change, with live updates through the server kit
 * and with polling only (the default 15 s interval), side by side in one run. The demo's production shape
 * (`npm start`'s server: the kit at /instacart in front of the emulator, which sends Instacart's event
 * callbacks to the kit) serves two pages of one order in two cold browser contexts of headless Chromium:
 * one with the live stream, one where the page has no EventSource, so the widget polls only. The shopper
 * then changes the order at random moments (so the polling page's phase is random too), alternating a state
 * change (picking ⇄ verifying_replacements: Instacart sends the same event again when an order moves back)
 * and an item replaced or refunded (the item changes Instacart sends callbacks for; an item simply found
 * sends none). The latency is from the emulator's change to the frame after the page's `order-state-change`
 * or `order-items-change`.
 *
 * It also prints the requests per delivery lifecycle with and without push (`npm run measure`'s scenarios
 * (a) and (e)). A benchmark, not a test: it prints figures and fails nothing.
 *
 * Run: npm run build && npm run bench:push        SAMPLES=30 (default) sets the number of changes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Page } from 'puppeteer-core';
import { Sandbox } from '../src/sandbox/index.js';
import { startDemoServer } from './demo-server.js';
import { measureAll, table } from './measure-requests.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SAMPLES = Number(process.env.SAMPLES ?? 30);
/** Each change waits a random 2–8 s after the last was seen, so the polling page is caught at any phase. */
const GAP_MS = [2_000, 8_000];
const GIVE_UP_MS = 25_000;

const pagesDir = `${root}.tmp/bench-push`;
mkdirSync(pagesDir, { recursive: true });
writeFileSync(
  `${pagesDir}/order.html`,
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench:push</title></head><body>
<script>
  // The polling-only page: a browser without EventSource, so the widget never opens the live stream.
  if (new URLSearchParams(location.search).get('mode') === 'poll') window.EventSource = undefined;
</script>
<script type="module">
  const orderId = new URLSearchParams(location.search).get('order');
  await fetch('/demo/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ order_id: orderId }) });
  await import('/dist/order-status.js');
  window.seen = [];
  const tracker = document.createElement('order-tracker');
  for (const [name, value] of Object.entries({ 'order-id': orderId, 'api-base': '/instacart', proxy: '', 'poll-interval': '15' })) tracker.setAttribute(name, value);
  const note = (what) => requestAnimationFrame(() => window.seen.push({ at: performance.timeOrigin + performance.now(), what }));
  tracker.addEventListener('order-state-change', (event) => note(event.detail.state));
  tracker.addEventListener('order-items-change', (event) => note(\`changed \${event.detail.counts.replaced + event.detail.counts.refunded}\`));
  document.body.append(tracker);
</script></body></html>`,
);

const sandbox = new Sandbox({ seed: 21, driveDurationMs: 60_000 });
const demo = await startDemoServer({ port: 0, host: '127.0.0.1', sandbox, staticDirs: { '/dist/': `${root}dist`, '/bench/': pagesDir } });
const order = sandbox.createOrder({ fulfillmentType: 'delivery', basket: Math.ceil(SAMPLES / 2) + 1 });
const shopper = sandbox.createShopper({ email: 'bench-shopper@example.com', phone: '5550001234' });
const batch = sandbox.createBatch({ batchType: 'delivery', shopperId: shopper.id, orders: [{ id: order.id }] });
sandbox.advanceBatch(batch.id, 'picking');

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seen = (page: Page) => page.evaluate(() => (window as unknown as { seen: { at: number; what: string }[] }).seen);

async function openPage(mode: 'push' | 'poll'): Promise<Page> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(`${demo.url}/bench/order.html?order=${order.id}&mode=${mode}`);
  await page.waitForFunction(() => (window as unknown as { seen?: unknown[] }).seen !== undefined);
  return page;
}

const pages = { push: await openPage('push'), poll: await openPage('poll') };
// Both pages have read the order and settled (the push page's stream is open) before the first change.
await sleep(3_000);

const latencies: Record<keyof typeof pages, number[]> = { push: [], poll: [] };
const items = sandbox.getOrder(order.id).lineItems;
let itemsChanged = 0;
/** Makes the next change in the emulator; answers what the page will report for it. */
function change(index: number): string {
  if (index % 2 === 0) {
    const state = index % 4 === 0 ? 'verifying_replacements' : 'picking';
    sandbox.forceState(order.id, state);
    return state;
  }
  const item = items[itemsChanged]!;
  itemsChanged += 1;
  sandbox.updateItem(shopper.id, order.id, item.lineNum, itemsChanged % 2 ? { status: 'replaced', replacementItem: { upc: '000000000001' } } : { status: 'to_refund' });
  return `changed ${itemsChanged}`;
}

for (let index = 0; index < SAMPLES; index += 1) {
  await sleep(GAP_MS[0]! + Math.random() * (GAP_MS[1]! - GAP_MS[0]!));
  const changedAt = Date.now();
  const expected = change(index);
  for (const [mode, page] of Object.entries(pages) as [keyof typeof pages, Page][]) {
    const deadline = Date.now() + GIVE_UP_MS;
    let shown: number | undefined;
    while (shown === undefined && Date.now() < deadline) {
      shown = (await seen(page)).find((entry) => entry.what === expected && entry.at >= changedAt)?.at;
      if (shown === undefined) await sleep(20);
    }
    latencies[mode].push(shown === undefined ? Infinity : shown - changedAt);
  }
  process.stderr.write(`\r${index + 1}/${SAMPLES} changes`);
}
process.stderr.write('\n');

const requestsSeen = await Promise.all(Object.values(pages).map((page) => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/v2/post_checkout/')).length)));
await browser.close();
await demo.close();

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'not seen');
console.log(`\nFrom the shopper's change in the emulator to the frame after the page's update (${SAMPLES} changes, Chromium, loopback):\n`);
console.log('| page | p50 | p99 | max | post-checkout requests during the run |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| live updates through the server kit | ${ms(quantile(latencies.push, 0.5))} | ${ms(quantile(latencies.push, 0.99))} | ${ms(Math.max(...latencies.push))} | ${requestsSeen[0]} |`);
console.log(`| polling only, every 15 s | ${ms(quantile(latencies.poll, 0.5))} | ${ms(quantile(latencies.poll, 0.99))} | ${ms(Math.max(...latencies.poll))} | ${requestsSeen[1]} |`);

console.log('\nRequests per delivery lifecycle (simulated hour, as `npm run measure`):\n');
const lifecycle = (await measureAll()).filter((row) => /^\((a|e)\)/.test(row.scenario));
console.log(table(lifecycle));
