// What tabs of one order tell each other: the leader's answers and final conditions reach the followers, and
// a tab that opens late is given what the leader already has. In-memory channels and Web Locks.
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Order } from '../../src/api/types.js';
import { emptySnapshot, nextSnapshot, type OrderSnapshot, type ResourceAnswer } from '../../src/tracking/snapshot.js';
import { TabRelay } from '../../src/tracking/tab-relay.js';
import type { TabRole, TabServices } from '../../src/tracking/tab-coordinator.js';
import { FakeLocks } from '../helpers/fake-locks.js';

const order: Order = { id: 'o1', creationDate: '2026-11-26T15:00:00Z', workflowState: 'picking', fulfillmentType: 'delivery' };
const relays: TabRelay[] = [];
afterEach(() => relays.splice(0).forEach((relay) => relay.stop()));

/** BroadcastChannels in memory: a message reaches every other channel of the same name, as a copy, a microtask later. */
function memoryTabs(): TabServices {
  const listeners = new Map<string, Set<(event: MessageEvent) => void>>();
  return {
    locks: new FakeLocks(),
    openChannel(name) {
      const own = new Set<(event: MessageEvent) => void>();
      const everyone = listeners.get(name) ?? new Set();
      listeners.set(name, everyone);
      const deliver = (event: MessageEvent) => own.forEach((listener) => listener(event));
      everyone.add(deliver);
      return {
        postMessage: (message) => {
          const copy = structuredClone(message);
          for (const other of everyone) if (other !== deliver) queueMicrotask(() => other(new MessageEvent('message', { data: copy })));
        },
        addEventListener: (_type, listener) => own.add(listener),
        close: () => everyone.delete(deliver),
      };
    },
  };
}

/** Lets queued messages (and the replies they cause) arrive. */
const delivered = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

function tab(services: TabServices, snapshot: OrderSnapshot = emptySnapshot('o1')) {
  const heard: ResourceAnswer[] = [];
  const halts: string[] = [];
  const roles: TabRole[] = [];
  const relay = new TabRelay({
    key: 'https://connect.test\no1',
    services,
    current: () => snapshot,
    onRole: (role) => roles.push(role),
    onAnswer: (answer) => heard.push(answer),
    onHalt: (condition) => halts.push(condition),
  });
  relays.push(relay);
  return { relay, heard, halts, roles };
}

describe('TabRelay', () => {
  it('the first tab leads; what it shares reaches a follower; a follower shares nothing', async () => {
    const services = memoryTabs();
    const a = tab(services);
    await a.relay.start(true);
    const b = tab(services);
    await b.relay.start(true);
    assert.deepEqual([a.roles, b.roles], [['leader'], ['follower']]);
    a.relay.shareAnswer({ resource: 'order', data: order });
    b.relay.shareAnswer({ resource: 'order', data: { ...order, workflowState: 'checkout' } });
    await delivered();
    assert.deepEqual(b.heard, [{ resource: 'order', data: order }]);
    assert.deepEqual(a.heard, []);
  });

  it('a tab that opens late is given what the leader has, and a final condition', async () => {
    const services = memoryTabs();
    const known = nextSnapshot(
      nextSnapshot(emptySnapshot('o1'), { type: 'received', resource: 'order', data: order, at: 1 }),
      { type: 'halted', condition: 'not_found' },
    );
    const a = tab(services, known);
    await a.relay.start(true);
    const b = tab(services);
    await b.relay.start(true);
    await delivered();
    assert.deepEqual(b.heard, [{ resource: 'order', data: order }]);
    assert.deepEqual(b.halts, ['not_found']);
  });

  it('tabs of another order, or another api-base, never hear each other', async () => {
    const services = memoryTabs();
    const a = tab(services);
    await a.relay.start(true);
    const other = new TabRelay({ key: 'https://connect.test\no2', services, current: () => emptySnapshot('o2'), onRole: () => {}, onAnswer: () => assert.fail('heard another order'), onHalt: () => assert.fail('heard another order') });
    relays.push(other);
    await other.start(true);
    a.relay.shareAnswer({ resource: 'order', data: order });
    await delivered();
  });
});
