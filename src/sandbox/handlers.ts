/**
 * MSW v2 request handlers that make a `Sandbox` answer like an Instacart development server
 * (shared/instacart-api.md): the same handlers serve MSW in browser tests, `msw/node` in Node tests and,
 * through `getResponse`, the real HTTP server in server.ts.
 *
 * API (raw snake_case JSON, Connect-shaped errors `{"error": {"message", "code"}, "meta": {"key"}}`):
 *
 *   POST /v2/oauth/token                                   JSON or form body; grant_type
 *                                                          fulfillment_user_assertion (assertion = base64
 *                                                          of {"user_id"}) → user token; client_credentials →
 *                                                          client token. client_id and client_secret required.
 *   GET  /v2/post_checkout/orders/{order_id}               user token
 *   GET  /v2/post_checkout/orders/{order_id}/items         user token ({"line_items": []} for last mile)
 *   GET  /v2/post_checkout/orders/{order_id}/handling      user token
 *   GET  /v2/post_checkout/orders/{order_id}/location      user token; {} outside delivering; 403 Shopper PII
 *   PUT  /v2/post_checkout/orders/{order_id}/items/{order_item_id}/replacement   user token
 *   POST /v2/fulfillment_sandbox/shoppers                  client token
 *   POST /v2/fulfillment_sandbox/batches                   client token
 *   POST /v2/fulfillment_sandbox/batches/{batch_id}/advance                       client token
 *   PUT  /v2/fulfillment_sandbox/shoppers/{shopper_id}/orders/{order_id}/items/{line_num}   client token
 *   POST /v2/fulfillment_sandbox/orders/{order_id}/callbacks                      client token
 *
 * Tokens: none or unknown/expired → 401; a client token on post-checkout → 400/4001 `User ID not found`;
 * a user token on the Sandbox API → 403 (a valid token of the wrong kind: refreshing it would not help);
 * another user's order → 404/4000. Malformed JSON → 400/1001 `body`. Unknown `/v2/…` routes → 404/4000.
 * Injected faults (see dev-controls.ts) are answered before anything else. Every response carries
 * `Access-Control-Allow-Origin: *` and OPTIONS preflights are answered.
 *
 * Paths match on any origin unless `baseUrl` is given.
 */
import { http, type HttpHandler } from 'msw';
import { invalidParameter, notFound } from './errors.js';
import { defaultFaultBody, faultAnswers } from './faults.js';
import {
  bearerToken,
  originOf,
  pathBuilder,
  route,
  type SandboxHandlerOptions,
  jsonResponse,
  optionalNumber,
  optionalObject,
  optionalString,
  pathId,
  preflight,
  readBody,
  requiredId,
  requiredString,
  sleep,
  withCors,
  type JsonObject,
  type Params,
} from './http-utils.js';
import type { ItemReference } from './records.js';
import type { Sandbox } from './model.js';
import { handlingJson, itemsJson, locationJson, orderJson } from './wire.js';
import { createDevControlHandlers } from './dev-controls.js';

export type { SandboxHandlerOptions } from './http-utils.js';

/** Everything: the API of instacart-api.md plus (unless `devControls: false`) the `/__sandbox/` controls. */
export function createSandboxHandlers(sandbox: Sandbox, options: SandboxHandlerOptions = {}): HttpHandler[] {
  return [...createApiHandlers(sandbox, options), ...(options.devControls === false ? [] : createDevControlHandlers(sandbox, options))];
}

