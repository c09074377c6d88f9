// Every element showing an order gets every snapshot; each notice reaches the page once, from the element
// that shows that part of the order first.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OrderResource } from '../../src/api/types.js';
import type { OrderNotice } from '../../src/tracking/order-notices.js';
import { emptySnapshot } from '../../src/tracking/snapshot.js';
import { Subscribers, type TrackerSubscriber } from '../../src/tracking/subscribers.js';

function element(name: string, heard: string[], needs: OrderResource[], primary: OrderResource[] = []): TrackerSubscriber {
  return { needs, primary, onSnapshot: () => heard.push(`${name} snapshot`), onNotice: (notice) => heard.push(`${name} ${notice.type}`) };
}

const notice = (resource: OrderResource): OrderNotice => ({ type: 'order-error', resource, detail: { orderId: 'o1', resource, kind: 'server', status: 503, message: 'busy' } });

describe('Subscribers', () => {
  it('every element gets the snapshot; a notice goes to the one showing that part first, else one that needs it, else any', () => {
    const heard: string[] = [];
    const subscribers = new Subscribers();
    subscribers.add(element('tracker', heard, ['order', 'handling']));
    subscribers.add(element('items', heard, ['order', 'items'], ['items']));
    subscribers.add(element('status', heard, ['order', 'handling'], ['order', 'handling']));
    subscribers.show(emptySnapshot('o1'));
    subscribers.tell(notice('order'));
    subscribers.tell(notice('items'));
    subscribers.tell(notice('location'));
    assert.deepEqual(heard, ['tracker snapshot', 'items snapshot', 'status snapshot', 'status order-error', 'items order-error', 'tracker order-error']);
  });

  it('an element that left hears nothing more', () => {
    const heard: string[] = [];
    const subscribers = new Subscribers();
    const status = element('status', heard, ['order'], ['order']);
    subscribers.add(status);
    subscribers.delete(status);
    subscribers.tell(notice('order'));
    assert.deepEqual([heard, subscribers.size], [[], 0]);
  });
});
