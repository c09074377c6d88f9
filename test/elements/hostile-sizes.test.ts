// Hostile sizes cost bounded time. Each case runs the real path — a Connect answer arriving in chunks as over
// a connection, the client's parsing, the shared tracker on a manual clock, the element — and watches the main
// thread with the Long Tasks API: no task may block it for more than 200 ms.
//
// The numbers, on this project's two-core machine with Lit in development mode (slower than the build) and
// other test runs beside it: the worst task of a 10,000-item order (10 MB) while it was read and its rows
// filled in was 0–150 ms; of a poll that moves one item 50–200 ms (the JSON, the parsing and the merge, each
// in a task of its own); an unchanged poll took 4–15 ms from its last byte until the next poll was scheduled.
// A 1 MB name and 1 MB of notes made no task of 50 ms. On a machine three times slower than idle, every one
// of these tripled. Before this work the first render blocked the page for 4–8 s, every changed poll for 3 s,
// and a 1 MB name for 60 s. The bounds stretch with the machine's load (see `slowdown`), and still fail any
// return to parsing, rendering or laying out everything at once.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { OrderItemsElement, OrderStatusElement, OrderTrackerElement } from '../../src/index.js';
import type { OrderSnapshot } from '../../src/tracking/snapshot.js';
import { configureTracking, resetTrackingConfiguration } from '../../src/tracking/registry.js';
import { manualEnvironment, type ManualEnvironment } from '../../src/testing/index.js';
import { shadow, text, until } from '../helpers/dom.js';

const API = 'https://connect.test';
const TOKEN = 'hostile-token';
const INTERVAL_S = 10;
const MAX_TASK_MS = 200;
const ORDER_ID = 'big-order';
const ORDER = `/v2/post_checkout/orders/${ORDER_ID}`;

/** Connect answers as bytes prepared before anything is measured, so building them costs the test, not the page. */
const answers = new Map<string, Uint8Array>();
const answer = (path: string, json: string) => answers.set(path, new TextEncoder().encode(json));
/** When the last byte of each path's latest answer arrived (performance.now()). */
const arrived = new Map<string, number>();
/** Answers still arriving: the manual clock waits for them before it moves on. */
const arriving = new Set<Promise<void>>();

/** What a connection does: the body comes in chunks, each in a task of its own. */
const CHUNK = 256 * 1024;

const stubFetch: typeof fetch = async (input) => {
  const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
  const bytes = answers.get(path) ?? new TextEncoder().encode('{"error": {"message": "Not here", "code": 4000}}');
  let offset = 0;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  arriving.add(finished);
  const body = new ReadableStream<Uint8Array>({
    pull: (controller) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          controller.enqueue(bytes.slice(offset, offset + CHUNK));
          offset += CHUNK;
          if (offset >= bytes.length) {
            controller.close();
            arrived.set(path, performance.now());
            arriving.delete(finished);
            done();
          }
          resolve();
        }),
      ),
  });
  return new Response(body, { status: answers.has(path) ? 200 : 404, headers: { 'Content-Type': 'application/json' } });
};

/** Lets every answer arrive and be handled before the clock moves on. */
async function settle(): Promise<void> {
  do {
    await Promise.all(arriving);
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  } while (arriving.size > 0);
}

let env: ManualEnvironment;

function orderJson(state = 'picking'): string {
  return JSON.stringify({ id: ORDER_ID, creation_date: '2026-11-26T15:00:00Z', workflow_state: state, fulfillment_type: 'delivery' });
}

function handlingJson(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    address: { address_line_1: '501 Belt Line Rd', locality: 'Collinsville', administrative_area: 'IL', postal_code: '62234', country_code: 'US' },
    coordinates: { latitude: 38.6924568, longitude: -89.9785745 },
    instructions: '',
    ...extra,
  });
}

const STATUSES = ['not_picked', 'found', 'replaced', 'to_refund'];

/** About a kilobyte per item, like the order that froze the page: long names, image URLs, a replacement for one in four. */
function rawItems(count: number): Record<string, unknown>[] {
  const words = 'organic free range large family size value pack imported '.repeat(6);
  return Array.from({ length: count }, (_, i) => {
    const status = STATUSES[i % 4]!;
    const product = (name: string) => ({ name, quantity: `${(i % 5) + 1}.0`, cost_unit: i % 3 ? 'EACH' : 'LB', image_url: `${location.origin}/test/no-such-image/${i}.png?v=${'0123456789'.repeat(20)}` });
    return {
      id: `line-item-${i}-${'ab12'.repeat(4)}`,
      line_num: String(i + 1),
      status,
      replacement_status: status === 'replaced' ? 'APPROVED' : 'SUBSTITUTION_STATUS_UNSPECIFIED',
      certified_delivery: false,
      item: product(`Product ${i} ${words}`),
      ...(status === 'replaced' ? { replacement: product(`Substitute ${i} ${words}`) } : {}),
    };
  });
}

