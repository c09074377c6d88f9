/**
 * The token endpoint and the post-checkout endpoints the widget reads (docs/connect-api.md §1, §4), as MSW
 * handlers over a Sandbox. Each post-checkout request is checked as Connect checks it (a user token, the
 * user's own order) before a fault aimed at its endpoint may stand in for the answer.
 */
import { http, type HttpHandler } from 'msw';
import { forbidden, invalid } from '../model/errors.js';
import type { OrderRecord } from '../model/records.js';
import type { Sandbox } from '../sandbox.js';
import { decodeAssertion } from './assertion.js';
import type { ConnectEndpoint } from './faults.js';
import { itemReference } from './item-reference.js';
import { bearerToken, oneOf, optionalString, readBody, requiredString } from './request.js';
import { faultResponse, jsonResponse, originOf, route, type Params } from './responses.js';
import { handlingJson, itemsJson, locationJson, orderJson } from './wire.js';

const GRANT_TYPES = ['fulfillment_user_assertion', 'client_credentials'] as const;

type Answer = (order: OrderRecord, request: Request, params: Params) => Response | Promise<Response>;

export function postCheckoutHandlers(sandbox: Sandbox, at: (path: string) => string, baseUrl?: string): HttpHandler[] {
  /** The user's order, then a fault pinned on the endpoint, else the emulator's own answer. */
  const endpoint = (name: ConnectEndpoint, answer: Answer) =>
    route(async (request, params) => {
      const userId = sandbox.tokens.requireUser(bearerToken(request));
      const order = sandbox.orderForUser(userId, params.orderId ?? '');
      const fault = sandbox.faults.takeForEndpoint(request.method, name, order.id);
      return (fault && (await faultResponse(fault, request))) ?? answer(order, request, params);
    });

  return [
    http.post(
      at('/v2/oauth/token'),
      route(async (request) => {
        const body = await readBody(request, { required: true });
        const grantType = oneOf(body, 'grant_type', GRANT_TYPES, true);
        const client = { clientId: requiredString(body, 'client_id'), clientSecret: requiredString(body, 'client_secret'), scope: optionalString(body, 'scope') };
        return jsonResponse(
          grantType === 'client_credentials'
            ? sandbox.issueToken({ grantType, ...client })
            : sandbox.issueToken({ grantType, ...client, userId: decodeAssertion(optionalString(body, 'assertion')) }),
        );
      }),
    ),
    http.get(
      at('/v2/post_checkout/orders/:orderId'),
      endpoint('order', (order) => jsonResponse(orderJson(order))),
    ),
    http.get(
      at('/v2/post_checkout/orders/:orderId/items'),
      endpoint('items', (order, request) => jsonResponse(itemsJson(order, originOf(request, baseUrl)))),
    ),
    http.get(
      at('/v2/post_checkout/orders/:orderId/handling'),
      endpoint('handling', (order) => jsonResponse(handlingJson(order))),
    ),
    http.get(
      at('/v2/post_checkout/orders/:orderId/location'),
      endpoint('location', (order) => {
        const whereabouts = sandbox.shopperWhereabouts(order);
        if (whereabouts.withheld) throw forbidden('Shopper PII');
        return jsonResponse(locationJson(whereabouts.coordinates));
      }),
    ),
    http.put(
      at('/v2/post_checkout/orders/:orderId/items/:itemId/replacement'),
      endpoint('replacement', async (order, request, params) => {
        const body = await readBody(request, { required: true });
        // Connect documents uppercase; a client that sends `approved` means the same.
        const status = requiredString(body, 'status').toUpperCase();
        if (status !== 'APPROVED' && status !== 'REJECTED') throw invalid('status', 'status must be APPROVED or REJECTED');
        sandbox.decideReplacement(order.userId, order.id, params.itemId ?? '', { status, alternativeItem: itemReference(body, 'alternative_item') });
        return jsonResponse({});
      }),
    ),
  ];
}
