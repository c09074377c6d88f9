/**
 * Development controls the real API lacks, under `/__sandbox/` (no token needed; JSON in, JSON out; errors
 * in Connect's shape). For the demo's control panel, `npm run sandbox` and retailers' own tests.
 *
 *   POST   /__sandbox/reset                         forget everything (orders, shoppers, tokens, faults)
 *   POST   /__sandbox/orders                        {fulfillment_type?: "delivery"|"pickup"|"last_mile_delivery",
 *                                                    user_id?, basket?: "small"|"large"|1–24,
 *                                                    redact_shopper_pii?, handling?: {…partial handling},
 *                                                    window_starts_at?: ISO, window_minutes?}
 *                                                   → 201 {order_id, user_id, fulfillment_type, workflow_state,
 *                                                    access_token (user token), token_type, expires_in,
 *                                                    client_token, order, item_count}
 *   GET    /__sandbox/orders                        → {orders: [{order_id, user_id, fulfillment_type, workflow_state}]}
 *   GET    /__sandbox/orders/{id}                   → full internal state: order, line_items, handling, batch(es),
 *                                                    shopper, staging, location, autoplay, events
 *   POST   /__sandbox/orders/{id}/token             → a fresh user token for the order's user
 *   POST   /__sandbox/orders/{id}/stage             last mile retailer staging: brand_new → staged_for_delivery
 *                                                    → waiting_for_delivery → {order_id, workflow_state}
 *   POST   /__sandbox/orders/{id}/state             {workflow_state} force any state (even unknown ones)
 *   POST   /__sandbox/orders/{id}/location          {latitude, longitude} pins the shopper (shown while delivering)
 *                                                    | {simulate: true, duration_ms?} restarts the simulated drive
 *                                                    → {order_id, workflow_state, location}
 *   POST   /__sandbox/orders/{id}/pii               {redacted: boolean} → the location answers 403 Shopper PII
 *   POST   /__sandbox/users/{user_id}/pii           {redacted: boolean} for every order of the user
 *   POST   /__sandbox/orders/{id}/autoplay          {step_ms? (default 2000), instant?: true, answer_wait_steps?,
 *                                                    delivering_steps?} walks the order to delivered; `instant`
 *                                                    runs every step now and returns them
 *                                                    → {order_id, running, workflow_state, step_ms, steps?}
 *   DELETE /__sandbox/orders/{id}/autoplay          → {order_id, stopped}
 *   POST   /__sandbox/tokens/expire                 {access_token} → {expired}: the next call with it gets 401
 *   GET    /__sandbox/faults                        → {faults: [...]}
 *   POST   /__sandbox/faults                        {path: "/v2/…" prefix or "^regex", method?, status?, delay_ms?,
 *                                                    body? (raw string, may be malformed JSON), headers?
 *                                                    (e.g. {"Retry-After": "2"}), count?} → 201 {id, …}
 *                                                    Matches `/v2/…` request paths; never `/__sandbox/`.
 *   DELETE /__sandbox/faults                        → {removed: n}
 *   DELETE /__sandbox/faults/{id}                   → {removed: 1} (404 when unknown)
 *   GET    /__sandbox/images/{slug}.svg             the product pictures item image_urls point at
 */
import { http, type HttpHandler } from 'msw';
import { type BasketSpec } from './baskets.js';
import { invalidParameter, notFound } from './errors.js';
import type { Fault } from './faults.js';
import {
  jsonResponse,
  optionalBoolean,
  optionalNumber,
  optionalObject,
  optionalString,
  originOf,
  pathBuilder,
  pathId,
  preflight,
  readBody,
  requiredString,
  route,
  withCors,
  type JsonObject,
  type SandboxHandlerOptions,
} from './http-utils.js';
import { productImageSvg } from './images.js';
import { inspectOrder } from './inspect.js';
import type { CreateOrderInput, Sandbox } from './model.js';
import { isFulfillmentType, orderJson } from './wire.js';

