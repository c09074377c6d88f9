/**
 * What Connect would tell the retailer's server about an update to an order (docs/connect-api.md §6): the
 * event callback's name and payload, `{event_id, event_name, event_timestamp, event_metadata: {order_id, …}}`.
 *
 * Decisions where the API docs are silent (docs/sandbox.md lists them):
 * - Every state change sends `fulfillment.<state>`, also for the states whose callback the documentation's
 *   table does not list (`verifying_replacements`, `bags_check`, …): that table is known to be partial.
 * - Item events follow the documented list: a replacement sends `fulfillment.order_item_replacement`, a
 *   refund `fulfillment.order_item_refund`; an item found (or put back) and the customer's own answer to a
 *   replacement send nothing, as Connect documents no callback for them.
 * - `event_id` is a number beyond 2^53, as in Instacart's example, counting up from that example.
 */
import type { OrderUpdate } from '../model/order-log.js';
import type { OrderRecord } from '../model/records.js';

/** One event callback, its body already written as Connect sends it. */
export interface EventCallbackPayload {
  eventId: string;
  eventName: string;
  orderId: string;
  /** The JSON body, with `event_id` as a bare number. */
  body: string;
}

const FIRST_EVENT_ID = 1201895966044343904n;

/** The callback Connect would send for `update`, or undefined when it sends none. */
export function callbackFor(order: OrderRecord, update: OrderUpdate, sequence: number, now: number): EventCallbackPayload | undefined {
  const metadata: Record<string, unknown> = { order_id: order.id, fulfillment_type: order.fulfillmentType };
  let name: string;
  switch (update.kind) {
    case 'created':
      name = 'brand_new';
      metadata.workflow_state = order.workflowState;
      break;
    case 'state':
      name = update.state;
      metadata.workflow_state = update.state;
      break;
    case 'late_delivery':
      name = 'late_delivery';
      break;
    case 'item':
      if (update.status !== 'replaced' && update.status !== 'to_refund') return undefined;
      name = update.status === 'replaced' ? 'order_item_replacement' : 'order_item_refund';
      metadata.order_item_id = update.itemId;
      metadata.line_num = update.lineNum;
      break;
    case 'replacement':
      return undefined;
  }
  const eventId = String(FIRST_EVENT_ID + BigInt(sequence));
  const eventName = `fulfillment.${name}`;
  const rest = JSON.stringify({ event_name: eventName, event_timestamp: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'), event_metadata: metadata });
  // JSON.stringify cannot write a number this large exactly: it is spliced in as its digits.
  return { eventId, eventName, orderId: order.id, body: `{"event_id":${eventId},${rest.slice(1)}` };
}