/** Watches the main thread for tasks of 50 ms and more (the Long Tasks API), from now on. */
function watchLongTasks(): { worst(): Promise<number>; stop(): void } {
  const durations: number[] = [];
  const from = performance.now();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.startTime >= from) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    async worst() {
      // Entries are delivered after their task: let two more tasks run before reading them.
      for (let i = 0; i < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
      for (const entry of observer.takeRecords()) if (entry.startTime >= from) durations.push(entry.duration);
      return Math.max(0, ...durations);
    },
    stop: () => observer.disconnect(),
  };
}

/**
 * How much slower than usual this machine is right now: the time JSON.parse takes for the 10,000 items' body
 * (median of three), against the 15 ms it takes on this project's machine when nothing else runs. A task's
 * duration is wall time, so on a machine shared with other test runs every task stretches alike; the bounds
 * stretch with it, which keeps them from failing for the neighbours' load while still failing for a
 * regression (rendering or laying out every row at once costs seconds, not a few hundred milliseconds).
 */
function slowdown(body: string): number {
  const times = [0, 1, 2].map(() => {
    const started = performance.now();
    JSON.parse(body);
    return performance.now() - started;
  });
  return Math.max(1, times.sort((a, b) => a - b)[1]! / 15);
}

const snapshotOf = (el: Element) => (el as unknown as { tracking: { snapshot: OrderSnapshot } }).tracking.snapshot;
const rows = (el: Element) => shadow(el).querySelectorAll('[part~="row"]').length;
const filled = (el: Element) => shadow(el).querySelector('section[part="base"]')?.getAttribute('aria-busy') === 'false';

