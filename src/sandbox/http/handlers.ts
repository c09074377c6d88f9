/**
 * MSW v2 request handlers that make a `Sandbox` answer like an Instacart development server
 * (docs/connect-api.md): the same handlers serve MSW in browser tests, `msw/node` in Node tests and,
 * through `getResponse`, the real HTTP server in `node/server.ts`.
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
 * another user's order → 404/4000. Malformed JSON → 400/1001 `body`; a body over 1 MiB → 413. Unknown
 * `/v2/…` routes → 404/4000. Faults aimed at a path are answered before anything else, faults aimed at an
 * endpoint once the token and the order are checked (`faults.ts`).
 *
 * Two surfaces: the post-checkout endpoints answer any origin (`Access-Control-Allow-Origin: *`: they need
 * the customer's token, as a widget on a retailer's page does); the token endpoint, the Sandbox API and the
 * dev controls answer only non-browser clients, their own origin and `allowedOrigins` (`callers.ts`).
 *
 * Paths match on any origin unless `baseUrl` is given.
 */
import { http, type HttpHandler } from 'msw';
import { notFound } from '../model/errors.js';
import type { Sandbox } from '../sandbox.js';
import { ControlSurface } from './callers.js';
import { createDevControlHandlers } from './dev-controls.js';
import type { SandboxHandlerOptions } from './handler-options.js';
import { malformedPathHandler } from './path-encoding.js';
import { postCheckoutHandlers } from './post-checkout.js';
import { PUBLIC_SURFACE, errorResponse, faultResponse, pathBuilder, publicPreflight, route, withHeaders, type Surface } from './responses.js';
import { sandboxApiHandlers } from './sandbox-api.js';
import { tokenHandler } from './token-endpoint.js';

/** Everything: the emulated API plus (unless `devControls: false`) the `/__sandbox/` controls. */
export function createSandboxHandlers(sandbox: Sandbox, options: SandboxHandlerOptions = {}): HttpHandler[] {
  const api = createApiHandlers(sandbox, options);
  if (options.devControls === false) return api;
  return [...api, ...createDevControlHandlers(sandbox, options)];
}

/** The emulated Connect API only (post-checkout, Sandbox API, token), with fault injection and CORS. */
export function createApiHandlers(sandbox: Sandbox, options: SandboxHandlerOptions = {}): HttpHandler[] {
  const at = pathBuilder(options.baseUrl);
  const control = new ControlSurface(options.allowedOrigins);
  // A path names its surface; the routes check their own callers, this is for what answers before them.
  const surfaceOf = (request: Request): Surface => (isPostCheckout(request) ? PUBLIC_SURFACE : control);
  return [
    malformedPathHandler(options.baseUrl),
    http.options(at('/v2/*'), ({ request }) => (isPostCheckout(request) ? publicPreflight() : control.preflight(request))),
    // A fault aimed at a path answers first; one that only delays falls through to the real answer.
    http.all(at('/v2/*'), async ({ request }) => {
      const surface = surfaceOf(request);
      let response: Response | undefined;
      try {
        const refusal = surface.refusal?.(request);
        if (refusal) throw refusal;
        const fault = sandbox.faults.takeForPath(request.method, new URL(request.url).pathname);
        response = fault && (await faultResponse(fault, request));
      } catch (error) {
        response = errorResponse(error);
      }
      return response && withHeaders(response, surface.cors(request));
    }),
    tokenHandler(sandbox, at, control),
    ...postCheckoutHandlers(sandbox, at, options.publicUrl ?? options.baseUrl),
    ...sandboxApiHandlers(sandbox, at, control),
    http.all(
      at('/v2/*'),
      route(
        () => {
          throw notFound('path');
        },
        { cors: (request) => surfaceOf(request).cors(request) },
      ),
    ),
  ];
}

function isPostCheckout(request: Request): boolean {
  return new URL(request.url).pathname.includes('/v2/post_checkout/');
}
