// One order, one identity: the registry, the controller and the tab lock agree on which order is which.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { orderKey } from '../../src/tracking/order-key.js';
import { acquireTracker, configureTracking, liveTrackerCount, resetTrackingConfiguration } from '../../src/tracking/registry.js';

describe('orderKey', () => {
  it('a trailing slash or spaces do not make another order', () => {
    assert.equal(orderKey('https://connect.test/', 'o1'), orderKey('https://connect.test', 'o1'));
    assert.equal(orderKey(' https://connect.test// ', ' o1 '), orderKey('https://connect.test', 'o1'));
    assert.notEqual(orderKey('https://connect.test', 'o1'), orderKey('https://connect.test', 'o2'));
    assert.notEqual(orderKey('https://connect.test', 'o1'), orderKey('https://other.test', 'o1'));
  });

  it('elements whose api-base differs by a trailing slash share one tracker', () => {
    configureTracking({});
    const config = { orderId: 'o1', pollIntervalSeconds: 15, tokens: { token: 't' } };
    const a = acquireTracker({ ...config, apiBase: 'https://connect.test/' });
    const b = acquireTracker({ ...config, apiBase: 'https://connect.test' });
    assert.equal(a, b);
    assert.equal(liveTrackerCount(), 1);
    resetTrackingConfiguration();
    assert.equal(liveTrackerCount(), 0);
  });
});
