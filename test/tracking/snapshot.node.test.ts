// nextSnapshot, the one place a tracker's snapshot changes: what each event does to what the customer sees,
// and that an event that changes nothing keeps every part (and so the screen) as it was.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/api/api-error.js';
import type { LineItem, Order } from '../../src/api/types.js';
import { changedForSubscribers, emptySnapshot, nextSnapshot, type OrderSnapshot, type TrackerEvent } from '../../src/tracking/snapshot.js';

const order = (workflowState: string): Order => ({ id: 'o1', creationDate: '2026-11-26T15:00:00Z', workflowState, fulfillmentType: 'delivery' });
const item = (id: string, status: string, replacementStatus = 'SUBSTITUTION_STATUS_UNSPECIFIED'): LineItem => ({
  id,
  status,
  replacementStatus,
  certifiedDelivery: false,
  item: { name: id, quantity: 1, costUnit: 'EACH' },
});
const run = (events: TrackerEvent[], start: OrderSnapshot = emptySnapshot('o1')) => events.reduce(nextSnapshot, start);
const serverError = new ApiError({ kind: 'server', status: 503, message: 'Service unavailable' });

describe('nextSnapshot', () => {
  it('an answer marks its endpoint ready and records when it came', () => {
    const s = run([{ type: 'received', resource: 'order', data: order('picking'), at: 1000 }]);
    assert.equal(s.order?.workflowState, 'picking');
    assert.equal(s.resources.order.state, 'ready');
    assert.equal(s.lastUpdatedAt, 1000);
    assert.equal(s.condition, 'live');
  });

  it('the same answer again keeps every part identical and is not news for subscribers', () => {
    const first = run([{ type: 'received', resource: 'items', data: [item('a', 'found')], at: 1 }]);
    const again = nextSnapshot(first, { type: 'received', resource: 'items', data: [item('a', 'found')], at: 2 });
    assert.equal(again.items, first.items);
    assert.equal(again.resources, first.resources);
    assert.equal(again.lastUpdatedAt, 2);
    assert.equal(changedForSubscribers(first, again), false);
  });

  it('one changed item makes a new list that keeps the unchanged item objects', () => {
    const first = run([{ type: 'received', resource: 'items', data: [item('a', 'found'), item('b', 'not_picked')], at: 1 }]);
    const next = nextSnapshot(first, { type: 'received', resource: 'items', data: [item('a', 'found'), item('b', 'found')], at: 2 });
    assert.notEqual(next.items, first.items);
    assert.equal(next.items?.[0], first.items?.[0]);
    assert.equal(changedForSubscribers(first, next), true);
  });

  it('the shopper disappears when the order leaves delivering, and a late position is ignored', () => {
    const delivering = run([
      { type: 'received', resource: 'order', data: order('delivering'), at: 1 },
      { type: 'received', resource: 'location', data: { latitude: 1, longitude: 2 }, at: 2 },
    ]);
    assert.deepEqual(delivering.location, { latitude: 1, longitude: 2 });
    const delivered = nextSnapshot(delivering, { type: 'received', resource: 'order', data: order('delivered'), at: 3 });
    assert.equal(delivered.location, null);
    const late = nextSnapshot(delivered, { type: 'received', resource: 'location', data: { latitude: 3, longitude: 4 }, at: 4 });
    assert.equal(late, delivered);
  });

  it('a retryable failure keeps the data and says reconnecting; a success clears it', () => {
    const failing = run([
      { type: 'received', resource: 'order', data: order('picking'), at: 1 },
      { type: 'failed', resource: 'order', error: serverError, retrying: true },
    ]);
    assert.equal(failing.condition, 'reconnecting');
    assert.equal(failing.order?.workflowState, 'picking');
    assert.equal(failing.resources.order.error, serverError);
    const back = nextSnapshot(failing, { type: 'received', resource: 'order', data: order('picking'), at: 2 });
    assert.equal(back.condition, 'live');
    assert.equal(back.order, failing.order);
  });

  it('offline wins over reconnecting, and returns to it when back online', () => {
    const failing = run([{ type: 'failed', resource: 'items', error: serverError, retrying: true }]);
    const offline = nextSnapshot(failing, { type: 'connectivity', online: false });
    assert.equal(offline.condition, 'offline');
    assert.equal(nextSnapshot(offline, { type: 'connectivity', online: true }).condition, 'reconnecting');
  });

  it('a halt stays whatever comes after it, until the customer signs in again', () => {
    const authError = new ApiError({ kind: 'auth', status: 401, message: 'Unauthorized' });
    const halted = run([{ type: 'halted', condition: 'auth', resource: 'order', error: authError }]);
    assert.equal(halted.condition, 'auth');
    assert.equal(halted.resources.order.state, 'stopped');
    const later = run(
      [
        { type: 'received', resource: 'order', data: order('picking'), at: 5 },
        { type: 'failed', resource: 'items', error: serverError, retrying: true },
        { type: 'connectivity', online: false },
      ],
      halted,
    );
    assert.equal(later.condition, 'auth');
    assert.equal(nextSnapshot(halted, { type: 'resumed' }).condition, 'live');
  });

  it('a 403 on the location says the position is not shared and shows none', () => {
    const s = run([
      { type: 'received', resource: 'order', data: order('delivering'), at: 1 },
      { type: 'received', resource: 'location', data: { latitude: 1, longitude: 2 }, at: 2 },
      { type: 'location_withheld', error: new ApiError({ kind: 'forbidden', status: 403, message: 'Shopper PII' }) },
    ]);
    assert.equal(s.locationShared, false);
    assert.equal(s.location, null);
    assert.equal(s.resources.location.state, 'stopped');
  });

  it('an answered replacement shows at once on the item, and nothing happens without items', () => {
    const before = run([{ type: 'received', resource: 'items', data: [item('a', 'replaced', 'PENDING'), item('b', 'found')], at: 1 }]);
    const after = nextSnapshot(before, { type: 'replacement_answered', itemId: 'a', decision: 'APPROVED', at: 2 });
    assert.equal(after.items?.[0]?.replacementStatus, 'APPROVED');
    assert.equal(after.items?.[1], before.items?.[1]);
    const empty = emptySnapshot('o1');
    assert.equal(nextSnapshot(empty, { type: 'replacement_answered', itemId: 'a', decision: 'APPROVED', at: 2 }), empty);
  });
});
