/**
 * Development controls the real API lacks, under `/__sandbox/` (no token needed; JSON in, JSON out; errors
 * in Connect's shape). For the demo's control panel, `npm run sandbox` and retailers' own tests. They answer
 * only non-browser clients, their own origin and `allowedOrigins`, and take bodies only as
 * `Content-Type: application/json` (`callers.ts`); the pictures alone are open to any page.
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
 *   GET|POST|DELETE /__sandbox/faults[/{id}]     injected faults, see fault-controls.ts
 *   GET|POST /__sandbox/callbacks, DELETE …/faults   event callbacks sent, and their faults: callback-controls.ts
 *   GET    /__sandbox/images/{slug}.svg             the product pictures item image_urls point at
 */
import { http, type HttpHandler } from 'msw';
import { invalid, notFound } from '../model/errors.js';
import type { Sandbox } from '../sandbox.js';
import { callbackControlHandlers } from './callback-controls.js';
import { faultControlHandlers } from './fault-controls.js';
import type { SandboxHandlerOptions } from './handler-options.js';
import { productImageHandler } from './images.js';
import { inspectOrder } from './inspect.js';
import { createOrderInput } from './order-input.js';
import { optionalBoolean, optionalNumber, readBody, requiredString, type JsonObject } from './request.js';
import { ControlSurface } from './callers.js';
import { jsonResponse, originOf, pathBuilder, route, type Params } from './responses.js';
import { malformedPathHandler } from './path-encoding.js';
import { orderJson } from './wire.js';

/** Autoplay waits at most this many steps for an answer or while delivering, so every run ends. */
const MAX_WAIT_STEPS = 100;

export function createDevControlHandlers(sandbox: Sandbox, options: SandboxHandlerOptions = {}): HttpHandler[] {
  const at = pathBuilder(options.baseUrl);
  const controls = new ControlSurface(options.allowedOrigins, { jsonBodies: true });
  const control = (handler: (request: Request, params: Params) => Response | Promise<Response>) => route(handler, controls);
  const orderState = (orderId: string) => {
    const order = sandbox.getOrder(orderId);
    return { order_id: order.id, workflow_state: order.workflowState };
  };
  /** `{redacted}` for one order, or for every order of a user. */
  const redaction = (key: 'orderId' | 'userId') =>
    control(async (request, params) => {
      const redacted = requiredBoolean(await readBody(request, { required: true }), 'redacted');
      const id = params[key] ?? '';
      sandbox.setShopperPiiRedacted(key === 'orderId' ? { orderId: id } : { userId: id }, redacted);
      return jsonResponse({ [key === 'orderId' ? 'order_id' : 'user_id']: id, redact_shopper_pii: redacted });
    });

  return [
    malformedPathHandler(options.baseUrl),
    productImageHandler(at),
    http.options(at('/__sandbox/*'), ({ request }) => controls.preflight(request)),

    http.post(
      at('/__sandbox/reset'),
      control(() => {
        sandbox.reset();
        return jsonResponse({ ok: true });
      }),
    ),

    http.get(
      at('/__sandbox/orders'),
      control(() =>
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
      control(async (request) => {
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
      control((request, params) => jsonResponse(inspectOrder(sandbox, params.orderId ?? '', originOf(request, options.publicUrl ?? options.baseUrl)))),
    ),

    http.post(
      at('/__sandbox/orders/:orderId/token'),
      control((_request, params) => jsonResponse(sandbox.userToken(sandbox.getOrder(params.orderId ?? '').userId))),
    ),

    http.post(
      at('/__sandbox/orders/:orderId/stage'),
      control((_request, params) => {
        sandbox.stageOrder(params.orderId ?? '');
        return jsonResponse(orderState(params.orderId ?? ''));
      }),
    ),

    http.post(
      at('/__sandbox/orders/:orderId/state'),
      control(async (request, params) => {
        const body = await readBody(request, { required: true });
        sandbox.forceState(params.orderId ?? '', requiredString(body, 'workflow_state'));
        return jsonResponse(orderState(params.orderId ?? ''));
      }),
    ),

    http.post(
      at('/__sandbox/orders/:orderId/location'),
      control(async (request, params) => {
        const orderId = params.orderId ?? '';
        const body = await readBody(request, { required: true });
        if (optionalBoolean(body, 'simulate')) {
          sandbox.simulateDrive(orderId, { durationMs: optionalNumber(body, 'duration_ms') });
        } else {
          const latitude = optionalNumber(body, 'latitude');
          const longitude = optionalNumber(body, 'longitude');
          if (latitude === undefined) throw invalid('latitude', 'latitude and longitude, or simulate: true, are required');
          if (longitude === undefined) throw invalid('longitude', 'latitude and longitude, or simulate: true, are required');
          sandbox.setShopperLocation(orderId, { latitude, longitude });
        }
        return jsonResponse({ ...orderState(orderId), location: sandbox.shopperPosition(sandbox.getOrder(orderId)) });
      }),
    ),

    http.post(at('/__sandbox/orders/:orderId/pii'), redaction('orderId')),
    http.post(at('/__sandbox/users/:userId/pii'), redaction('userId')),

    http.post(
      at('/__sandbox/orders/:orderId/autoplay'),
      control(async (request, params) => {
        const orderId = params.orderId ?? '';
        sandbox.getOrder(orderId);
        const body = await readBody(request);
        const stepMs = optionalNumber(body, 'step_ms') ?? options.autoplayStepMs ?? 2000;
        if (stepMs < 0 || stepMs > 600_000) throw invalid('step_ms', 'step_ms must be from 0 to 600000');
        const autoplayOptions = {
          stepMs,
          answerWaitSteps: waitSteps(body, 'answer_wait_steps'),
          deliveringSteps: waitSteps(body, 'delivering_steps'),
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
      control((_request, params) => {
        sandbox.getOrder(params.orderId ?? '');
        return jsonResponse({ order_id: params.orderId, stopped: sandbox.stopAutoplay(params.orderId ?? '') });
      }),
    ),

    http.post(
      at('/__sandbox/tokens/expire'),
      control(async (request) => {
        const body = await readBody(request, { required: true });
        return jsonResponse({ expired: sandbox.tokens.expire(requiredString(body, 'access_token')) });
      }),
    ),

    ...faultControlHandlers(sandbox, at, controls),
    ...callbackControlHandlers(sandbox, at, controls),

    http.all(
      at('/__sandbox/*'),
      control(() => {
        throw notFound('path');
      }),
    ),
  ];
}

function requiredBoolean(body: JsonObject, key: string): boolean {
  const value = optionalBoolean(body, key);
  if (value === undefined) throw invalid(key, `${key} must be true or false`);
  return value;
}

function waitSteps(body: JsonObject, key: string): number | undefined {
  const value = optionalNumber(body, key);
  if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= MAX_WAIT_STEPS)) {
    throw invalid(key, `${key} must be a whole number from 0 to ${MAX_WAIT_STEPS}`);
  }
  return value;
}
