/**
 * The English catalogue: every text the elements show, keyed. It is the reference catalogue: its keys are
 * the message keys, and any other catalogue (messages-es.ts, messages-fr-CA.ts …) may leave keys out, which
 * then fall back to these.
 *
 * Conventions:
 * - `{name}` is a placeholder filled by `Localizer#msg`.
 * - A message with a `{count}` may be an object of plural forms (`one`, `other`, … as Intl.PluralRules names
 *   them); `other` is required.
 * - `state.<state>` is the sentence for a workflow state; `state.<type>.<state>` overrides it for one
 *   fulfillment type where the wording differs. A state with neither reads `state.unknown`.
 */

/** One message: a string, or plural forms chosen by `{count}`. */
export type Message = string | PluralMessage;
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export const messagesEn = {
  // ── Fulfillment types ──────────────────────────────────────────────────────────────────────────────
  'type.delivery': 'Delivery',
  'type.pickup': 'Pickup',
  'type.last_mile_delivery': 'Delivery from the store',
  'type.unknown': 'Order',
  'order.title': 'Your order',
  'order.type': 'Type',
  'order.placedLabel': 'Placed',
  'window.delivery': 'Delivery window',
  'window.pickup': 'Pickup window',
  'window.last_mile_delivery': 'Delivery window',
  'window.unknown': 'Window',
  'status.loading': 'Loading your order…',
  'status.progress': 'Order progress',
  /** A day and a time, e.g. "Today, 2:30–4:30 PM". */
  'format.dayTime': '{day}, {time}',
  /** A range over two days, e.g. "Today, 10:00 PM – Tomorrow, 1:00 AM". */
  'format.range': '{start} – {end}',

  // ── Stepper: the states grouped in the customer's words ───────────────────────────────────────────
  'step.placed': 'Order placed',
  'step.shopping': 'Shopping',
  'step.checking_out': 'Checking out',
  'step.at_store': 'Driver at the store',
  'step.on_the_way': 'On the way',
  'step.ready_for_pickup': 'Ready for pickup',
  'step.delivered': 'Delivered',
  'step.picked_up': 'Picked up',
  'step.complete': 'completed',

  // ── One sentence per workflow state (docs/connect-api.md §1) ────────────────────────────────────────
  'state.brand_new': 'We have your order and are finding a shopper for it.',
  'state.acknowledged': 'A shopper has accepted your order and will start shopping soon.',
  'state.picking': 'Your shopper is picking your items.',
  'state.verifying_replacements': 'Your shopper is checking the replacements for items that were out of stock.',
  'state.checkout': 'Your shopper is checking out.',
  'state.bags_check': 'Your shopper is checking your bags.',
  'state.staged': 'Your order is packed and waiting for a driver.',
  'state.pickup.staged': 'Your order is packed and being set aside for pickup.',
  'state.delivering': 'Your order is on the way.',
  'state.last_mile_delivery.delivering': 'Your driver is on the way with your order.',
  'state.delivered': 'Your order was delivered. Enjoy!',
  'state.pickup.delivered': 'You picked up your order. Enjoy!',
  'state.ready_for_pickup': 'Your order is ready for pickup. Let the store know when you arrive.',
  'state.user_at_store': 'The store knows you are here. Your order will be brought out shortly.',
  'state.runner_awaiting': 'A store employee will bring your order out shortly.',
  'state.runner_acknowledged': 'A store employee is bringing your order out.',
  'state.bags_verified': 'Your bags have been checked and are being handed over.',
  'state.last_mile_delivery.bags_verified': 'Your driver has your bags and is about to leave the store.',
  'state.last_mile_delivery.brand_new': 'We have your order. The store will pack it.',
  'state.staged_for_delivery': 'The store is packing your order.',
  'state.waiting_for_delivery': 'Your order is packed and waiting for a driver.',
  'state.acknowledged_for_delivery': 'A driver has accepted your order and is heading to the store.',
  'state.at_store': 'Your driver is at the store picking up your order.',
  'state.canceled': 'This order was canceled.',
  'state.rescheduled': 'Your order was rescheduled. The window above shows the new time.',
  'state.unknown': 'In progress',
  'notice.canceled': 'Canceled',
  'notice.rescheduled': 'Rescheduled',
  'notice.unknown': 'In progress',

  // ── Handling details ──────────────────────────────────────────────────────────────────────────────
  'handling.title.delivery': 'Delivery details',
  'handling.title.pickup': 'Pickup details',
  'handling.title.unknown': 'Details',
  'handling.address': 'Address',
  'handling.dropoff': 'Drop-off: {location}',
  'handling.notes': 'Notes: {notes}',
  'handling.instructions': 'Instructions: {instructions}',
  'handling.alcohol': 'Contains alcohol: have a valid photo ID ready.',
  'handling.leaveUnattended': 'The order may be left at the door.',
  'handling.certified': 'Certified delivery: a signature or confirmation is needed.',

  // ── Items ─────────────────────────────────────────────────────────────────────────────────────────
  'items.title': 'Items',
  'items.loading': 'Loading your items…',
  'items.empty': 'There are no items in this order yet.',
  'items.listEmpty': 'None',
  'items.list.stillShopping': 'Still shopping',
  'items.list.found': 'Found',
  'items.list.replaced': 'Replaced',
  'items.list.refunded': 'Refunded',
  'items.list.other': 'Other',
  'items.count': { one: '{count} item', other: '{count} items' },
  'items.quantity': 'Quantity',
  'items.replacedWith': 'replaced with',
  'items.noReplacement': 'No replacement proposed yet',
  'items.lastMile': 'The store packs this order itself, so its items are not listed here.',
  'items.announce.found': { one: 'Found: {names}.', other: 'Found {count} items: {names}.' },
  'items.announce.replaced': '{original} was replaced with {replacement}.',
  'items.announce.refunded': '{name} will be refunded.',
  'items.announce.many': { one: '{count} item was updated.', other: '{count} items were updated.' },

  // ── Replacement decisions ─────────────────────────────────────────────────────────────────────────
  'replacement.approve': 'Approve',
  'replacement.reject': 'Reject',
  'replacement.approveLabel': 'Approve {replacement} as the replacement for {original}',
  'replacement.rejectLabel': 'Reject {replacement} as the replacement for {original}',
  'replacement.pending': 'Waiting for your answer',
  'replacement.sending': 'Sending your answer…',
  'replacement.APPROVED': 'You approved this replacement',
  'replacement.REJECTED': 'You rejected this replacement',
  'replacement.error.bad_request': 'This replacement can no longer be answered.',
  'replacement.error.not_found': 'This item is no longer in the order.',
  'replacement.error.retry': 'Your answer could not be sent. Please try again.',

  // ── Map ───────────────────────────────────────────────────────────────────────────────────────────
  'map.label': 'Map of your delivery',
  'map.loading': 'Loading the map…',
  'map.error': 'The map could not be loaded.',
  'map.deliveringTo': 'Delivering to {address}',
  'map.deliveredTo': 'Delivered to {address}',
  'map.beforeDelivery': 'Your shopper will appear on a map here once your order is on the way.',
  'map.distance': 'Your shopper is {distance} away.',
  'map.nearby': 'Your shopper is arriving.',
  'map.waiting': 'Waiting for your shopper’s location…',
  'map.notShared': 'The shopper’s location is not shared for this order.',
  'map.destination': 'Delivery address',
  'map.shopper': 'Your shopper',

  // ── Banners: how the tracker is doing (OrderSnapshot.condition) ──────────────────────────────────
  'banner.reconnecting': 'Reconnecting… Last updated {time}.',
  'banner.reconnectingNever': 'Reconnecting…',
  'banner.offline': 'You are offline. Updates are paused until you are back online.',
  'banner.auth': 'Your session has expired. Please sign in again to see your order.',
  'banner.not_found': 'We could not find this order.',
  'banner.misconfigured': 'This order cannot be shown here: the page is not set up to show it. Please contact the store.',

  // ── Errors, by ApiError kind ──────────────────────────────────────────────────────────────────────
  'error.auth': 'Please sign in again.',
  'error.forbidden': 'This information is not available.',
  'error.not_found': 'Not found.',
  'error.bad_request': 'The request was not accepted.',
  'error.rate_limited': 'Too many requests. Trying again shortly.',
  'error.server': 'Instacart is having trouble. Trying again shortly.',
  'error.network': 'The network is unavailable. Trying again shortly.',
  'error.timeout': 'The answer took too long. Trying again shortly.',
  'error.invalid_response': 'An unexpected answer came back. Trying again shortly.',
  'error.misconfigured': 'This page is not set up to show the order.',
  'error.aborted': 'The request was stopped.',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof messagesEn;

/** A catalogue for another locale, or a retailer's overrides: any subset of the English keys. */
export type Messages = { readonly [K in MessageKey]?: Message };
