// The four endpoints tuned together: what each reads for an order's state, and a follower tab reading nothing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Order, OrderResource } from '../../src/api/types.js';
import { ResourcePollers } from '../../src/tracking/resource-pollers.js';
import type { ResourceAnswer } from '../../src/tracking/snapshot.js';
import { manualEnvironment } from '../../src/testing/index.js';

const order = (workflowState: string): Order => ({ id: 'o1', creationDate: '2026-11-26T15:00:00Z', workflowState, fulfillmentType: 'delivery' });

/** What Connect answers each endpoint, as it sends it. */
const RAW: Record<OrderResource, unknown> = {
  order: { id: 'o1', creation_date: '2026-11-26T15:00:00Z', workflow_state: 'picking', fulfillment_type: 'delivery' },
  items: { line_items: [] },
  handling: { address: { address_line_1: '1 Main St', postal_code: '62234', country_code: 'US' }, coordinates: { latitude: 1, longitude: 2 }, instructions: '' },
  location: {},
};

function pollers() {
  const env = manualEnvironment();
  const reads: OrderResource[] = [];
  const answers: ResourceAnswer[] = [];
  const dropped: string[] = [];
  const set = new ResourcePollers({
    env,
    minRefreshGapMs: 5000,
    read: async (resource) => {
      reads.push(resource);
      return RAW[resource];
    },
    onAnswer: (answer) => answers.push(answer),
    onError: () => 'retry',
    onDropped: (resource, message) => dropped.push(`${resource}: ${message}`),
  });
  return { env, reads, set, answers, dropped };
}

describe('ResourcePollers', () => {
  it('before the first order answer: the order and the handling; while delivering: the location every interval', async () => {
    const { env, reads, set } = pollers();
    set.retune(undefined, false, 10_000);
    await env.clock.settle();
    assert.deepEqual(reads.sort(), ['handling', 'order']);
    reads.length = 0;
    set.retune(order('delivering'), false, 10_000);
    await env.clock.advance(30_000);
    assert.equal(reads.filter((r) => r === 'location').length, 4, 'at once, then every 10 s');
    assert.equal(reads.filter((r) => r === 'items').length, 1, 'one last read of the outcome');
    set.stop();
  });

  it('a follower reads nothing; paused, nothing fires until the return; readAgain reads whatever the activity', async () => {
    const { env, reads, set } = pollers();
    set.retune(order('picking'), true, 10_000);
    await env.clock.advance(60_000);
    assert.deepEqual(reads, []);
    set.retune(order('picking'), false, 10_000);
    set.setActive(false);
    reads.length = 0;
    await env.clock.advance(60_000);
    assert.deepEqual(reads, []);
    set.setActive(true);
    await env.clock.settle();
    assert.deepEqual(reads, ['order', 'items'], 'back: each endpoint that came due reads once');
    set.readAgain('handling');
    await env.clock.settle();
    assert.deepEqual(reads, ['order', 'items', 'handling']);
    set.stop();
  });

  it('the same raw answer again (the client hands back the same object) is not parsed again, nor reported again', async () => {
    const { env, set, answers, dropped } = pollers();
    RAW.items = { line_items: [{ id: 'i1', status: 'found', item: { name: 'Milk', quantity: 'a dozen' } }] };
    set.retune(order('picking'), false, 10_000);
    await env.clock.advance(30_000);
    const items = answers.filter((answer) => answer.resource === 'items');
    assert.ok(items.length >= 3);
    assert.ok(items.every((answer) => answer === items[0]), 'one parse for one raw answer');
    assert.deepEqual(dropped, ['items: Unexpected answer from Connect: line_items[0].item.quantity is not a number ("a dozen"); line_items[0].item.quantity is left out.']);
    set.stop();
  });
});
