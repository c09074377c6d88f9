/**
 * `npm run bench:load`: how soon the customer sees their order, against the floor of a plain page that
 * fetches the same order and writes its state into a div. Headless Chromium (Debian's, via puppeteer-core)
 * with the CPU slowed 4× (a mid-range phone), a cold browser context for every load, and the emulator on
 * loopback serving the pages, the builds and the API. The cases are interleaved round by round, so the
 * machine's noise falls on all of them alike; what to compare is the ratio to the floor, not the times.
 *
 * Per case: when the state sentence is on screen (median, p90, and the ratio of medians to the floor), when
 * the widget's script was in, the order's GET left and its answer was in (medians: where the time goes), the
 * longest main-thread task before the sentence, the layout shift (CLS) over the first seconds, and for the
 * delivering case when the map's markers are on screen. The longest task is given twice: of all the page's
 * tasks, and of those that began once the page's script could run (a module script, the widget's or the
 * floor's, once the page is parsed: domInteractive; the classic script once it is in), which leaves out the
 * page's own first layout. A benchmark, not a test: it prints a table and fails nothing.
 *
 * Run: npm run build && npm run bench:load        RUNS=12 (default) sets the loads per case.
 * BASELINE=<dir of another build> adds each widget case served from that build, interleaved with the others
 * (before/after on one machine at one time); ONLY=<text> keeps the cases whose name contains it (and the floor);
 * VIEWPORT=390 loads them at a phone's width; PAGE=blank loads them without the retailer's header (see below);
 * LATENCY=<ms> adds that much to every round trip, as a phone's network would (the loopback's are ~0).
 *
 * The sentence is timed twice. "Sentence" is the start of the frame after the one that paints it: strict, since
 * it also waits for whatever task the page runs after that paint (for the widget, often the page's first date
 * format, 60–140 ms). "Painted" is the task right after the painting frame has rendered: closer to when the
 * customer sees it (the compositor shows that frame without waiting for the page's later tasks).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { Sandbox } from '../src/sandbox/index.js';
import { startSandboxServer } from '../src/sandbox/node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 12);
const CPU_SLOWDOWN = 4;
/** The page's width: 1024 (a tablet or laptop, the tracker side by side) unless VIEWPORT=390 (a phone, stacked). */
const VIEWPORT_WIDTH = Number(process.env.VIEWPORT ?? 1024);
/** LATENCY=<ms>: every request's round trip takes that much longer (a phone's network), for page, script and API alike. */
const LATENCY_MS = Number(process.env.LATENCY ?? 0);
/** How long after the sentence layout shifts and the map are still watched for. */
const SETTLE_MS = 2500;

const sandbox = new Sandbox({ seed: 13 });
const pagesDir = `${root}.tmp/bench-pages`;
mkdirSync(pagesDir, { recursive: true });
const baseline = process.env.BASELINE;
const server = await startSandboxServer({
  sandbox,
  staticDir: { '/bench/': pagesDir, '/dist/': `${root}dist`, ...(baseline ? { '/baseline/': baseline } : {}) },
});

/** An order in a state, with a user token for it (and the shopper on the way when delivering). */
function orderIn(state: string): { id: string; token: string } {
  const order = sandbox.createOrder({ fulfillmentType: 'delivery' });
  sandbox.forceState(order.id, state);
  if (state === 'delivering') sandbox.setShopperLocation(order.id, { latitude: 38.7, longitude: -89.99 });
  return { id: order.id, token: sandbox.userToken(order.userId).access_token };
}

const picking = orderIn('picking');
const FLOOR = 'plain fetch (floor)';
const delivering = orderIn('delivering');

/**
 * The widget goes into a retailer's existing page, which has painted its own text (the store's header) before
 * the widget's script runs, as the floor's page has painted its heading before its fetch returns: both pay the
 * browser's first text layout while they wait, not on the way to the sentence. Every case, the floor included,
 * gets the same header. PAGE=blank leaves it out (nothing on screen but the widget: the first text layout
 * then falls on the sentence).
 */
