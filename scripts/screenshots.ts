/**
 * Walks the demo the way a person would, in headless Chromium (Debian's, via puppeteer-core: nothing is
 * downloaded), and takes the README's pictures on the way: a delivery order placed, being shopped with a
 * replacement waiting for the customer's answer, on the way with the map, delivered, and the shopping view at
 * a phone's width. It then walks a pickup and a last mile order to the end too, checking that the widget
 * followed every step. It fails (exit 1) if the widget does not follow.
 *
 * Run: npm run build && node --import tsx scripts/screenshots.ts      (writes docs/screenshots/*.png)
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Page } from 'puppeteer-core';
import { Sandbox } from '../src/sandbox/index.js';
import { startDemoServer } from './demo-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}docs/screenshots`;
mkdirSync(out, { recursive: true });

const server = await startDemoServer({
  port: 0,
  host: '127.0.0.1',
  sandbox: new Sandbox({ driveDurationMs: 20_000, seed: 2026 }),
  autoplayStepMs: 1000,
  staticDirs: { '/': `${root}demo`, '/demo/': `${root}demo`, '/dist/': `${root}dist` },
});
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** The widget's state as its order-state-change events told the page. */
async function widgetState(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { __states?: string[] }).__states?.at(-1));
}

async function waitForWidgetState(page: Page, state: string): Promise<void> {
  await page.waitForFunction((s) => (window as unknown as { __states?: string[] }).__states?.at(-1) === s, { timeout: 15_000 }, state);
}

async function panelState(page: Page): Promise<string> {
  return page.$eval('#fact-state', (el) => el.textContent ?? '');
}

async function click(page: Page, id: string): Promise<void> {
  await page.waitForFunction((i) => !(document.getElementById(i) as HTMLButtonElement | null)?.disabled, { timeout: 10_000 }, id);
  await page.click(`#${id}`);
  // Each control refreshes the panel's facts when its call has answered.
  await new Promise((resolve) => setTimeout(resolve, 400));
}

async function openDemo(width: number, height: number, type: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { __states: string[] };
    w.__states = [];
    document.addEventListener('order-state-change', (e) => w.__states.push((e as CustomEvent).detail.state));
  });
  await page.goto(`${server.url}/`);
  await waitForWidgetState(page, 'brand_new');
  if (type !== 'delivery') {
    await page.select('#fulfillment-type', type);
    await page.waitForFunction((t) => document.querySelector('order-tracker') && (window as unknown as { __states: string[] }).__states.length > 0 && document.getElementById('log')?.textContent?.includes(`created a ${t.replaceAll('_', ' ')} order`), { timeout: 10_000 }, type);
  }
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 600));
  await page.screenshot({ path: `${out}/${name}.png` as `${string}.png`, fullPage: false });
  console.log(`  ${name}.png`);
}

/** Advances the batch (and the retailer-side steps) until the order reaches `target`, checking the widget follows. */
async function advanceTo(page: Page, target: string, type: string): Promise<string[]> {
  const seen: string[] = [];
  for (let guard = 0; guard < 20; guard += 1) {
    const state = await panelState(page);
    if (state === target) break;
    if (type === 'last_mile_delivery' && (state === 'brand_new' || state === 'staged_for_delivery')) await click(page, 'stage-order');
    else if (type === 'last_mile_delivery' && state === 'waiting_for_delivery' && (await page.$eval('#fact-batch', (el) => el.textContent)) === '—') await click(page, 'generate-batch');
    else if (type === 'pickup' && state === 'staged' && !(await page.$eval('#runner-batch', (el) => (el as HTMLButtonElement).disabled))) await click(page, 'runner-batch');
    else await click(page, 'advance-batch');
    const now = await panelState(page);
    if (now !== state) {
      await waitForWidgetState(page, now);
      seen.push(now);
    }
  }
  return seen;
}

let failed = false;
try {
  console.log('delivery, with pictures:');
  const page = await openDemo(1280, 900, 'delivery');
  await shot(page, '1-placed');
  await click(page, 'create-shopper');
  await click(page, 'generate-batch');
  await advanceTo(page, 'picking', 'delivery');
  await click(page, 'item-found');
  await click(page, 'item-found');
  await click(page, 'item-replaced');
  await click(page, 'item-refunded');
  await click(page, 'item-found');
  // Wait until the widget shows the replacement waiting for an answer.
  await page.waitForFunction(() => document.querySelector('order-tracker')?.shadowRoot?.querySelector('order-items')?.shadowRoot?.querySelector('[part~="button-approve"]'), { timeout: 15_000 });
  await page.evaluate(() => document.querySelector('order-tracker')?.shadowRoot?.querySelector('order-items')?.scrollIntoView());
  await shot(page, '2-shopping-replacement-pending');
  const phone = await browser.newPage();
  await phone.setViewport({ width: 390, height: 844, deviceScaleFactor: 1, isMobile: true });
  // The same order, as the customer sees it on a phone: their order page, the widget alone, no panel.
  await phone.goto(`${server.url}/demo/customer.html?order=${encodeURIComponent(await page.$eval('#fact-order', (el) => el.textContent ?? ''))}`);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  await phone.screenshot({ path: `${out}/5-phone-shopping.png` });
  console.log('  5-phone-shopping.png');
  await phone.close();
  await advanceTo(page, 'delivering', 'delivery');
  await page.waitForFunction(() => document.querySelector('order-tracker')?.shadowRoot?.querySelector('shopper-map')?.shadowRoot?.querySelectorAll('.leaflet-marker-icon').length === 2, { timeout: 20_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await new Promise((resolve) => setTimeout(resolve, 4000));
  await shot(page, '3-on-the-way');
  await advanceTo(page, 'delivered', 'delivery');
  await shot(page, '4-delivered');
  console.log(`  widget followed: ${(await page.evaluate(() => (window as unknown as { __states: string[] }).__states)).join(' → ')}`);
  await page.close();

  for (const type of ['pickup', 'last_mile_delivery']) {
    const walk = await openDemo(1280, 900, type);
    await click(walk, 'create-shopper');
    if (type === 'pickup') await click(walk, 'generate-batch');
    const seen = await advanceTo(walk, 'delivered', type);
    const final = await widgetState(walk);
    console.log(`${type}: widget followed ${['brand_new', ...seen].join(' → ')}`);
    if (final !== 'delivered') throw new Error(`${type}: the widget ended at ${final}`);
    await walk.close();
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
