/**
 * Batch statuses per batch type and how each maps to the order's `workflow_state`
 * (docs/connect-api.md §5, including its Decision lines). Pure data plus a few lookups.
 *
 * Decisions taken here where the doc is silent:
 * - A new batch starts in `acknowledged` (the tutorial: "The batch starts in the status of acknowledged"),
 *   a `delivery_only` batch in its analogue `acknowledged_for_delivery`, and a `runner_customer` batch in
 *   `brand_new` (its sequence has no acknowledgement). The create body's `workflow_state` overrides this.
 * - `staged` is an optional status of a `delivery` batch, between `receipt_sanity_check` and `delivering`:
 *   a plain advance skips it (the picker is the driver), naming it (`{"workflow_state": "staged"}`, as in
 *   the tutorial's curl) stops there (the picker is not the driver; the bags wait for one).
 * - Batch `brand_new` maps to order `brand_new` for delivery and pickup, to `ready_for_pickup` for
 *   `runner_customer` (creating it means the order is ready), and to `waiting_for_delivery` for
 *   `delivery_only` (the order already waits for a driver; it does not go back to `brand_new`).
 * - Pickup `receipt_sanity_check` maps to `checkout` ("no change": `checkout` is the state before it).
 * - The pickup order states `runner_awaiting` and `runner_acknowledged` have no batch status that maps to
 *   them in the doc's Decision, so a batch walk never produces them; the dev control
 *   `POST /__sandbox/orders/{id}/state` can set them (or any state) to test how a page shows them.
 */
import type { BatchType, SandboxFulfillmentType } from './records.js';

export const BATCH_TYPES: readonly BatchType[] = ['delivery', 'pickup', 'runner_customer', 'delivery_only'];

/** Every status of each batch type, in order (optional ones included). */
export const BATCH_STATUSES: Readonly<Record<BatchType, readonly string[]>> = {
  delivery: [
    'brand_new',
    'acknowledged',
    'picking',
    'verifying_replacements',
    'checkout',
    'receipt_sanity_check',
    'staged',
    'delivering',
    'completed',
  ],
  pickup: [
    'brand_new',
    'acknowledged',
    'picking',
    'verifying_replacements',
    'checkout',
    'receipt_sanity_check',
    'bags_check',
    'staged',
  ],
  runner_customer: ['brand_new', 'at_store', 'bags_verified', 'completed'],
  delivery_only: ['brand_new', 'acknowledged_for_delivery', 'at_store', 'bags_verified', 'delivering', 'completed'],
};

/** Statuses a plain advance skips; reached only when named. */
const OPTIONAL_STATUSES: Readonly<Partial<Record<BatchType, readonly string[]>>> = {
  delivery: ['staged'],
};

export const INITIAL_STATUS: Readonly<Record<BatchType, string>> = {
  delivery: 'acknowledged',
  pickup: 'acknowledged',
  runner_customer: 'brand_new',
  delivery_only: 'acknowledged_for_delivery',
};

/** Which fulfillment type each batch type serves. */
export const FULFILLMENT_OF_BATCH: Readonly<Record<BatchType, SandboxFulfillmentType>> = {
  delivery: 'delivery',
  pickup: 'pickup',
  runner_customer: 'pickup',
  delivery_only: 'last_mile_delivery',
};

/** The batch a shopper works an order of each type in (a pickup order gets a `runner_customer` one after). */
export const MAIN_BATCH_TYPE: Readonly<Record<SandboxFulfillmentType, BatchType>> = {
  delivery: 'delivery',
  pickup: 'pickup',
  last_mile_delivery: 'delivery_only',
};

/** Order states that differ from the batch status' own name; every other status maps to itself. */
const ORDER_STATE_OVERRIDES: Readonly<Record<BatchType, Readonly<Record<string, string>>>> = {
  delivery: { receipt_sanity_check: 'bags_check', completed: 'delivered' },
  pickup: { receipt_sanity_check: 'checkout' },
  runner_customer: {
    brand_new: 'ready_for_pickup',
    at_store: 'user_at_store',
    bags_verified: 'bags_verified',
    completed: 'delivered',
  },
  delivery_only: { brand_new: 'waiting_for_delivery', completed: 'delivered' },
};

/** Retailer-side staging of a last mile order, before a `delivery_only` batch may exist. */
export const LAST_MILE_STAGING: readonly string[] = ['brand_new', 'staged_for_delivery', 'waiting_for_delivery'];

export function isBatchStatus(batchType: BatchType, status: string): boolean {
  return BATCH_STATUSES[batchType].includes(status);
}

/** The order's workflow_state while its batch of this type is in `status`. */
export function orderStateFor(batchType: BatchType, status: string): string {
  return ORDER_STATE_OVERRIDES[batchType][status] ?? status;
}

/** The status a plain advance moves to, or undefined at the last status. */
export function nextStatus(batchType: BatchType, status: string): string | undefined {
  const statuses = BATCH_STATUSES[batchType];
  const optional = OPTIONAL_STATUSES[batchType] ?? [];
  for (let i = statuses.indexOf(status) + 1; i < statuses.length; i += 1) {
    const candidate = statuses[i];
    if (candidate !== undefined && !optional.includes(candidate)) return candidate;
  }
  return undefined;
}

export function isLastStatus(batchType: BatchType, status: string): boolean {
  return nextStatus(batchType, status) === undefined;
}

/** Whether `to` comes after `from` in the batch type's sequence. */
export function isLaterStatus(batchType: BatchType, from: string, to: string): boolean {
  const statuses = BATCH_STATUSES[batchType];
  return statuses.indexOf(to) > statuses.indexOf(from);
}

/** Whether a batch in `status` has passed checkout: the shopping list is settled from then on. */
export function isPastShopping(batchType: BatchType, status: string): boolean {
  const statuses = BATCH_STATUSES[batchType];
  const checkout = statuses.indexOf('checkout');
  return checkout >= 0 && statuses.indexOf(status) >= checkout;
}
