/**
 * The DOM events the elements dispatch (docs/architecture.md, "Events"): all bubble and are composed, so they
 * reach the page from inside an `<order-tracker>` too. Every one goes out through `dispatchOrderEvent`, so a
 * wrong name or a wrong detail does not compile; the global maps below make
 * `el.addEventListener('order-state-change', (e) => e.detail.state)` typed on the host page.
 */
import type { OrderNoticeMap, OrderNoticeType } from '../tracking/order-notices.js';

export type {
  OrderErrorDetail,
  OrderItemsChangeDetail,
  OrderStateChangeDetail,
  ReplacementDecisionDetail,
  ShopperLocationChangeDetail,
} from '../tracking/order-notices.js';
export type { ItemCounts } from '../tracking/snapshot-data.js';

/** Every event the elements dispatch, by name. */
export type OrderEventMap = { [T in OrderNoticeType]: CustomEvent<OrderNoticeMap[T]> };

/** Dispatches one of the elements' events from `target`, bubbling and composed. */
export function dispatchOrderEvent<T extends OrderNoticeType>(target: EventTarget, type: T, detail: OrderNoticeMap[T]): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/* eslint-disable @typescript-eslint/no-empty-object-type */
declare global {
  interface HTMLElementEventMap extends OrderEventMap {}
  // They bubble out of shadow roots: a page can listen on document or window too.
  interface DocumentEventMap extends OrderEventMap {}
  interface WindowEventMap extends OrderEventMap {}
}
/* eslint-enable @typescript-eslint/no-empty-object-type */
