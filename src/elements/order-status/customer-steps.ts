/**
 * The stepper's steps: each fulfillment type's workflow states (src/workflow/states.ts) grouped into the
 * few steps a customer thinks in — Order placed → Shopping → Checking out → On the way / Ready for pickup →
 * Delivered / Picked up — and where an order is among them.
 */
import type { FulfillmentType, WorkflowState } from '../../api/types.js';
import { ownEntry } from '../../common/own-entry.js';
import { type OrderPhase, phaseOf, stateIndex, stepsOf } from '../../workflow/states.js';

export type CustomerStep =
  | 'placed'
  | 'shopping'
  | 'checking_out'
  | 'at_store'
  | 'on_the_way'
  | 'ready_for_pickup'
  | 'delivered'
  | 'picked_up';

type PhaseSteps = Partial<Record<OrderPhase, CustomerStep>>;

const DELIVERY: PhaseSteps = {
  placed: 'placed',
  shopping: 'shopping',
  reviewing_replacements: 'shopping',
  checking_out: 'checking_out',
  // `staged`: packed, waiting for a driver — still before the road.
  ready: 'checking_out',
  on_the_way: 'on_the_way',
  done: 'delivered',
};

/**
 * Which step each phase belongs to, per fulfillment type (other types read as delivery). Only the phases of
 * the type's own sequence are ever looked up, so the other types list just where they differ from delivery.
 */
const STEP_OF_PHASE: Readonly<Record<string, PhaseSteps>> = {
  delivery: DELIVERY,
  pickup: { ...DELIVERY, ready: 'ready_for_pickup', done: 'picked_up' },
  // The retailer packs the order (no shopping phases in its sequence); a driver collects it.
  last_mile_delivery: { ...DELIVERY, ready: 'at_store' },
};

function stepTable(type: FulfillmentType): PhaseSteps {
  return ownEntry(STEP_OF_PHASE, type) ?? DELIVERY;
}

/** The steps of a fulfillment type, in order. */
export function customerSteps(type: FulfillmentType): CustomerStep[] {
  const table = stepTable(type);
  const steps: CustomerStep[] = [];
  for (const { phase } of stepsOf(type)) {
    const step = table[phase];
    if (step && !steps.includes(step)) steps.push(step);
  }
  return steps;
}

export interface Progress {
  /** `step`: a known state of the sequence; the others are shown as a notice, not a step. */
  kind: 'step' | 'canceled' | 'rescheduled' | 'unknown';
  steps: CustomerStep[];
  /** Index of the current step; -1 when the order is not on a step. */
  current: number;
  /** Steps before this index are done (for a notice state: how far the order had got). */
  reached: number;
}

/**
 * Where the order is. For canceled, rescheduled and unknown states `lastKnownState` (the last state of the
 * sequence this element saw) keeps the steps already done marked as done.
 */
export function progressOf(type: FulfillmentType, state: WorkflowState, lastKnownState?: WorkflowState): Progress {
  const steps = customerSteps(type);
  const stepAt = (s: WorkflowState): number => {
    if (stateIndex(type, s) < 0) return -1;
    const step = stepTable(type)[phaseOf(type, s)];
    return step ? steps.indexOf(step) : -1;
  };
  const current = stepAt(state);
  if (current >= 0) {
    // The last step is done, not in progress, once reached.
    const done = current === steps.length - 1;
    return { kind: 'step', steps, current, reached: done ? steps.length : current };
  }
  const phase = phaseOf(type, state);
  const kind = phase === 'canceled' || phase === 'rescheduled' ? phase : 'unknown';
  const last = lastKnownState ? stepAt(lastKnownState) : -1;
  return { kind, steps, current: -1, reached: last >= 0 ? last : 0 };
}
