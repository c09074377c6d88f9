// The tutorial's polling rules, read off the policy table for every state of every fulfillment type.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activityFor } from '../../src/workflow/polling-policy.js';
import { phaseOf, stepsOf, WORKFLOW } from '../../src/workflow/states.js';

const kind = (resource: Parameters<typeof activityFor>[0], fulfillmentType: string, workflowState: string) => {
  const a = activityFor(resource, { fulfillmentType, workflowState });
  return a.kind === 'poll' ? `poll×${a.every}` : a.kind;
};

describe('polling policy', () => {
  it('before the first answer reads only the order and the handling', () => {
    assert.equal(activityFor('order', undefined).kind, 'read_once');
    assert.equal(activityFor('handling', undefined).kind, 'read_once');
    assert.equal(activityFor('items', undefined).kind, 'off');
    assert.equal(activityFor('location', undefined).kind, 'off');
  });

  for (const type of Object.keys(WORKFLOW)) {
    it(`${type}: order polled slowly while brand_new, then every interval, never after delivered`, () => {
      for (const { state } of stepsOf(type)) {
        const expected = state === 'brand_new' ? 'poll×4' : state === 'delivered' ? 'off' : 'poll×1';
        assert.equal(kind('order', type, state), expected, state);
      }
      assert.equal(kind('order', type, 'canceled'), 'off');
      assert.equal(kind('order', type, 'rescheduled'), 'poll×1');
    });

    it(`${type}: location polled only while delivering, handling read once everywhere`, () => {
      for (const { state } of stepsOf(type)) {
        assert.equal(kind('location', type, state), state === 'delivering' ? 'poll×1' : 'off', state);
        assert.equal(kind('handling', type, state), 'read_once', state);
      }
    });
  }

  it('items: read before picking, polled while picking and verifying, read once from checkout on', () => {
    for (const type of ['delivery', 'pickup']) {
      for (const { state } of stepsOf(type)) {
        const expected = state === 'picking' || state === 'verifying_replacements' ? 'poll×1' : 'read_once';
        assert.equal(kind('items', type, state), expected, `${type} ${state}`);
      }
    }
  });

  it('items are never read for last mile delivery', () => {
    for (const { state } of stepsOf('last_mile_delivery')) assert.equal(kind('items', 'last_mile_delivery', state), 'off');
  });

  it('an unknown state keeps polling the order only', () => {
    assert.equal(phaseOf('delivery', 'teleporting'), 'unknown');
    assert.equal(kind('order', 'delivery', 'teleporting'), 'poll×1');
    assert.equal(kind('items', 'delivery', 'teleporting'), 'off');
    assert.equal(kind('location', 'delivery', 'teleporting'), 'off');
  });

  it('a state or type named like an Object.prototype member is just unknown', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      assert.equal(phaseOf('delivery', name), 'unknown', `state ${name}`);
      assert.deepEqual(stepsOf(name), stepsOf('delivery'), `type ${name} reads as delivery`);
      assert.equal(kind('order', 'delivery', name), 'poll×1', `state ${name}`);
      assert.equal(kind('items', 'delivery', name), 'off', `state ${name}`);
      assert.equal(kind('order', name, 'picking'), 'poll×1', `type ${name}`);
    }
  });
});