const RETAILER_HEADER = process.env.PAGE === 'blank' ? '' : '<header><strong>Acme Grocery</strong> · <a href="/account">Your account</a></header>';
const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>bench</title><style>body{font:16px system-ui;margin:16px;max-width:60rem}</style></head><body>${RETAILER_HEADER}${body}</body></html>`;
const element = (tag: string, order: { id: string; token: string }) =>
  `<${tag} order-id="${order.id}" token="${order.token}" api-base="${server.url}" poll-interval="60"></${tag}>`;

const ALL_CASES = {
  [FLOOR]: page(`<h2>Your order</h2><p part="sentence" id="s"></p><script type="module">
const sentences = { picking: 'Your shopper is picking your items.' };
const r = await fetch('${server.url}/v2/post_checkout/orders/${picking.id}', { headers: { Accept: 'application/json', Authorization: 'Bearer ${picking.token}' } });
const order = await r.json();
document.getElementById('s').textContent = sentences[order.workflow_state] ?? order.workflow_state;
</script>`),
  '<order-status>, ES module': page(`<script type="module" src="/dist/order-status.js"></script>${element('order-status', picking)}`),
  '<order-tracker>, ES module': page(`<script type="module" src="/dist/order-status.js"></script>${element('order-tracker', picking)}`),
  '<order-tracker>, IIFE': page(`<script src="/dist/order-status.iife.js"></script>${element('order-tracker', picking)}`),
  '<order-tracker>, ES module, delivering (map)': page(`<script type="module" src="/dist/order-status.js"></script>${element('order-tracker', delivering)}`),
} as const;
const only = process.env.ONLY;
const CASES: Record<string, string> = {};
for (const [name, html] of Object.entries(ALL_CASES)) {
  if (only && name !== FLOOR && !name.includes(only)) continue;
  CASES[name] = html;
  if (baseline && name !== FLOOR) CASES[`${name}, baseline`] = html.replaceAll('"/dist/', '"/baseline/');
}
type CaseName = string;
const names = Object.keys(CASES);
names.forEach((name, index) => writeFileSync(`${pagesDir}/case-${index}.html`, CASES[name]));

interface Sample {
  sentenceMs: number;
  /** When the frame that paints the sentence has rendered (the task after it). */
  paintedMs: number;
  longestTaskBeforeMs: number;
  /** The same, counting only tasks that began once the page's script could run. */
  longestScriptTaskBeforeMs: number;
  cls: number;
  mapMs?: number;
  /** When the widget's script was in, the order's GET left, and its answer was in (resource timing). */
  scriptInMs: number;
  orderSentMs: number;
  answerInMs: number;
}

/**
 * Runs in the page before anything else: watches for the sentence and the map, long tasks and layout shifts.
 * Plain JavaScript in a string: a function passed from here would carry the TypeScript loader's helpers.
 */
const WATCH = `(() => {
  const bench = { sentenceAt: 0, paintedAt: 0, mapAt: 0, tasks: [], cls: 0 };
  window.__bench = bench;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => bench.tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => { if (!e.hadRecentInput) bench.cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
  const find = (node, selector) => {
    const found = node.querySelector(selector);
    if (found) return found;
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) { const inner = find(el.shadowRoot, selector); if (inner) return inner; }
    return null;
  };
  // Checked once a frame, before the frame renders: once found, this frame paints it. Two times are taken:
  // the task after this frame's rendering (its paint is done: paintedAt), and the start of the next frame
  // (sentenceAt, the stricter one, which also waits for whatever task the page runs in between).
  const look = () => {
    if (!bench.sentenceAt && !bench.paintedAt && find(document, '[part="sentence"]')?.textContent?.trim()) {
      setTimeout(() => (bench.paintedAt = performance.now()));
      requestAnimationFrame(() => (bench.sentenceAt = performance.now()));
    }
    if (!bench.mapAt && find(document, '.leaflet-marker-icon')) requestAnimationFrame(() => (bench.mapAt = performance.now()));
    if (!bench.sentenceAt || !bench.mapAt) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

async function load(browser: Browser, index: number): Promise<Sample> {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  const cdp = await tab.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (LATENCY_MS) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY_MS, downloadThroughput: -1, uploadThroughput: -1 });
  await tab.setViewport({ width: VIEWPORT_WIDTH, height: 800 });
  tab.on('pageerror', (error) => process.stderr.write(`case ${index}: ${String(error)}\n`));
  await tab.evaluateOnNewDocument(WATCH);
  await tab.goto(`${server.url}/bench/case-${index}.html`);
  await tab.waitForFunction(() => (window as unknown as { __bench: { sentenceAt: number } }).__bench.sentenceAt > 0, { timeout: 30_000, polling: 50 });
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const bench = await tab.evaluate(() => (window as unknown as { __bench: { sentenceAt: number; paintedAt: number; mapAt: number; tasks: [number, number][]; cls: number } }).__bench);
  // The first read of the order itself (not its items or handling): Connect's path ends with the order's id.
  const [scriptInMs, orderSentMs, answerInMs, parsedMs] = await tab.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const script = entries.find((e) => /\/order-status(\.iife)?\.js$/.test(new URL(e.name).pathname));
    const read = entries.find((e) => /\/v2\/post_checkout\/orders\/[^/?]+$/.test(new URL(e.name).pathname));
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return [script?.responseEnd ?? NaN, read?.startTime ?? NaN, read?.responseEnd ?? NaN, navigation?.domInteractive ?? 0];
  });
  await context.close();
  const before = bench.tasks.filter(([start]) => start < bench.sentenceAt);
  // The page's own first layout (its header's text) is a long task on a slowed CPU with or without a widget.
  const longest = (tasks: [number, number][]) => Math.max(0, ...tasks.map(([, duration]) => duration));
  return {
    sentenceMs: bench.sentenceAt,
    paintedMs: bench.paintedAt,
    longestTaskBeforeMs: longest(before),
    longestScriptTaskBeforeMs: longest(before.filter(([start]) => start >= (CASES[names[index]!]!.includes('type="module"') ? parsedMs : scriptInMs))),
    cls: bench.cls,
    mapMs: bench.mapAt || undefined,
    scriptInMs,
    orderSentMs,
    answerInMs,
  };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const median = (values: number[]) => quantile(values, 0.5);

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const samples = new Map<CaseName, Sample[]>(names.map((name) => [name, []]));
try {
  // One warm-up load of each case (Chromium's own first-use costs), not counted.
  for (let i = 0; i < names.length; i += 1) await load(browser, i);
  for (let round = 0; round < RUNS; round += 1) {
    for (let i = 0; i < names.length; i += 1) samples.get(names[i]!)!.push(await load(browser, i));
    process.stderr.write(`round ${round + 1}/${RUNS}\n`);
  }
} finally {
  await browser.close();
  await server.close();
}