/** The emulated Connect API only (post-checkout, Sandbox API, token), with fault injection and CORS. */
export function createApiHandlers(sandbox: Sandbox, options: SandboxHandlerOptions = {}): HttpHandler[] {
  const at = pathBuilder(options.baseUrl);
  const user = (request: Request) => sandbox.authorizeUser(bearerToken(request));
  const client = (request: Request) => sandbox.authorizeClient(bearerToken(request));
  const order = (request: Request, params: Params) => sandbox.orderForUser(user(request), params.orderId ?? '');

  return [
    http.options(at('/v2/*'), () => preflight()),

    // Injected faults come first; a delay-only fault falls through to the real answer.
    http.all(at('/v2/*'), async ({ request }) => {
      const fault = sandbox.faults.take(request.method, new URL(request.url).pathname);
      if (!fault) return undefined;
      if (fault.delayMs) await sleep(fault.delayMs);
      if (!faultAnswers(fault)) return undefined;
      const status = fault.status ?? 500;
      const headers = new Headers(fault.headers);
      const nullBody = status === 204 || status === 205 || status === 304;
      let body: string | null = fault.body ?? null;
      if (body === null && !nullBody) {
        body = JSON.stringify(defaultFaultBody(status));
        if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json; charset=utf-8');
      }
      return withCors(new Response(nullBody ? null : body, { status, headers }));
    }),

    http.post(
      at('/v2/oauth/token'),
      route(async (request) => {
        const body = await readBody(request, { required: true });
        return jsonResponse(
          sandbox.issueToken({
            grantType: requiredString(body, 'grant_type'),
            clientId: optionalString(body, 'client_id'),
            clientSecret: optionalString(body, 'client_secret'),
            scope: optionalString(body, 'scope'),
            assertion: optionalString(body, 'assertion'),
          }),
        );
      }),
    ),

    // ── Post-checkout (user token) ──
    http.get(
      at('/v2/post_checkout/orders/:orderId'),
      route((request, params) => jsonResponse(orderJson(order(request, params)))),
    ),
    http.get(
      at('/v2/post_checkout/orders/:orderId/items'),
      route((request, params) => jsonResponse(itemsJson(order(request, params), originOf(request, options.baseUrl)))),
    ),
    http.get(
      at('/v2/post_checkout/orders/:orderId/handling'),
      route((request, params) => jsonResponse(handlingJson(order(request, params)))),
    ),
    http.get(
      at('/v2/post_checkout/orders/:orderId/location'),
      route((request, params) => jsonResponse(locationJson(sandbox.shopperLocation(order(request, params))))),
    ),
    http.put(
      at('/v2/post_checkout/orders/:orderId/items/:itemId/replacement'),
      route(async (request, params) => {
        const userId = user(request);
        const body = await readBody(request, { required: true });
        sandbox.decideReplacement(userId, params.orderId ?? '', params.itemId ?? '', {
          status: requiredString(body, 'status'),
          alternativeItem: itemReference(body, 'alternative_item'),
        });
        return jsonResponse({});
      }),
    ),

    // ── Sandbox API (client token) ──
    http.post(
      at('/v2/fulfillment_sandbox/shoppers'),
      route(async (request) => {
        client(request);
        const body = await readBody(request, { required: true });
        const phone = body.phone;
        const shopper = sandbox.createShopper({
          email: requiredString(body, 'email'),
          phone: typeof phone === 'number' ? String(phone) : requiredString(body, 'phone'),
          password: optionalString(body, 'password'),
        });
        return jsonResponse({ id: shopper.id });
      }),
    ),
    http.post(
      at('/v2/fulfillment_sandbox/batches'),
      route(async (request) => {
        client(request);
        const body = await readBody(request, { required: true });
        const orders = body.orders;
        if (!Array.isArray(orders) || orders.length === 0) throw invalidParameter('orders', 'orders must list at least one order');
        const batch = sandbox.createBatch({
          batchType: requiredString(body, 'batch_type'),
          shopperId: requiredId(body, 'shopper_id'),
          workflowState: optionalString(body, 'workflow_state'),
          orders: orders.map((entry: unknown) => {
            if (typeof entry !== 'object' || entry === null) throw invalidParameter('orders', 'each order must be {"id": "…"}');
            const ref = entry as JsonObject;
            if (typeof ref.id !== 'string' || !ref.id) throw invalidParameter('orders', 'each order needs an "id"');
            const userId = ref.user_id;
            if (userId !== undefined && userId !== null && typeof userId !== 'string') throw invalidParameter('orders', 'user_id must be a string');
            return { id: ref.id, ...(typeof userId === 'string' ? { userId } : {}) };
          }),
        });
        return jsonResponse({ id: batch.id, workflow_state: batch.workflowState });
      }),
    ),
    http.post(
      at('/v2/fulfillment_sandbox/batches/:batchId/advance'),
      route(async (request, params) => {
        client(request);
        const body = await readBody(request);
        const batchId = pathId(params.batchId);
        if (batchId === undefined) throw notFound('batch_id');
        const batch = sandbox.advanceBatch(batchId, optionalString(body, 'workflow_state'));
        return jsonResponse({ id: batch.id, workflow_state: batch.workflowState });
      }),
    ),
    http.put(
      at('/v2/fulfillment_sandbox/shoppers/:shopperId/orders/:orderId/items/:lineNum'),
      route(async (request, params) => {
        client(request);
        const shopperId = pathId(params.shopperId);
        if (shopperId === undefined) throw notFound('shopper_id');
        const body = await readBody(request, { required: true });
        sandbox.updateItem(shopperId, params.orderId ?? '', params.lineNum ?? '', {
          status: requiredString(body, 'status'),
          deliveredCount: optionalNumber(body, 'delivered_count'),
          deliveredWeight: optionalNumber(body, 'delivered_weight'),
          replacementItem: itemReference(body, 'replacement_item'),
        });
        return jsonResponse({ success: true });
      }),
    ),
    http.post(
      at('/v2/fulfillment_sandbox/orders/:orderId/callbacks'),
      route(async (request, params) => {
        client(request);
        const body = await readBody(request, { required: true });
        sandbox.callback(params.orderId ?? '', requiredString(body, 'event_name'));
        return jsonResponse({ success: true });
      }),
    ),

    http.all(
      at('/v2/*'),
      route(() => {
        throw notFound('path');
      }),
    ),
  ];
}

/** `{"upc"|"rrc", "count"|"weight"}` as sent; the model checks which combination is allowed. */
function itemReference(body: JsonObject, key: string): ItemReference | undefined {
  const value = optionalObject(body, key);
  if (!value) return undefined;
  const reference: ItemReference = {};
  for (const field of ['upc', 'rrc'] as const) {
    const code = value[field];
    if (code === undefined) continue;
    if (typeof code !== 'string' && typeof code !== 'number') throw invalidParameter(key, `${key}.${field} must be a string`);
    reference[field] = String(code);
  }
  for (const field of ['count', 'weight'] as const) {
    const amount = value[field];
    if (amount === undefined) continue;
    if (typeof amount !== 'number') throw invalidParameter(key, `${key}.${field} must be a number`);
    reference[field] = amount;
  }
  return reference;
}
