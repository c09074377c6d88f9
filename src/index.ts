/**
 * The bundle entry: one `<script type="module">` (or the IIFE build) registers every element. Loading it
 * twice warns instead of throwing. The map's Leaflet code is not in here: <shopper-map> loads it on demand.
 */
import { defineElement } from './elements/define.js';
import { OrderItemsElement } from './elements/order-items/order-items.js';
import { OrderStatusElement } from './elements/order-status/order-status.js';
import { OrderTrackerElement } from './elements/order-tracker/order-tracker.js';
import { ShopperMapElement } from './elements/shopper-map/shopper-map.js';

defineElement('order-status', OrderStatusElement);
defineElement('order-items', OrderItemsElement);
defineElement('shopper-map', ShopperMapElement);
defineElement('order-tracker', OrderTrackerElement);

export { OrderStatusElement, OrderItemsElement, ShopperMapElement, OrderTrackerElement, defineElement };
export { OrderElement } from './elements/order-element.js';
// Types only, named one by one: the declaration bundle would otherwise also offer dispatchOrderEvent, which the
// script does not export.
export type {
  ItemCounts,
  OrderErrorDetail,
  OrderEventMap,
  OrderItemsChangeDetail,
  OrderStateChangeDetail,
  ReplacementDecisionDetail,
  ShopperLocationChangeDetail,
} from './elements/events.js';
export type { OrderSnapshot, TrackerCondition } from './tracking/snapshot.js';
export type {
  Address,
  Coordinates,
  FulfillmentType,
  Handling,
  LineItem,
  LineItemStatus,
  Order,
  OrderResource,
  Product,
  ReplacementDecision,
  ReplacementStatus,
  WorkflowState,
} from './api/types.js';
export type { ApiErrorKind } from './api/api-error.js';
export type { Message, MessageKey, Messages } from './i18n/messages-en.js';
export { Localizer, resolveLocale } from './i18n/index.js';
