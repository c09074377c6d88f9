/**
 * The events the elements dispatch (design.md "Events"): all bubble and are composed, so they reach the page
 * from inside an `<order-tracker>` too. The tracker and the controller create them; these types make
 * `el.addEventListener('order-state-change', (e) => e.detail.state)` typed on the host page.
 */
import type { ApiErrorKind } from '../api/api-error.js';
import type { FulfillmentType, OrderResource, ReplacementDecision, WorkflowState } from '../api/types.js';
import type { ItemCounts } from '../tracking/snapshot.js';

/** `order-state-change`: the order's workflow state changed (also once when it is first read). */
export interface OrderStateChangeDetail {
  orderId: string;
  state: WorkflowState;
  /** null on the first read. */
  previousState: WorkflowState | null;
  fulfillmentType: FulfillmentType;
}

/** `order-items-change`: how many items are in each list changed. */
export interface OrderItemsChangeDetail {
  orderId: string;
  counts: ItemCounts;
}

/** `shopper-location-change`: the shopper moved (only while delivering). */
export interface ShopperLocationChangeDetail {
  orderId: string;
  latitude: number;
  longitude: number;
}

/** `order-error`: a read failed (once per failure streak), or the element is misconfigured. */
export interface OrderErrorDetail {
  orderId: string;
  resource: OrderResource;
  kind: ApiErrorKind;
  /** The HTTP status, when a response came. */
  status: number | null;
  message: string;
}

/** `replacement-decision`: Connect accepted the customer's answer to a proposed replacement. */
export interface ReplacementDecisionDetail {
  orderId: string;
  itemId: string;
  decision: ReplacementDecision;
}

export interface OrderEventMap {
  'order-state-change': CustomEvent<OrderStateChangeDetail>;
  'order-items-change': CustomEvent<OrderItemsChangeDetail>;
  'shopper-location-change': CustomEvent<ShopperLocationChangeDetail>;
  'order-error': CustomEvent<OrderErrorDetail>;
  'replacement-decision': CustomEvent<ReplacementDecisionDetail>;
}

/* eslint-disable @typescript-eslint/no-empty-object-type */
declare global {
  interface HTMLElementEventMap extends OrderEventMap {}
  // They bubble out of shadow roots: a page can listen on document or window too.
  interface DocumentEventMap extends OrderEventMap {}
  interface WindowEventMap extends OrderEventMap {}
}
/* eslint-enable @typescript-eslint/no-empty-object-type */
