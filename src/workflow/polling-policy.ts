/**
 * When each endpoint is read, as data (docs/connect-api.md §2, the tutorial's polling rules).
 * Changing when something polls is one row here; nothing else in the widget decides it.
 */
import type { FulfillmentType, Order, OrderResource, WorkflowState } from '../api/types.js';
import { phaseOf } from './states.js';

/**
 * What one endpoint should be doing now:
 * - `poll`: read now, then again every `every` × poll-interval, for as long as the activity lasts;
 * - `read_once`: read once when the activity begins (and retry until it succeeds), then stay idle;
 * - `off`: no requests.
 */
export type Activity = { kind: 'poll'; every: number } | { kind: 'read_once' } | { kind: 'off' };

export interface PolicyRow {
  /** Fulfillment types the row applies to; all when absent. */
  types?: readonly FulfillmentType[];
  /** Workflow states the row applies to; all when absent. */
  states?: readonly WorkflowState[];
  /** `false`: the row applies only to states the workflow table does not know. */
  knownState?: false;
  activity: Activity;
}

const poll = (every = 1): Activity => ({ kind: 'poll', every });
const READ_ONCE: Activity = { kind: 'read_once' };
const OFF: Activity = { kind: 'off' };

const FINISHED = ['delivered', 'canceled', 'cancelled'];

/** Rows are read top to bottom; the first that matches the order wins. */
const POLLING_POLICY: Readonly<Record<OrderResource, readonly PolicyRow[]>> = {
  order: [
    { states: FINISHED, activity: OFF },
    // No shopper yet, and only asking tells when one is assigned: ask, but slowly.
    { states: ['brand_new'], activity: poll(4) },
    // Every other state, including ones this widget does not know (the API adds states over time).
    { activity: poll(1) },
  ],
  items: [
    // Last mile orders have no items at Instacart: the retailer packs them.
    { types: ['last_mile_delivery'], activity: OFF },
    { states: ['picking', 'verifying_replacements'], activity: poll(1) },
    // Unknown states: keep polling the order only.
    { knownState: false, activity: OFF },
    // Before picking: let the customer check the list; from checkout on: one last read of the outcome.
    { activity: READ_ONCE },
  ],
  // Address and handling do not change after the order is created.
  handling: [{ activity: READ_ONCE }],
  location: [{ states: ['delivering'], activity: poll(1) }, { activity: OFF }],
};

/** What to do before the first order answer: read the order and the handling, wait with the rest. */
const BEFORE_FIRST_ORDER: Readonly<Record<OrderResource, Activity>> = {
  order: READ_ONCE,
  handling: READ_ONCE,
  items: OFF,
  location: OFF,
};

function rowMatches(row: PolicyRow, type: FulfillmentType, state: WorkflowState): boolean {
  if (row.types && !row.types.includes(type)) return false;
  if (row.states && !row.states.includes(state)) return false;
  if (row.knownState === false && phaseOf(type, state) !== 'unknown') return false;
  return true;
}

/** The activity of one endpoint for the order as last read (undefined before the first answer). */
export function activityFor(resource: OrderResource, order: Pick<Order, 'fulfillmentType' | 'workflowState'> | undefined): Activity {
  if (!order) return BEFORE_FIRST_ORDER[resource];
  const row = POLLING_POLICY[resource].find((r) => rowMatches(r, order.fulfillmentType, order.workflowState));
  return row?.activity ?? OFF;
}

export function sameActivity(a: Activity, b: Activity): boolean {
  return a.kind === b.kind && (a.kind !== 'poll' || (b.kind === 'poll' && a.every === b.every));
}
