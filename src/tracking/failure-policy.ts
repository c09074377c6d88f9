/**
 * What a failed read means for the customer, decided from the error alone (the retry itself is the Poller's):
 * which endpoints stop, whether the order as a whole is over for this page, and whether the failure is worth
 * an `order-error`. Kept apart from the tracker so each rule has a test of its own.
 */
import type { ApiError } from '../api/api-error.js';
import type { OrderResource } from '../api/types.js';
import type { FailureDecision } from './poller.js';
import type { ResourceStatus, TrackerEvent } from './snapshot.js';

export interface FailureOutcome {
  /** What the snapshot records. */
  event: TrackerEvent;
  /** Whether the page hears of it through `order-error`. */
  report: boolean;
  /** What the endpoint's poller does next. */
  decision: FailureDecision;
}

export interface FailureContext {
  /** The endpoint's status before this failure. */
  status: ResourceStatus;
  online: boolean;
}

export function failureOutcome(resource: OrderResource, error: ApiError, context: FailureContext): FailureOutcome {
  // Token refreshes happen before an error gets here: an `auth` failure means the customer must sign in again.
  if (error.kind === 'auth') return { event: { type: 'halted', condition: 'auth', resource, error }, report: true, decision: 'stop' };
  // The order itself is unknown (or Connect's own "not found" code on any endpoint): nothing else will work.
  if (error.kind === 'not_found' && (resource === 'order' || error.code === 4000)) {
    return { event: { type: 'halted', condition: 'not_found', resource, error }, report: true, decision: 'stop' };
  }
  // The retailer has shopper details redacted: say so and stop asking.
  if (resource === 'location' && error.kind === 'forbidden') return { event: { type: 'location_withheld', error }, report: true, decision: 'stop' };
  // A final answer (400, 403, 404 on a part): asking again would get the same one.
  if (!error.retryable) return { event: { type: 'failed', resource, error, retrying: false }, report: true, decision: 'stop' };
  const firstFailure = context.status.state !== 'retrying';
  // Offline is not an error for the customer: updates are paused, and resume when the network returns.
  const becauseOffline = !context.online && (error.kind === 'network' || error.kind === 'timeout');
  return { event: { type: 'failed', resource, error, retrying: true }, report: firstFailure && !becauseOffline, decision: 'retry' };
}
