/**
 * Which endpoints a callback says may have changed (docs/connect-api.md §6). The table is data: a callback
 * only ever makes the page re-read, so an event name the kit does not know still re-reads the order, which
 * is always safe, rather than being refused. Names are compared without their `fulfillment.` prefix and
 * without case.
 */
import type { LiveResource } from './change-bus.js';

/** Events whose re-read goes beyond the order itself (what the widget's polling would read next). */
const RESOURCES_OF_EVENT: Readonly<Record<string, readonly LiveResource[]>> = {
  // Picking is over: the lists are final, so the page reads them one last time (docs/connect-api.md §2).
  checkout: ['order', 'items'],
  // The shopper is on the way: the map appears.
  delivering: ['order', 'location'],
  order_item_replacement: ['items'],
  order_item_refund: ['items'],
  item_replacement: ['items'],
  item_refund: ['items'],
  order_location: ['location'],
};

const ORDER_ONLY: readonly LiveResource[] = ['order'];

/** The endpoints to re-read after the callback `eventName`. */
export function resourcesOfEvent(eventName: string): LiveResource[] {
  const name = eventName.trim().toLowerCase().replace(/^fulfillment\./, '');
  const known = Object.hasOwn(RESOURCES_OF_EVENT, name) ? RESOURCES_OF_EVENT[name] : undefined;
  if (known) return [...known];
  // Names Instacart may add later: item and location events keep their meaning, anything else is a state.
  if (name.includes('item')) return ['items'];
  if (name.includes('location')) return ['location'];
  return [...ORDER_ONLY];
}
