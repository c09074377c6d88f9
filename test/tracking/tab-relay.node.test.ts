// What tabs of one order tell each other: the leader's answers (as Connect sent them, parsed again by each
// tab) reach the followers; a tab that opens late, or takes over, is given what the leader has; anything
// malformed on the channel is dropped, and a reported halt is only a reason to ask Connect. In-memory
// channels and locks.
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { memoryTabs, messagesDelivered, type MemoryTabs } from '../../src/testing/index.js';
import { emptySnapshot, nextSnapshot, type OrderSnapshot, type ResourceAnswer } from '../../src/tracking/snapshot.js';
import { TabRelay } from '../../src/tracking/tab-relay.js';
import type { TabRole } from '../../src/tracking/tab-coordinator.js';

const RAW_ORDER = { id: 'o1', creation_date: '2026-11-26T15:00:00Z', workflow_state: 'picking', fulfillment_type: 'delivery' };
const relays: TabRelay[] = [];
afterEach(() => relays.splice(0).forEach((relay) => relay.stop()));

function tab(services: MemoryTabs, snapshot: () => OrderSnapshot = () => emptySnapshot('o1'), key = 'https://connect.test\no1') {
  const heard: ResourceAnswer[] = [];
  const halts: string[] = [];
  const roles: TabRole[] = [];
  const relay = new TabRelay({
    key,
    services,
    current: snapshot,
    onRole: (role) => roles.push(role),
    onAnswer: (answer) => heard.push(answer),
    onHaltReported: (condition) => halts.push(condition),
  });
  relays.push(relay);
  return { relay, heard, halts, roles };
}

const PICKING = { id: 'o1', creationDate: '', workflowState: 'picking', fulfillmentType: 'delivery' } as const;

/** A leading tab that has read the order (RAW_ORDER) and shows it; `shows` moves what it shows on. */
async function leaderShowingOrder(services: MemoryTabs) {
  let known = nextSnapshot(emptySnapshot('o1'), { type: 'received', resource: 'order', data: PICKING, at: 1 });
  const leader = tab(services, () => known);
  leader.relay.start(true);
  await messagesDelivered();
  leader.relay.shareAnswer('order', RAW_ORDER);
  return { ...leader, shows: (next: (snapshot: OrderSnapshot) => OrderSnapshot) => void (known = next(known)) };
}

describe('TabRelay', () => {
  it('the first tab leads; what it reads reaches a follower, parsed; a follower shares nothing', async () => {
    const services = memoryTabs();
    const a = tab(services);
    assert.equal(a.relay.start(true), true, 'tabs can be coordinated: the role follows');
    await messagesDelivered();
    const b = tab(services);
    b.relay.start(true);
    await messagesDelivered();
    assert.deepEqual([a.roles, b.roles], [['leader'], ['follower']]);
    a.relay.shareAnswer('order', RAW_ORDER);
    b.relay.shareAnswer('order', { ...RAW_ORDER, workflow_state: 'checkout' });
    await messagesDelivered();
    assert.equal(b.heard.length, 1);
    assert.equal(b.heard[0]?.resource === 'order' && b.heard[0].data.workflowState, 'picking');
    assert.deepEqual(a.heard, []);
  });

  it('windows opened in the same instant: before the browser answers none has a role (none reads); then one leads', async () => {
    const services = memoryTabs({ lockDelay: true });
    const tabs = [tab(services), tab(services), tab(services)];
    tabs.forEach((t) => t.relay.start(true));
    await messagesDelivered();
    assert.deepEqual(tabs.map((t) => t.roles), [[], [], []], 'no tab reads before the lock says who leads');
    // The browser's answers to the lock requests (a macrotask later in memoryTabs' lockDelay).
    await new Promise((resolve) => setTimeout(resolve, 0));
    await messagesDelivered();
    assert.deepEqual(tabs.map((t) => t.roles), [['leader'], ['follower'], ['follower']]);
    tabs[0]!.relay.shareAnswer('order', RAW_ORDER);
    await messagesDelivered();
    assert.deepEqual(tabs.map((t) => t.heard.length), [0, 1, 1]);
  });

  it('a tab that opens late is given every part the leader shows; a halt is reported, not obeyed', async () => {
    const services = memoryTabs();
    const a = await leaderShowingOrder(services);
    a.relay.shareAnswer('location', { coordinates: { latitude: 1, longitude: 2 } });
    a.shows((known) => nextSnapshot(known, { type: 'halted', condition: 'not_found' }));
    const b = tab(services);
    b.relay.start(true);
    await messagesDelivered();
    assert.deepEqual(b.heard.map((h) => h.resource), ['order'], 'no shopper position the leader no longer shows');
    assert.deepEqual(b.halts, ['not_found']);
  });

  it('a hidden tab reads nothing and asks the leader for what it has', async () => {
    const services = memoryTabs();
    await leaderShowingOrder(services);
    const hidden = tab(services);
    hidden.relay.start(false);
    await messagesDelivered();
    assert.deepEqual(hidden.roles, ['follower']);
    assert.deepEqual(hidden.heard.map((h) => h.resource), ['order']);
  });

  it('a tab that takes over shares what it has at once: tabs that asked while nobody led are not left waiting', async () => {
    const services = memoryTabs();
    let knownByB = emptySnapshot('o1');
    const a = tab(services);
    a.relay.start(true);
    await messagesDelivered();
    const b = tab(services, () => knownByB);
    b.relay.start(true);
    await messagesDelivered();
    a.relay.shareAnswer('order', RAW_ORDER);
    await messagesDelivered();
    knownByB = nextSnapshot(knownByB, { type: 'received', resource: 'order', data: PICKING, at: 1 });
    // What a tab that opened as the leader closed would hear: the channel, listened to directly.
    const channel = services.openChannel(services.names[0]!)!;
    const heard: unknown[] = [];
    channel.addEventListener('message', (event) => heard.push(event.data));
    a.relay.stop();
    await messagesDelivered();
    assert.deepEqual(b.roles, ['follower', 'leader']);
    assert.deepEqual(heard, [{ type: 'answer', resource: 'order', raw: RAW_ORDER }]);
    channel.close();
  });

  it('drops what does not parse, unknown endpoints, forged conditions and junk, and keeps going', async () => {
    const services = memoryTabs();
    const a = tab(services);
    a.relay.start(true);
    await messagesDelivered();
    const b = tab(services);
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

  it('tabs of another order never hear each other', async () => {
    const services = memoryTabs();
    const a = tab(services);
    a.relay.start(true);
    const other = tab(services, () => emptySnapshot('o2'), 'https://connect.test\no2');
    other.relay.start(true);
    await messagesDelivered();
    assert.deepEqual(other.roles, ['leader'], 'another order has a leader of its own');
    a.relay.shareAnswer('order', RAW_ORDER);
    await messagesDelivered();
    assert.deepEqual(other.heard, []);
  });
});