export function createDevControlHandlers(sandbox: Sandbox, options: SandboxHandlerOptions = {}): HttpHandler[] {
  const at = pathBuilder(options.baseUrl);
  const orderState = (orderId: string) => {
    const order = sandbox.getOrder(orderId);
    return { order_id: order.id, workflow_state: order.workflowState };
  };

  return [
    http.options(at('/__sandbox/*'), () => preflight()),

    http.post(
      at('/__sandbox/reset'),
      route(() => {
        sandbox.reset();
        return jsonResponse({ ok: true });
      }),
    ),

    http.get(
      at('/__sandbox/orders'),
      route(() =>
        jsonResponse({
          orders: sandbox.listOrders().map((order) => ({
            order_id: order.id,
            user_id: order.userId,
            fulfillment_type: order.fulfillmentType,
            workflow_state: order.workflowState,
          })),
        }),
      ),
    ),

    http.post(
      at('/__sandbox/orders'),
      route(async (request) => {
        const order = sandbox.createOrder(createOrderInput(await readBody(request)));
        const user = sandbox.userToken(order.userId);
        return jsonResponse(
          {
            order_id: order.id,
            user_id: order.userId,
            fulfillment_type: order.fulfillmentType,
            workflow_state: order.workflowState,
            access_token: user.access_token,
            token_type: user.token_type,
            expires_in: user.expires_in,
            client_token: sandbox.clientToken().access_token,
            order: orderJson(order),
            item_count: order.lineItems.length,
          },
          201,
        );
      }),
    ),

    http.get(
      at('/__sandbox/orders/:orderId'),
      route((request, params) => jsonResponse(inspectOrder(sandbox, params.orderId ?? '', originOf(request, options.baseUrl)))),
    ),

    http.post(
      at('/__sandbox/orders/:orderId/token'),
      route((_request, params) => jsonResponse(sandbox.userToken(sandbox.getOrder(params.orderId ?? '').userId))),
    ),

    http.post(
      at('/__sandbox/orders/:orderId/stage'),
      route((_request, params) => {
        sandbox.stageOrder(params.orderId ?? '');
        return jsonResponse(orderState(params.orderId ?? ''));
      }),
    ),

    http.post(
      at('/__sandbox/orders/:orderId/state'),
      route(async (request, params) => {
        const body = await readBody(request, { required: true });
        sandbox.forceState(params.orderId ?? '', requiredString(body, 'workflow_state'));
        return jsonResponse(orderState(params.orderId ?? ''));
      }),
    ),

    http.post(
      at('/__sandbox/orders/:orderId/location'),
      route(async (request, params) => {
        const orderId = params.orderId ?? '';
        const body = await readBody(request, { required: true });
        if (optionalBoolean(body, 'simulate')) {
          sandbox.simulateDrive(orderId, { durationMs: optionalNumber(body, 'duration_ms') });
        } else {
          const latitude = optionalNumber(body, 'latitude');
          const longitude = optionalNumber(body, 'longitude');
          if (latitude === undefined) throw invalidParameter('latitude', 'latitude and longitude, or simulate: true, are required');
          if (longitude === undefined) throw invalidParameter('longitude', 'latitude and longitude, or simulate: true, are required');
          sandbox.setShopperLocation(orderId, { latitude, longitude });
        }
        const order = sandbox.getOrder(orderId);
        return jsonResponse({ ...orderState(orderId), location: sandbox.shopperLocation(order, { ignoreRedaction: true }) });
      }),
    ),

    http.post(
      at('/__sandbox/orders/:orderId/pii'),
      route(async (request, params) => {
        const redacted = requiredBoolean(await readBody(request, { required: true }), 'redacted');
        sandbox.setShopperPiiRedacted({ orderId: params.orderId ?? '' }, redacted);
        return jsonResponse({ order_id: params.orderId, redact_shopper_pii: redacted });
      }),
    ),

    http.post(
      at('/__sandbox/users/:userId/pii'),
      route(async (request, params) => {
        const redacted = requiredBoolean(await readBody(request, { required: true }), 'redacted');
        sandbox.setShopperPiiRedacted({ userId: params.userId ?? '' }, redacted);
        return jsonResponse({ user_id: params.userId, redact_shopper_pii: redacted });
      }),
    ),

    http.post(
      at('/__sandbox/orders/:orderId/autoplay'),
      route(async (request, params) => {
        const orderId = params.orderId ?? '';
        sandbox.getOrder(orderId);
        const body = await readBody(request);
        const stepMs = optionalNumber(body, 'step_ms') ?? options.autoplayStepMs ?? 2000;
        if (stepMs < 0 || stepMs > 600_000) throw invalidParameter('step_ms', 'step_ms must be from 0 to 600000');
        const autoplayOptions = {
          stepMs,
          answerWaitSteps: nonNegativeInteger(body, 'answer_wait_steps'),
          deliveringSteps: nonNegativeInteger(body, 'delivering_steps'),
        };
        if (optionalBoolean(body, 'instant')) {
          const steps = sandbox.runAutoplay(orderId, autoplayOptions);
          return jsonResponse({ ...orderState(orderId), running: false, step_ms: stepMs, steps: steps.map((s) => s.action) });
        }
        sandbox.startAutoplay(orderId, autoplayOptions);
        return jsonResponse({ ...orderState(orderId), running: sandbox.autoplayStatus(orderId)?.running ?? false, step_ms: stepMs });
      }),
    ),

    http.delete(
      at('/__sandbox/orders/:orderId/autoplay'),
      route((_request, params) => {
        sandbox.getOrder(params.orderId ?? '');
        return jsonResponse({ order_id: params.orderId, stopped: sandbox.stopAutoplay(params.orderId ?? '') });
      }),
    ),

    http.post(
      at('/__sandbox/tokens/expire'),
      route(async (request) => {
        const body = await readBody(request, { required: true });
        return jsonResponse({ expired: sandbox.tokens.expire(requiredString(body, 'access_token')) });
      }),
    ),

    http.get(
      at('/__sandbox/faults'),
      route(() => jsonResponse({ faults: sandbox.faults.list().map(faultJson) })),
    ),

    http.post(
      at('/__sandbox/faults'),
      route(async (request) => {
        const body = await readBody(request, { required: true });
        const headers = optionalObject(body, 'headers');
        const fault = sandbox.faults.add({
          path: requiredString(body, 'path'),
          method: optionalString(body, 'method'),
          status: optionalNumber(body, 'status'),
          delayMs: optionalNumber(body, 'delay_ms'),
          body: optionalString(body, 'body'),
          headers: headers as Record<string, string> | undefined,
          count: optionalNumber(body, 'count'),
        });
        return jsonResponse(faultJson(fault), 201);
      }),
    ),

    http.delete(
      at('/__sandbox/faults'),
      route(() => jsonResponse({ removed: sandbox.faults.clear() })),
    ),

    http.delete(
      at('/__sandbox/faults/:faultId'),
      route((_request, params) => {
        const id = pathId(params.faultId);
        if (id === undefined || !sandbox.faults.remove(id)) throw notFound('fault_id');
        return jsonResponse({ removed: 1 });
      }),
    ),

    http.get(
      at('/__sandbox/images/:file'),
      route((_request, params) => {
        const match = /^([a-z0-9-]+)\.svg$/.exec(params.file ?? '');
        const svg = match ? productImageSvg(match[1] as string) : undefined;
        if (!svg) throw notFound('image');
        return withCors(
          new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'public, max-age=86400' } }),
        );
      }),
    ),

    http.all(
      at('/__sandbox/*'),
      route(() => {
        throw notFound('path');
      }),
    ),
  ];
}

