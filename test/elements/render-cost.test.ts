// Render cost, measured: <order-items> with 500 line items, first render and the update after one item
// changes status (what every poll during picking does). Prints the numbers; fails only when they are far
// beyond what a customer would notice (a frame is 16 ms; CI machines are slow and shared).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { OrderItemsElement } from '../../src/index.js';
import type { LineItem } from '../../src/api/types.js';
import { emptySnapshot, type OrderSnapshot } from '../../src/tracking/snapshot.js';
import { until } from '../helpers/dom.js';

const STATUSES = ['not_picked', 'found', 'replaced', 'to_refund'];

function lineItems(count: number): LineItem[] {
  return Array.from({ length: count }, (_, i): LineItem => {
    const status = STATUSES[i % 4]!;
    return {
      id: `item-${i}`,
      lineNum: String(i + 1),
      status,
      replacementStatus: status === 'replaced' ? 'PENDING' : 'SUBSTITUTION_STATUS_UNSPECIFIED',
      certifiedDelivery: false,
      item: { name: `Product number ${i}`, quantity: (i % 3) + 0.5, costUnit: i % 2 ? 'EACH' : 'LB', imageUrl: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E' },
      ...(status === 'replaced' ? { replacement: { name: `Substitute ${i}`, quantity: 1, costUnit: 'EACH' } } : {}),
    };
  });
}

function snapshotWith(items: readonly LineItem[]): OrderSnapshot {
  return {
    ...emptySnapshot('order-render'),
    order: { id: 'order-render', creationDate: '2026-11-26T15:00:00Z', workflowState: 'picking', fulfillmentType: 'delivery' },
    items,
    resources: { order: { state: 'ready' }, items: { state: 'ready' }, handling: { state: 'ready' }, location: { state: 'idle' } },
  };
}

/** Shows a snapshot the way the controller does, and times the render it causes. */
async function show(el: OrderItemsElement, snapshot: OrderSnapshot): Promise<number> {
  const started = performance.now();
  (el as unknown as { tracking: { onSnapshot(s: OrderSnapshot): void } }).tracking.onSnapshot(snapshot);
  await el.updateComplete;
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('render cost', () => {
  it('500 items: first render, then one item found per poll', async () => {
    const el = await fixture<OrderItemsElement>(html`<order-items></order-items>`);
    let items = lineItems(500);
    const first = await show(el, snapshotWith(items));
    // The first screens come at once; the rest fill in over the next tasks (row-budget.ts).
    expect(el.shadowRoot!.querySelectorAll('[part~="row"]').length).to.equal(40);
    await until(() => el.shadowRoot!.querySelectorAll('[part~="row"]').length === 500, 'every row');
    const updates: number[] = [];
    for (let round = 0; round < 15; round += 1) {
      // One more item found; every other item object is kept, as the tracker's merge does.
      const index = round * 4; // a not_picked one
      items = items.map((item, i) => (i === index ? { ...item, status: 'found' } : item));
      updates.push(await show(el, snapshotWith(items)));
    }
    const same = await show(el, snapshotWith(items));
    console.log(`render cost, 500 items: first screens ${first.toFixed(1)} ms; one item moved: median ${median(updates).toFixed(1)} ms, worst ${Math.max(...updates).toFixed(1)} ms; nothing changed: ${same.toFixed(1)} ms`);
    expect(first, 'first render of 500 items').to.be.below(1500);
    expect(median(updates), 'update after one status change').to.be.below(100);
  });
});
