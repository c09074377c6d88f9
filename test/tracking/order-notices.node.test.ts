// Which events a change of snapshot makes, and that a wrong event name or detail does not compile.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LineItem, Order } from '../../src/api/types.js';
import { ApiError } from '../../src/api/api-error.js';
import { dispatchOrderEvent } from '../../src/elements/events.js';
import { DroppedPartNotices, errorNotice, noticesBetween } from '../../src/tracking/order-notices.js';
import { emptySnapshot, nextSnapshot, type OrderSnapshot, type TrackerEvent } from '../../src/tracking/snapshot.js';

const order = (workflowState: string): Order => ({ id: 'o1', creationDate: '2026-11-26T15:00:00Z', workflowState, fulfillmentType: 'pickup' });
const item = (id: string, status: string): LineItem => ({ id, status, replacementStatus: 'PENDING', certifiedDelivery: false, item: { name: id, quantity: 1, costUnit: 'EACH' } });
const after = (snapshot: OrderSnapshot, event: TrackerEvent) => noticesBetween(snapshot, nextSnapshot(snapshot, event));

describe('noticesBetween', () => {
  it('the first order read and every change of state make order-state-change with the previous state', () => {
    const start = emptySnapshot('o1');
    assert.deepEqual(after(start, { type: 'received', resource: 'order', data: order('picking'), at: 1 }), [
      { type: 'order-state-change', resource: 'order', detail: { orderId: 'o1', state: 'picking', previousState: null, fulfillmentType: 'pickup' } },
    ]);
    const picking = nextSnapshot(start, { type: 'received', resource: 'order', data: order('picking'), at: 1 });
    assert.deepEqual(after(picking, { type: 'received', resource: 'order', data: order('picking'), at: 2 }), []);
    const [notice] = after(picking, { type: 'received', resource: 'order', data: order('checkout'), at: 3 });
    assert.equal(notice?.type === 'order-state-change' && notice.detail.previousState, 'picking');
  });

  it('items make order-items-change only when a list count moves', () => {
    const first = nextSnapshot(emptySnapshot('o1'), { type: 'received', resource: 'items', data: [item('a', 'not_picked')], at: 1 });
    assert.equal(noticesBetween(emptySnapshot('o1'), first)[0]?.type, 'order-items-change');
    // An answer to a replacement changes an item but no count.
    const replaced = nextSnapshot(first, { type: 'received', resource: 'items', data: [item('a', 'replaced')], at: 2 });
    const [moved] = noticesBetween(first, replaced);
    assert.ok(moved?.type === 'order-items-change');
    assert.deepEqual(moved.detail.counts, { stillShopping: 0, found: 0, replaced: 1, refunded: 0, other: 0, total: 1 });
    assert.deepEqual(after(replaced, { type: 'replacement_answered', itemId: 'a', decision: 'APPROVED', at: 3 }), []);
  });

  it('a new shopper position makes shopper-location-change; its disappearance makes none', () => {
    const delivering = nextSnapshot(emptySnapshot('o1'), { type: 'received', resource: 'order', data: { ...order('delivering'), fulfillmentType: 'delivery' }, at: 1 });
    const [moved] = after(delivering, { type: 'received', resource: 'location', data: { latitude: 1.5, longitude: 2.5 }, at: 2 });
    assert.deepEqual(moved, { type: 'shopper-location-change', resource: 'location', detail: { orderId: 'o1', latitude: 1.5, longitude: 2.5 } });
    const there = nextSnapshot(delivering, { type: 'received', resource: 'location', data: { latitude: 1.5, longitude: 2.5 }, at: 2 });
    const gone = after(there, { type: 'received', resource: 'order', data: { ...order('delivered'), fulfillmentType: 'delivery' }, at: 3 });
    assert.deepEqual(gone.map((n) => n.type), ['order-state-change']);
  });

  it('errorNotice carries the kind, the status and the message, never more', () => {
    const notice = errorNotice('o1', 'items', new ApiError({ kind: 'server', status: 503, message: 'Connect is busy.', cause: new Error('secret detail') }));
    assert.deepEqual(notice.detail, { orderId: 'o1', resource: 'items', kind: 'server', status: 503, message: 'Connect is busy.' });
  });
});

describe('DroppedPartNotices', () => {
  it('tells each left-out part once, and at most twenty, however often it is read', () => {
    const notices = new DroppedPartNotices('o1');
    const first = notices.notice('items', 'line_items[3].item.quantity is left out.');
    assert.deepEqual(first?.detail, { orderId: 'o1', resource: 'items', kind: 'invalid_response', status: null, message: 'line_items[3].item.quantity is left out.' });
    assert.equal(notices.notice('items', 'line_items[3].item.quantity is left out.'), undefined);
    const more = Array.from({ length: 30 }, (_, i) => notices.notice('items', `line_items[${i + 10}] is left out.`)).filter(Boolean);
    assert.equal(more.length, 19);
  });
});

describe('dispatchOrderEvent', () => {
  it('dispatches a bubbling, composed CustomEvent with the detail', () => {
    const target = new EventTarget();
    let seen: CustomEvent | undefined;
    target.addEventListener('replacement-decision', (event) => (seen = event as CustomEvent));
    dispatchOrderEvent(target, 'replacement-decision', { orderId: 'o1', itemId: 'i1', decision: 'APPROVED' });
    assert.deepEqual(seen?.detail, { orderId: 'o1', itemId: 'i1', decision: 'APPROVED' });
    assert.equal(seen?.bubbles, true);
    assert.equal(seen?.composed, true);
  });

  it('a wrong name or a wrong detail does not compile', () => {
    const target = new EventTarget();
    const compileOnly = () => {
      // @ts-expect-error: not an event of this package
      dispatchOrderEvent(target, 'order-changed', {});
      // @ts-expect-error: order-state-change has no `status`
      dispatchOrderEvent(target, 'order-state-change', { orderId: 'o1', status: 'picking' });
      // @ts-expect-error: a decision is APPROVED or REJECTED
      dispatchOrderEvent(target, 'replacement-decision', { orderId: 'o1', itemId: 'i1', decision: 'MAYBE' });
    };
    assert.equal(typeof compileOnly, 'function');
  });
});