function createOrderInput(body: JsonObject): CreateOrderInput {
  const fulfillmentType = optionalString(body, 'fulfillment_type');
  if (fulfillmentType !== undefined && !isFulfillmentType(fulfillmentType)) {
    throw invalidParameter('fulfillment_type', 'fulfillment_type must be delivery, pickup or last_mile_delivery');
  }
  const basket = body.basket;
  if (basket !== undefined && basket !== null && basket !== 'small' && basket !== 'large' && typeof basket !== 'number') {
    throw invalidParameter('basket', 'basket must be "small", "large" or a count from 1 to 24');
  }
  const windowStartsAt = optionalString(body, 'window_starts_at');
  const windowStart = windowStartsAt === undefined ? undefined : Date.parse(windowStartsAt);
  if (windowStart !== undefined && Number.isNaN(windowStart)) throw invalidParameter('window_starts_at', 'window_starts_at must be an ISO 8601 time');
  const windowMinutes = optionalNumber(body, 'window_minutes');
  if (windowMinutes !== undefined && !(windowMinutes > 0)) throw invalidParameter('window_minutes', 'window_minutes must be greater than 0');
  const handling = optionalObject(body, 'handling');
  if (handling) {
    const coordinates = handling.coordinates as JsonObject | undefined;
    if (coordinates !== undefined && (typeof coordinates?.latitude !== 'number' || typeof coordinates?.longitude !== 'number')) {
      throw invalidParameter('handling', 'handling.coordinates needs numeric latitude and longitude');
    }
  }
  return {
    ...(fulfillmentType ? { fulfillmentType } : {}),
    ...(optionalString(body, 'user_id') !== undefined ? { userId: optionalString(body, 'user_id') } : {}),
    ...(basket !== undefined && basket !== null ? { basket: basket as BasketSpec } : {}),
    ...(optionalBoolean(body, 'redact_shopper_pii') !== undefined ? { redactShopperPii: optionalBoolean(body, 'redact_shopper_pii') } : {}),
    ...(handling ? { handling: handling as CreateOrderInput['handling'] } : {}),
    ...(windowStart !== undefined ? { windowStartsAt: windowStart } : {}),
    ...(windowMinutes !== undefined ? { windowMinutes } : {}),
  };
}

function requiredBoolean(body: JsonObject, key: string): boolean {
  const value = optionalBoolean(body, key);
  if (value === undefined) throw invalidParameter(key, `${key} must be true or false`);
  return value;
}

function nonNegativeInteger(body: JsonObject, key: string): number | undefined {
  const value = optionalNumber(body, key);
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) throw invalidParameter(key, `${key} must be a whole number`);
  return value;
}

function faultJson(fault: Fault) {
  return {
    id: fault.id,
    path: fault.path,
    ...(fault.method !== undefined ? { method: fault.method } : {}),
    ...(fault.status !== undefined ? { status: fault.status } : {}),
    ...(fault.delayMs !== undefined ? { delay_ms: fault.delayMs } : {}),
    ...(fault.body !== undefined ? { body: fault.body } : {}),
    ...(fault.headers !== undefined ? { headers: fault.headers } : {}),
    ...(fault.count !== undefined ? { count: fault.count } : {}),
    remaining: fault.remaining,
    hits: fault.hits,
  };
}