const floor = median(samples.get(FLOOR)!.map((s) => s.sentenceMs));
const floorPainted = median(samples.get(FLOOR)!.map((s) => s.paintedMs));
const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)} ms`);
console.log(`\nFirst paint of the state sentence: ${RUNS} cold loads per case, CPU ${CPU_SLOWDOWN}× slower, ${VIEWPORT_WIDTH} px wide, ${RETAILER_HEADER ? 'in a page with a store header' : 'in a blank page'}, emulator on loopback${LATENCY_MS ? ` with ${LATENCY_MS} ms added to every round trip` : ''}\n`);
console.log('| page | sentence, median | p90 | × floor | painted (end of its frame), median | × floor | script in | order GET sent | answer in | longest task before it: all / once the script runs (median) | CLS (median) | map markers (median) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const name of names) {
  const list = samples.get(name)!;
  const sentence = list.map((s) => s.sentenceMs);
  const painted = list.map((s) => s.paintedMs);
  const maps = list.map((s) => s.mapMs).filter((v): v is number => v !== undefined);
  console.log(
    `| ${name} | ${ms(median(sentence))} | ${ms(quantile(sentence, 0.9))} | ${(median(sentence) / floor).toFixed(2)} | ${ms(median(painted))} | ${(median(painted) / floorPainted).toFixed(2)} | ${ms(median(list.map((s) => s.scriptInMs)))} | ${ms(median(list.map((s) => s.orderSentMs)))} | ${ms(median(list.map((s) => s.answerInMs)))} | ${ms(median(list.map((s) => s.longestTaskBeforeMs)))} / ${ms(median(list.map((s) => s.longestScriptTaskBeforeMs)))} | ${median(list.map((s) => s.cls)).toFixed(3)} | ${maps.length ? ms(median(maps)) : '—'} |`,
  );
}