describe('hostile sizes', function () {
  this.timeout(120_000);

  beforeEach(() => {
    env = manualEnvironment();
    env.tabs = undefined;
    env.clock.settleWith = settle;
    configureTracking({ env, fetch: stubFetch });
    answers.clear();
    answer(ORDER, orderJson());
    answer(`${ORDER}/handling`, handlingJson());
    answer(`${ORDER}/location`, '{}');
  });
  afterEach(() => resetTrackingConfiguration());

  describe('10,000 items (about 10 MB)', () => {
    let items: Record<string, unknown>[];
    before(() => {
      items = rawItems(10_000);
    });

    it('first read: the first rows at once, every row in the end, and no task over 200 ms', async () => {
      const body = JSON.stringify({ line_items: items });
      answer(`${ORDER}/items`, body);
      expect(answers.get(`${ORDER}/items`)!.length).to.be.above(9_500_000);
      const factor = slowdown(body);
      const tasks = watchLongTasks();
      const el = await fixture<OrderItemsElement>(html`<order-items order-id=${ORDER_ID} api-base=${API} token=${TOKEN} poll-interval=${INTERVAL_S}></order-items>`);
      await env.clock.advance(0);
      await until(() => rows(el) > 0, 'the first rows');
      expect(rows(el), 'rows of the first render').to.be.within(40, 999);
      expect(filled(el), 'the list says it is busy while it fills').to.equal(false);
      await until(() => filled(el), 'every row', 60_000);
      const worst = await tasks.worst();
      tasks.stop();
      console.log(`10,000 items, first read: worst task ${worst.toFixed(0)} ms (machine ${factor.toFixed(1)}× slower than idle)`);
      expect(rows(el)).to.equal(10_000);
      // The counts always say the whole lists, and every row is findable in the page.
      expect(text(shadow(el).querySelector('[data-group="found"] .count'))).to.equal('2,500');
      expect(worst, 'the longest task').to.be.below(MAX_TASK_MS * factor);
      el.remove();
    });

    it('a poll that moves one item re-renders that row only, in no task over 200 ms; an unchanged poll costs under 16 ms', async () => {
      const body = JSON.stringify({ line_items: items });
      answer(`${ORDER}/items`, body);
      const el = await fixture<OrderItemsElement>(html`<order-items order-id=${ORDER_ID} api-base=${API} token=${TOKEN} poll-interval=${INTERVAL_S}></order-items>`);
      await env.clock.advance(0);
      await until(() => filled(el) && rows(el) === 10_000, 'every row', 60_000);

      // Unchanged: the same 10 MB again. From its last byte until the next poll is scheduled, the page's work is
      // finishing the body and finding it equal to the last one; the element hears nothing. The best of three
      // polls is taken: a garbage collection or the test runner's own work may land in any one of them, while
      // parsing the body again would cost every one of them 60 ms and more (JSON, items, merge).
      const before = snapshotOf(el);
      // The items answer, ten megabytes beside a small order answer, is the last one handled: the last poll
      // scheduled is its poller's.
      let scheduledAt = 0;
      const schedule = env.clock.setTimeout.bind(env.clock);
      env.clock.setTimeout = (callback, ms) => {
        scheduledAt = performance.now();
        return schedule(callback, ms);
      };
      const unchangedPolls: number[] = [];
      for (let poll = 0; poll < 3; poll += 1) {
        await env.clock.advance(INTERVAL_S * 1000);
        unchangedPolls.push(scheduledAt - arrived.get(`${ORDER}/items`)!);
      }
      env.clock.setTimeout = schedule;
      const unchanged = Math.min(...unchangedPolls);
      const factor = slowdown(body);
      console.log(`10,000 items, unchanged poll: ${unchangedPolls.map((ms) => ms.toFixed(1)).join(', ')} ms from its last byte to the next poll (machine ${factor.toFixed(1)}× slower than idle)`);
      expect(snapshotOf(el), 'nothing new for the element').to.equal(before);
      expect(unchanged).to.be.within(0, 16 * factor);

      // One item found: its row moves to Found and nothing else is touched.
      const moved = { ...items[0]!, status: 'found' };
      answer(`${ORDER}/items`, JSON.stringify({ line_items: [moved, ...items.slice(1)] }));
      const changes: MutationRecord[] = [];
      const mutations = new MutationObserver((records) => changes.push(...records));
      mutations.observe(shadow(el), { subtree: true, childList: true, characterData: true, attributes: true });
      const tasks = watchLongTasks();
      await env.clock.advance(INTERVAL_S * 1000);
      await until(() => shadow(el).querySelector('[data-group="found"] [data-item-id="line-item-0-ab12ab12ab12ab12"]'), 'the moved row');
      await el.updateComplete;
      const worst = await tasks.worst();
      tasks.stop();
      changes.push(...mutations.takeRecords());
      mutations.disconnect();
      const added = changes.reduce((sum, record) => sum + record.addedNodes.length, 0);
      console.log(`10,000 items, one item moved: worst task ${worst.toFixed(0)} ms, ${changes.length} DOM changes (${added} nodes added)`);
      expect(worst, 'the longest task').to.be.below(MAX_TASK_MS * factor);
      // The moved row, the two counts, the announcement: a handful of changes, not thousands.
      expect(changes.length, 'DOM changes').to.be.below(40);
      expect(rows(el)).to.equal(10_000);
      el.remove();
    });
  });

  it('a 1 MB item name, 1 MB of notes and 1 MB of instructions: no task over 200 ms, and all of it readable', async () => {
    const name = `Bananas${'x'.repeat(1_000_000)}`;
    const notes = 'Please leave the bag by the blue door. '.repeat(27_000);
    answer(`${ORDER}/items`, JSON.stringify({ line_items: [{ id: 'a', status: 'found', item: { name, quantity: '1', cost_unit: 'EACH' } }, ...rawItems(20)] }));
    answer(`${ORDER}/handling`, handlingJson({ notes, instructions: notes, dropoff_location: name }));
    const tasks = watchLongTasks();
    const el = await fixture<OrderTrackerElement>(html`<order-tracker order-id=${ORDER_ID} api-base=${API} token=${TOKEN} poll-interval=${INTERVAL_S} tile-url="" style="display:block;width:1100px"></order-tracker>`);
    await env.clock.advance(0);
    const status = await until(() => shadow(el).querySelector<OrderStatusElement>('order-status'), 'order-status');
    const itemsEl = shadow(el).querySelector<OrderItemsElement>('order-items')!;
    await until(() => shadow(status).querySelector('[data-detail="notes"]') && rows(itemsEl) === 21, 'notes and items');
    const worst = await tasks.worst();
    tasks.stop();
    console.log(`1 MB fields: worst task ${worst.toFixed(0)} ms`);
    expect(worst, 'the longest task').to.be.below(MAX_TASK_MS);
    const shownName = text(shadow(itemsEl).querySelector('[data-item-id="a"] [part="name"]'));
    expect(shownName.startsWith('Bananasxxx')).to.equal(true);
    expect(shownName.length).to.be.below(600);
    expect(text(shadow(status).querySelector('[data-detail="notes"]')).length).to.be.below(2100);
  });

  it('the map beside the status card keeps its height however long the notes are', async () => {
    const mapHeight = async (notes: string): Promise<number> => {
      answer(`${ORDER}/handling`, handlingJson({ notes }));
      answer(`${ORDER}/items`, '{"line_items": []}');
      const el = await fixture<OrderTrackerElement>(html`<order-tracker order-id=${ORDER_ID} api-base=${API} token=${TOKEN} poll-interval=${INTERVAL_S} tile-url="" style="display:block;width:1100px"></order-tracker>`);
      await env.clock.advance(0);
      const map = await until(() => shadow(el).querySelector('shopper-map'), 'the map');
      const status = shadow(el).querySelector('order-status')!;
      await until(() => shadow(status).querySelector('[part="handling"]'), 'the handling details');
      await (status as OrderStatusElement).updateComplete;
      const height = map.getBoundingClientRect().height;
      el.remove();
      return height;
    };
    const short = await mapHeight('');
    const long = await mapHeight('Leave it with the neighbour at number 12 if nobody answers. '.repeat(1100));
    console.log(`map height: ${short} px with no notes, ${long} px with 64 KB of notes`);
    expect(short).to.be.above(100);
    expect(long).to.equal(short);
  });
});
