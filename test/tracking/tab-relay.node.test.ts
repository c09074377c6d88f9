// What tabs of one order tell each other: the leader's answers (as Connect sent them, parsed again by each
// tab) reach the followers; a tab that opens late is given what the leader has; anything malformed on the
// channel is dropped, and a reported halt is only a reason to ask Connect. In-memory channels, locks, notes.
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, memoryTabs, messagesDelivered, type MemoryTabs } from '../../src/testing/index.js';
import { emptySnapshot, nextSnapshot, type OrderSnapshot, type ResourceAnswer } from '../../src/tracking/snapshot.js';
import { TabRelay } from '../../src/tracking/tab-relay.js';
import type { TabRole } from '../../src/tracking/tab-coordinator.js';

const RAW_ORDER = { id: 'o1', creation_date: '2026-11-26T15:00:00Z', workflow_state: 'picking', fulfillment_type: 'delivery' };
const relays: TabRelay[] = [];
afterEach(() => relays.splice(0).forEach((relay) => relay.stop()));

function tab(services: MemoryTabs, clock: ManualClock, snapshot: () => OrderSnapshot = () => emptySnapshot('o1'), key = 'https://connect.test\no1') {
  const heard: ResourceAnswer[] = [];
  const halts: string[] = [];
  const roles: TabRole[] = [];
  const relay = new TabRelay({
    key,
    services,
    clock,
    current: snapshot,
    onRole: (role) => roles.push(role),
    onAnswer: (answer) => heard.push(answer),
    onHaltReported: (condition) => halts.push(condition),
  });
  relays.push(relay);
  return { relay, heard, halts, roles };
}

describe('TabRelay', () => {
  it('the first tab leads; what it reads reaches a follower, parsed; a follower shares nothing', async () => {
    const services = memoryTabs();
    const clock = new ManualClock();
    const a = tab(services, clock);
    assert.equal(a.relay.start(true), false, 'nobody leads yet: read at once');
    await messagesDelivered();
    const b = tab(services, clock);
    assert.equal(b.relay.start(true), true, 'the leader left its note: wait for its data');
    await messagesDelivered();
    assert.deepEqual([a.roles, b.roles], [['leader'], ['follower']]);
    a.relay.shareAnswer('order', RAW_ORDER);
    b.relay.shareAnswer('order', { ...RAW_ORDER, workflow_state: 'checkout' });
    await messagesDelivered();
    assert.equal(b.heard.length, 1);
    assert.equal(b.heard[0]?.resource === 'order' && b.heard[0].data.workflowState, 'picking');
    assert.deepEqual(a.heard, []);
  });

  it('a tab that opens late is given every part the leader shows; a halt is reported, not obeyed', async () => {
    const services = memoryTabs();
    const clock = new ManualClock();
    let known = emptySnapshot('o1');
    const a = tab(services, clock, () => known);
    a.relay.start(true);
    await messagesDelivered();
    a.relay.shareAnswer('order', RAW_ORDER);
    a.relay.shareAnswer('location', { coordinates: { latitude: 1, longitude: 2 } });
    known = nextSnapshot(nextSnapshot(known, { type: 'received', resource: 'order', data: { id: 'o1', creationDate: '', workflowState: 'picking', fulfillmentType: 'delivery' }, at: 1 }), { type: 'halted', condition: 'not_found' });
    const b = tab(services, clock);
    b.relay.start(true);
    await messagesDelivered();
    assert.deepEqual(b.heard.map((h) => h.resource), ['order'], 'no shopper position the leader no longer shows');
    assert.deepEqual(b.halts, ['not_found']);
  });

  it('drops what does not parse, unknown endpoints, forged conditions and junk, and keeps going', async () => {
    const services = memoryTabs();
    const clock = new ManualClock();
    const a = tab(services, clock);
    a.relay.start(true);
    await messagesDelivered();
    const b = tab(services, clock);
    b.relay.start(true);
    await messagesDelivered();
    const name = services.names[0]!;
    for (const junk of [
      null,
      'items',
      [1, 2],
      { type: 42 },
      { type: 'answer', resource: 'handling', raw: 'nowhere' },
      { type: 'answer', resource: 'items', raw: { line_items: { id: 1 } } },
      { type: 'answer', resource: 'order', raw: { id: 'o1' } },
      { type: 'answer', resource: 'location', raw: [1, 2] },
      { type: 'answer', resource: 'constructor', raw: {} },
      { type: 'answer', resource: 'order', raw: '<html>' },
      { type: 'fatal', condition: 'offline' },
      { type: 'fatal', condition: { toString: null } },
    ]) {
      services.post(name, junk);
    }
    await messagesDelivered();
    assert.deepEqual([b.heard, b.halts], [[], []]);
    a.relay.shareAnswer('order', RAW_ORDER);
    await messagesDelivered();
    assert.equal(b.heard.length, 1, 'still listening');
  });

  it('a leader note older than ten seconds is a tab that closed: the newcomer reads at once', async () => {
    const services = memoryTabs();
    const clock = new ManualClock();
    services.hints.set('connect-order-status/v3:https://connect.test\no1', `gone ${clock.now() - 11_000}`);
    assert.equal(tab(services, clock).relay.start(true), false);
  });

  it('tabs of another order never hear each other', async () => {
    const services = memoryTabs();
    const clock = new ManualClock();
    const a = tab(services, clock);
    a.relay.start(true);
    const other = tab(services, clock, () => emptySnapshot('o2'), 'https://connect.test\no2');
    assert.equal(other.relay.start(true), false, 'another order leads nothing of this one');
    await messagesDelivered();
    a.relay.shareAnswer('order', RAW_ORDER);
    await messagesDelivered();
    assert.deepEqual(other.heard, []);
  });
});
