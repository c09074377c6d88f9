/**
 * `connect-order-status/react`: the elements as React components, for React 18 (which sets every prop of a
 * custom element as an attribute and listens to none of its events) and for React 19 apps that prefer
 * components. Built on @lit/react: `tokenProvider`, `messages` and every other element property are set as
 * properties, and `onOrderStateChange`… listen to the element's events, with their detail typed.
 *
 * Importing this module registers the elements (it imports the package's main entry). React is a peer of this
 * entry alone: pages that do not import it load nothing of it.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { OrderItemsElement, OrderStatusElement, OrderTrackerElement, ShopperMapElement } from '../index.js';
import type { OrderEventMap } from '../index.js';

/** The React prop that listens to an event, e.g. `onOrderStateChange` for `order-state-change`. */
const EVENT_PROPS = {
  onOrderStateChange: 'order-state-change',
  onOrderItemsChange: 'order-items-change',
  onShopperLocationChange: 'shopper-location-change',
  onReplacementDecision: 'replacement-decision',
  onOrderError: 'order-error',
} as const satisfies Record<string, keyof OrderEventMap>;

type EventProp = keyof typeof EVENT_PROPS;
type TypedEvents<P extends EventProp> = { [K in P]: EventName<OrderEventMap[(typeof EVENT_PROPS)[K]]> };

/** The listener props of the events one element dispatches (the names come typed with their detail). */
function events<P extends EventProp>(...props: P[]): TypedEvents<P> {
  // EventName is the event's name branded with its type: the brand exists only for the compiler.
  return Object.fromEntries(props.map((prop) => [prop, EVENT_PROPS[prop]])) as unknown as TypedEvents<P>;
}

/** `<order-status>`: state, window, stepper and handling details. */
export const OrderStatus = createComponent({
  react: React,
  tagName: 'order-status',
  elementClass: OrderStatusElement,
  events: events('onOrderStateChange', 'onOrderError'),
  displayName: 'OrderStatus',
});

/** `<order-items>`: the items in four lists, with answers to proposed replacements. */
export const OrderItems = createComponent({
  react: React,
  tagName: 'order-items',
  elementClass: OrderItemsElement,
  events: events('onOrderItemsChange', 'onReplacementDecision', 'onOrderError'),
  displayName: 'OrderItems',
});

/** `<shopper-map>`: the delivery address and, while delivering, the shopper. */
export const ShopperMap = createComponent({
  react: React,
  tagName: 'shopper-map',
  elementClass: ShopperMapElement,
  events: events('onShopperLocationChange', 'onOrderError'),
  displayName: 'ShopperMap',
});

/** `<order-tracker>`: the three above in one responsive layout. */
export const OrderTracker = createComponent({
  react: React,
  tagName: 'order-tracker',
  elementClass: OrderTrackerElement,
  events: events('onOrderStateChange', 'onOrderItemsChange', 'onShopperLocationChange', 'onReplacementDecision', 'onOrderError'),
  displayName: 'OrderTracker',
});
