/**
 * The full internal state of an order, for `GET /__sandbox/orders/{id}` (the demo's control panel and
 * debugging): what the customer's endpoints answer plus what they never show — user, batches, shopper,
 * staging, redaction, the shopper's position, autoplay and a log of what happened. snake_case like the API.
 */
import { BATCH_STATUSES, LAST_MILE_STAGING, nextStatus } from '../model/batch-statuses.js';
import type { BatchRecord, ShopperRecord } from '../model/records.js';
import type { Sandbox } from '../sandbox.js';
import { handlingJson, isoSeconds, lineItemJson, orderJson } from './wire.js';

function batchJson(batch: BatchRecord) {
  return {
    id: batch.id,
    batch_type: batch.batchType,
    workflow_state: batch.workflowState,
    next_status: batch.canceled ? null : (nextStatus(batch.batchType, batch.workflowState) ?? null),
    statuses: BATCH_STATUSES[batch.batchType],
    shopper_id: batch.shopperId,
    order_ids: batch.orderIds,
    canceled: batch.canceled,
    created_at: isoSeconds(batch.createdAt),
  };
}

function shopperJson(shopper: ShopperRecord) {
  return { id: shopper.id, email: shopper.email, phone: shopper.phone, first_name: shopper.firstName };
}

/** Everything the sandbox knows about the order, in the API's snake_case. */
export function inspectOrder(sandbox: Sandbox, orderId: string, origin?: string) {
  const order = sandbox.getOrder(orderId);
  const batches = sandbox.batchesOf(orderId);
  const current = batches.at(-1);
  const shopper = current ? sandbox.getShopper(current.shopperId) : undefined;
  const autoplay = sandbox.autoplayStatus(orderId);
  return {
    order: orderJson(order),
    user_id: order.userId,
    line_items: order.lineItems.map((item) => ({
      ...lineItemJson(item, origin),
      ...(item.deliveredCount !== undefined ? { delivered_count: item.deliveredCount } : {}),
      ...(item.deliveredWeight !== undefined ? { delivered_weight: item.deliveredWeight } : {}),
      ...(item.alternativeItem ? { alternative_item: item.alternativeItem } : {}),
    })),
    handling: handlingJson(order),
    store: order.store,
    ...(order.fulfillmentType === 'last_mile_delivery' ? { staging: LAST_MILE_STAGING[order.stagingStep] } : {}),
    redact_shopper_pii: sandbox.isShopperPiiRedacted(order),
    late_delivery: order.lateDelivery,
    location: sandbox.shopperPosition(order),
    location_pinned: Boolean(order.location.pinned),
    batch: current ? batchJson(current) : null,
    batches: batches.map(batchJson),
    shopper: shopper ? shopperJson(shopper) : null,
    autoplay: autoplay
      ? {
          running: autoplay.running,
          step_ms: autoplay.stepMs,
          steps: autoplay.steps,
          last_action: autoplay.lastAction ?? null,
          error: autoplay.error ?? null,
        }
      : null,
    events: order.events.map((event) => ({ at: isoSeconds(event.at), type: event.type, detail: event.detail ?? null })),
  };
}
