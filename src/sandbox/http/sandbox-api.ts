/**
 * The Sandbox API (docs/connect-api.md §5) as MSW handlers over a Sandbox: shoppers, batches and their
 * advance, the shopper's item updates and the callbacks. Every route needs the retailer's client token with
 * the `connect:fulfillment` scope, and belongs to the control surface (`callers.ts`).
 */
import { http, type HttpHandler } from 'msw';
import { BATCH_TYPES } from '../model/batch-statuses.js';
import { invalid, notFound } from '../model/errors.js';
import { SHOPPER_ITEM_STATUSES } from '../model/items.js';
import { CALLBACK_EVENTS } from '../model/orders.js';
import type { Sandbox } from '../sandbox.js';
import type { ControlSurface } from './callers.js';
import { itemReference } from './item-reference.js';
import {
  bearerToken,
  isJsonObject,
  oneOf,
  optionalNumber,
  optionalString,
  pathId,
  readBody,
  requiredId,
  requiredString,
  type JsonObject,
} from './request.js';
import { jsonResponse, route, type Params } from './responses.js';

export function sandboxApiHandlers(sandbox: Sandbox, at: (path: string) => string, control: ControlSurface): HttpHandler[] {
  /**
   * Every Sandbox API route: the retailer's own callers only (it is the retailer's server, never a page, that
   * plays the shopper), the client token, then the JSON body (required unless `optionalBody`).
   */
  const sandboxRoute = (answer: (body: JsonObject, params: Params) => Response, optionalBody = false) =>
    route(async (request, params) => {
      sandbox.tokens.requireClient(bearerToken(request));
      return answer(await readBody(request, { required: !optionalBody }), params);
    }, control);

  return [
    http.post(
      at('/v2/fulfillment_sandbox/shoppers'),
      sandboxRoute((body) => {
        const shopper = sandbox.createShopper({
          email: requiredString(body, 'email'),
          phone: typeof body.phone === 'number' ? String(body.phone) : requiredString(body, 'phone'),
          password: optionalString(body, 'password'),
        });
        return jsonResponse({ id: shopper.id });
      }),
    ),
    http.post(
      at('/v2/fulfillment_sandbox/batches'),
      sandboxRoute((body) => {
        const batch = sandbox.createBatch({
          batchType: oneOf(body, 'batch_type', BATCH_TYPES, true),
          shopperId: requiredId(body, 'shopper_id'),
          workflowState: optionalString(body, 'workflow_state'),
          orders: orderReferences(body.orders),
        });
        return jsonResponse({ id: batch.id, workflow_state: batch.workflowState });
      }),
    ),
    http.post(
      at('/v2/fulfillment_sandbox/batches/:batchId/advance'),
      sandboxRoute((body, params) => {
        const batchId = pathId(params.batchId);
        if (batchId === undefined) throw notFound('batchId');
        const batch = sandbox.advanceBatch(batchId, optionalString(body, 'workflow_state'));
        return jsonResponse({ id: batch.id, workflow_state: batch.workflowState });
      }, true),
    ),
    http.put(
      at('/v2/fulfillment_sandbox/shoppers/:shopperId/orders/:orderId/items/:lineNum'),
      sandboxRoute((body, params) => {
        const shopperId = pathId(params.shopperId);
        if (shopperId === undefined) throw notFound('shopperId');
        sandbox.updateItem(shopperId, params.orderId ?? '', params.lineNum ?? '', {
          status: oneOf(body, 'status', SHOPPER_ITEM_STATUSES, true),
          deliveredCount: optionalNumber(body, 'delivered_count'),
          deliveredWeight: optionalNumber(body, 'delivered_weight'),
          replacementItem: itemReference(body, 'replacement_item'),
        });
        return jsonResponse({ success: true });
      }),
    ),
    http.post(
      at('/v2/fulfillment_sandbox/orders/:orderId/callbacks'),
      sandboxRoute((body, params) => {
        sandbox.callback(params.orderId ?? '', oneOf(body, 'event_name', CALLBACK_EVENTS, true));
        return jsonResponse({ success: true });
      }),
    ),
  ];
}

/** `[{"id": "…", "user_id"?: "…"}, …]`; whether the list is empty or the orders exist is the model's to say. */
function orderReferences(value: unknown): { id: string; userId?: string }[] {
  if (!Array.isArray(value)) throw invalid('orders', 'orders must list at least one order');
  return value.map((entry: unknown) => {
    if (!isJsonObject(entry)) throw invalid('orders', 'each order must be {"id": "…"}');
    if (typeof entry.id !== 'string' || !entry.id) throw invalid('orders', 'each order needs an "id"');
    const userId = entry.user_id;
    if (userId !== undefined && userId !== null && typeof userId !== 'string') throw invalid('orders', 'user_id must be a string');
    return { id: entry.id, ...(typeof userId === 'string' ? { userId } : {}) };
  });
}
