/**
 * The example apps (examples/: React 19, React 18 with the wrapper components, Vue 3, Svelte 5, plain
 * TypeScript), each installed from the packed package and bundled, run in Chromium against the emulator as a
 * customer would meet them. Each must: show the order (with the retailer's `messages` and a `tokenProvider`),
 * hear `order-state-change` with its documented detail, follow the order when `order-id` changes, start with no
 * `order-error` and no warning, and make no request once removed.
 *
 * Run by `npm run test:examples` (scripts/examples.mjs installs, type-checks and bundles the apps first).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { Sandbox, startSandboxServer, type SandboxServer } from '../../src/sandbox/node.js';
import { startExampleServer, type ExampleServer } from './example-server.js';
import { injectPageTimers, runPendingTimers } from './page-timers.js';

const APPS = ['react19', 'react18', 'vue', 'svelte', 'vanilla'] as const;
const CUSTOM_SENTENCE = 'Your order is in: we are finding a shopper.';

let sandboxServer: SandboxServer;
let exampleServer: ExampleServer;
let browser: Browser;
let token: string;

before(async () => {
  const sandbox = new Sandbox();
  sandboxServer = await startSandboxServer({ port: 0, sandbox });
  const user = sandbox.createOrder({ fulfillmentType: 'delivery' }).userId;
  token = sandbox.userToken(user).access_token;
  exampleServer = await startExampleServer(fileURLToPath(new URL('../../examples', import.meta.url)), () => ({ access_token: token, expires_in: 86400 }));
  browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await exampleServer?.close();
  await sandboxServer?.close();
});

/** One app in a fresh page, with what the page asked the API and what it said on the console. */
interface AppPage {
  page: Page;
  apiRequests: HTTPRequest[];
  console: string[];
}

async function openApp(app: string, orderIds: readonly string[]): Promise<AppPage> {
  const page = await browser.newPage();
  const opened: AppPage = { page, apiRequests: [], console: [] };
  page.on('request', (request) => {
    // Connect's API only (the emulator also serves the product pictures), without CORS preflights.
    if (request.url().startsWith(`${sandboxServer.url}/v2/`) && request.method() !== 'OPTIONS') opened.apiRequests.push(request);
  });
  page.on('console', (message) => {
    if (message.type() === 'warn' || message.type() === 'error') opened.console.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => opened.console.push(`pageerror: ${String(error)}`));
  await injectPageTimers(page);
  const query = new URLSearchParams([['api', sandboxServer.url], ...orderIds.map((id) => ['order', id])]);
  await page.goto(`${exampleServer.url}/${app}/?${query}`);
  return opened;
}

/** The lines the app wrote down for each event it heard: "<type> <detail as JSON>". */
async function heard(page: Page): Promise<string[]> {
  return page.$$eval('.heard li', (items) => items.map((item) => item.textContent ?? ''));
}

async function waitToHear(page: Page, line: string): Promise<void> {
  await page.waitForFunction((l) => [...document.querySelectorAll('.heard li')].some((item) => item.textContent === l), { timeout: 15_000 }, line);
}

/** The state sentence <order-status> shows inside the tracker (both in shadow roots). */
async function shownSentence(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const status = document.querySelector('order-tracker')?.shadowRoot?.querySelector('order-status');
    return status?.shadowRoot?.querySelector('.sentence')?.textContent?.trim();
  });
}

async function click(page: Page, label: string): Promise<void> {
  const buttons = await page.$$('button');
  for (const button of buttons) {
    if ((await button.evaluate((b) => b.textContent)) === label) return button.click();
  }
  assert.fail(`no button "${label}"`);
}

const stateChange = (orderId: string, fulfillmentType: string) =>
  `order-state-change ${JSON.stringify({ orderId, state: 'brand_new', previousState: null, fulfillmentType })}`;

for (const app of APPS) {
  describe(`the ${app} example`, () => {
    let page: Page;
    let apiRequests: HTTPRequest[];
    let consoleLines: string[];
    let first: string;
    let next: string;

    before(async () => {
      const sandbox = sandboxServer.sandbox;
      const user = sandbox.createOrder({ fulfillmentType: 'delivery' }).userId;
      token = sandbox.userToken(user).access_token;
      first = sandbox.createOrder({ fulfillmentType: 'delivery', userId: user }).id;
      next = sandbox.createOrder({ fulfillmentType: 'pickup', userId: user }).id;
      ({ page, apiRequests, console: consoleLines } = await openApp(app, [first, next]));
      await waitToHear(page, stateChange(first, 'delivery'));
    });

    after(() => page?.close());

    it('hears order-state-change with the documented detail', async () => {
      assert.deepEqual(
        (await heard(page)).filter((line) => line.startsWith('order-state-change')),
        [stateChange(first, 'delivery')],
      );
    });

    it("shows the order in the retailer's words (messages) with the token from its tokenProvider", async () => {
      // messages is a property: as an attribute it would be "[object Object]" and change nothing.
      await page.waitForFunction(
        (sentence) =>
          document.querySelector('order-tracker')?.shadowRoot?.querySelector('order-status')?.shadowRoot?.querySelector('.sentence')?.textContent?.trim() ===
          sentence,
        { timeout: 15_000 },
        CUSTOM_SENTENCE,
      );
      // The token came from the provider (the app's call to its server), in a header and never in a URL.
      assert.ok(apiRequests.length > 0, 'no request reached the API');
      for (const request of apiRequests) {
        assert.equal(request.headers()['authorization'], `Bearer ${token}`, `${request.url()} was not authorised by the provider's token`);
        assert.ok(!request.url().includes(token), 'a token went into a URL');
      }
    });

    it('starts with no order-error and no warning when order-id is bound', async () => {
      assert.deepEqual((await heard(page)).filter((line) => line.startsWith('order-error')), [], 'the app heard an order-error');
      assert.deepEqual(consoleLines, [], 'the page warned or failed');
    });

    it('follows a new order-id, and asks no more about the first order', async () => {
      await click(page, 'Next order');
      await waitToHear(page, stateChange(next, 'pickup'));
      const followed = apiRequests.length;
      assert.ok((await runPendingTimers(page)) > 0, 'no timer was pending while the tracker is alive');
      await page.waitForNetworkIdle({ idleTime: 100, timeout: 30_000 });
      const later = apiRequests.slice(followed).map((request) => new URL(request.url()).pathname);
      assert.ok(later.some((path) => path.includes(next)), 'the tracker did not poll the next order');
      assert.ok(!later.some((path) => path.includes(first)), `the first order was still asked for: ${later.join(', ')}`);
    });

    it('makes no request once removed, however much time passes', async () => {
      const startup = consoleLines.length;
      await click(page, 'Remove tracker');
      await page.waitForFunction(() => !document.querySelector('order-tracker'));
      const removed = apiRequests.length;
      await runPendingTimers(page);
      await page.waitForNetworkIdle({ idleTime: 100, timeout: 30_000 });
      assert.deepEqual(apiRequests.slice(removed).map((request) => request.url()), [], 'requests after the tracker was removed');
      assert.equal(await shownSentence(page), undefined);
      assert.deepEqual(consoleLines.slice(startup), [], 'the page warned or failed');
    });
  });
}
