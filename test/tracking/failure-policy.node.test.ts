// What a failed read means for the customer: which failures end everything, which stop one part, which are
// retried, and which are worth telling the page about.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, type ApiErrorKind } from '../../src/api/api-error.js';
import { failureOutcome } from '../../src/tracking/failure-policy.js';

const error = (kind: ApiErrorKind, extra: Partial<{ status: number; code: number }> = {}) => new ApiError({ kind, message: kind, ...extra });
const ready = { status: { state: 'ready' as const }, online: true };

describe('failureOutcome', () => {
  it('auth ends everything: sign in again', () => {
    const outcome = failureOutcome('items', error('auth', { status: 401 }), ready);
    assert.deepEqual([outcome.event.type, outcome.decision, outcome.report], ['halted', 'stop', true]);
    assert.equal(outcome.event.type === 'halted' && outcome.event.condition, 'auth');
  });

  it('an unknown order ends everything; a 404 on a part without code 4000 stops only that part', () => {
    const order = failureOutcome('order', error('not_found', { status: 404 }), ready);
    assert.equal(order.event.type === 'halted' && order.event.condition, 'not_found');
    const coded = failureOutcome('handling', error('not_found', { status: 404, code: 4000 }), ready);
    assert.equal(coded.event.type, 'halted');
    const part = failureOutcome('handling', error('not_found', { status: 404 }), ready);
    assert.deepEqual([part.event.type, part.decision], ['failed', 'stop']);
  });

  it('a 403 on the location means the shopper is not shared; elsewhere it stops that part', () => {
    assert.equal(failureOutcome('location', error('forbidden', { status: 403 }), ready).event.type, 'location_withheld');
    const items = failureOutcome('items', error('forbidden', { status: 403 }), ready);
    assert.deepEqual([items.event.type, items.decision, items.report], ['failed', 'stop', true]);
  });

  it('failures that may pass are retried and reported once per streak', () => {
    for (const kind of ['server', 'rate_limited', 'network', 'timeout', 'invalid_response'] as const) {
      const first = failureOutcome('order', error(kind), ready);
      assert.deepEqual([first.decision, first.report], ['retry', true], kind);
      assert.ok(first.event.type === 'failed' && first.event.retrying);
      const again = failureOutcome('order', error(kind), { status: { state: 'retrying' }, online: true });
      assert.equal(again.report, false, `${kind} twice in a row`);
    }
  });

  it('offline is not an error to report: network failures while offline are retried quietly', () => {
    const offline = { status: { state: 'ready' as const }, online: false };
    assert.equal(failureOutcome('order', error('network'), offline).report, false);
    assert.equal(failureOutcome('order', error('timeout'), offline).report, false);
    assert.equal(failureOutcome('order', error('server', { status: 503 }), offline).report, true);
  });
});
