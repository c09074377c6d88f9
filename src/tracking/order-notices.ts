/**
 * What the tracker tells an element happened to the order, one notice per change. The element dispatches
 * each as the DOM event of the same name (src/elements/events.ts), so the detail types here are the public
 * event details.
 */
import type { ApiError, ApiErrorKind } from '../api/api-error.js';
import type { FulfillmentType, OrderResource, ReplacementDecision, WorkflowState } from '../api/types.js';
import type { OrderSnapshot } from './snapshot.js';
import { countItems, type ItemCounts, sameData } from './snapshot-data.js';

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

/** Every notice by name, with its detail. */
export interface OrderNoticeMap {
  'order-state-change': OrderStateChangeDetail;
  'order-items-change': OrderItemsChangeDetail;
  'shopper-location-change': ShopperLocationChangeDetail;
  'order-error': OrderErrorDetail;
  'replacement-decision': ReplacementDecisionDetail;
}

export type OrderNoticeType = keyof OrderNoticeMap;

/** One notice: its name, its detail, and the part of the order it is about (which element reports it). */
export type OrderNotice = { [T in OrderNoticeType]: { type: T; detail: OrderNoticeMap[T]; resource: OrderResource } }[OrderNoticeType];

/** The notices a change of snapshot makes: a new state, new counts per list, a new shopper position. */
export function noticesBetween(previous: OrderSnapshot, next: OrderSnapshot): OrderNotice[] {
  const notices: OrderNotice[] = [];
  const { orderId } = next;
  const order = next.order;
  if (order && order !== previous.order && order.workflowState !== previous.order?.workflowState) {
    const detail = { orderId, state: order.workflowState, previousState: previous.order?.workflowState ?? null, fulfillmentType: order.fulfillmentType };
    notices.push({ type: 'order-state-change', resource: 'order', detail });
  }
  if (next.items && next.items !== previous.items) {
    const counts = countItems(next.items);
    if (!previous.items || !sameData(countItems(previous.items), counts)) {
      notices.push({ type: 'order-items-change', resource: 'items', detail: { orderId, counts } });
    }
  }
  const location = next.location;
  if (location && location !== previous.location) {
    notices.push({ type: 'shopper-location-change', resource: 'location', detail: { orderId, latitude: location.latitude, longitude: location.longitude } });
  }
  return notices;
}

/** The `order-error` notice for a failure. */
export function errorNotice(orderId: string, resource: OrderResource, error: ApiError): OrderNotice {
  return {
    type: 'order-error',
    resource,
    detail: { orderId, resource, kind: error.kind, status: error.status ?? null, message: error.message },
  };
}

/** Distinct left-out parts told to the page per order: enough to find the cause, never a flood. */
const MAX_DROPPED_NOTICES = 20;

/**
 * The parsers left a bad part of an answer out and showed the rest (api/parse.ts): the page hears of it as an
 * `invalid_response` order-error, once per distinct problem (not on every poll), while the data stays live.
 */
export class DroppedPartNotices {
  readonly #told = new Set<string>();

  constructor(readonly orderId: string) {}

  /** The notice for this left-out part, or undefined when the page heard of it already. */
  notice(resource: OrderResource, message: string): OrderNotice | undefined {
    if (this.#told.has(message) || this.#told.size >= MAX_DROPPED_NOTICES) return undefined;
    this.#told.add(message);
    return { type: 'order-error', resource, detail: { orderId: this.orderId, resource, kind: 'invalid_response', status: null, message } };
  }
}
