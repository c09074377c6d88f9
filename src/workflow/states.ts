/**
 * The workflow states of each fulfillment type, in order, and the customer-facing phase each belongs to
 * (docs/connect-api.md §1). Everything that asks "how far along is this order?" reads this table.
 */
import { ownEntry } from '../common/own-entry.js';
import type { FulfillmentType, WorkflowState } from '../api/types.js';

/** Where the order is, in the customer's words. Steppers and sentences are keyed on these. */
export type OrderPhase =
  | 'placed'
  | 'shopping'
  | 'reviewing_replacements'
  | 'checking_out'
  | 'ready'
  | 'on_the_way'
  | 'done'
  | 'canceled'
  | 'rescheduled'
  | 'unknown';

export interface StateStep {
  state: WorkflowState;
  phase: OrderPhase;
}

/** The documented order of states per fulfillment type. `canceled` and `rescheduled` can happen anywhere. */
export const WORKFLOW: Readonly<Record<'delivery' | 'pickup' | 'last_mile_delivery', readonly StateStep[]>> = {
  delivery: [
    { state: 'brand_new', phase: 'placed' },
    { state: 'acknowledged', phase: 'placed' },
    { state: 'picking', phase: 'shopping' },
    { state: 'verifying_replacements', phase: 'reviewing_replacements' },
    { state: 'checkout', phase: 'checking_out' },
    { state: 'bags_check', phase: 'checking_out' },
    // Only when the picker is not the driver: the bags wait for a driver.
    { state: 'staged', phase: 'ready' },
    { state: 'delivering', phase: 'on_the_way' },
    { state: 'delivered', phase: 'done' },
  ],
  pickup: [
    { state: 'brand_new', phase: 'placed' },
    { state: 'acknowledged', phase: 'placed' },
    { state: 'picking', phase: 'shopping' },
    { state: 'verifying_replacements', phase: 'reviewing_replacements' },
    { state: 'checkout', phase: 'checking_out' },
    { state: 'bags_check', phase: 'checking_out' },
    { state: 'staged', phase: 'checking_out' },
    { state: 'ready_for_pickup', phase: 'ready' },
    { state: 'user_at_store', phase: 'ready' },
    { state: 'runner_awaiting', phase: 'ready' },
    { state: 'runner_acknowledged', phase: 'ready' },
    { state: 'bags_verified', phase: 'ready' },
    { state: 'delivered', phase: 'done' },
  ],
  last_mile_delivery: [
    { state: 'brand_new', phase: 'placed' },
    { state: 'staged_for_delivery', phase: 'placed' },
    { state: 'waiting_for_delivery', phase: 'placed' },
    { state: 'acknowledged_for_delivery', phase: 'placed' },
    { state: 'at_store', phase: 'ready' },
    { state: 'bags_verified', phase: 'ready' },
    { state: 'delivering', phase: 'on_the_way' },
    { state: 'delivered', phase: 'done' },
  ],
};

/** States that can happen to any order, outside the ordered sequence. */
const PROBLEM_STATES: Readonly<Record<string, OrderPhase>> = {
  canceled: 'canceled',
  // The API has used both spellings in examples; treat them alike.
  cancelled: 'canceled',
  rescheduled: 'rescheduled',
};

/** The known sequence for a fulfillment type, or the delivery one for a type the widget does not know. */
export function stepsOf(fulfillmentType: FulfillmentType): readonly StateStep[] {
  return ownEntry<readonly StateStep[]>(WORKFLOW, fulfillmentType) ?? WORKFLOW.delivery;
}

/** The phase of a state for that fulfillment type; `unknown` for a state the table does not have. */
export function phaseOf(fulfillmentType: FulfillmentType, state: WorkflowState): OrderPhase {
  const problem = ownEntry(PROBLEM_STATES, state);
  if (problem) return problem;
  return stepsOf(fulfillmentType).find((step) => step.state === state)?.phase ?? 'unknown';
}

/** Index of the state in its type's sequence, or -1 for problem and unknown states. */
export function stateIndex(fulfillmentType: FulfillmentType, state: WorkflowState): number {
  return stepsOf(fulfillmentType).findIndex((step) => step.state === state);
}
