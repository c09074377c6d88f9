/**
 * The post-checkout endpoints the widget reads (docs/connect-api.md §1), as MSW handlers over a Sandbox.
 * Each request is checked as Connect checks it (a user token, the user's own order) before a fault aimed at
 * its endpoint may stand in for the answer. Open to pages of any origin (`responses.ts`).
 */
import { http, type HttpHandler } from 'msw';
import { SandboxError, forbidden, invalid, several } from '../model/errors.js';
import type { OrderRecord, ShopperRecord } from '../model/records.js';
import type { ReplacementDecisionInput } from '../model/items.js';
import type { Sandbox } from '../sandbox.js';
import type { ConnectEndpoint } from './faults.js';
import { itemReference } from './item-reference.js';
import { bearerToken, readBody, type JsonObject } from './request.js';
import { faultResponse, jsonResponse, originOf, route, type Params } from './responses.js';
import { handlingJson, itemsJson, locationJson, orderJson } from './wire.js';

type Answer = (order: OrderRecord, request: Request, params: Params) => Response | Promise<Response>;

export function postCheckoutHandlers(sandbox: Sandbox, at: (path: string) => string, publicUrl?: string): HttpHandler[] {
  /** The user's order, then a fault pinned on the endpoint, else the emulator's own answer. */
  const endpoint = (name: ConnectEndpoint, answer: Answer) =>
    route(async (request, params) => {
      const userId = sandbox.tokens.requireUser(bearerToken(request));
      const order = sandbox.orderForUser(userId, params.orderId ?? '');
      const fault = sandbox.faults.takeForEndpoint(request.method, name, order.id);
      return (fault && (await faultResponse(fault, request))) ?? answer(order, request, params);
    });

  return [
    http.get(
      at('/v2/post_checkout/orders/:orderId'),
      endpoint('order', (order) => jsonResponse(orderJson(order))),
    ),
    http.get(
      at('/v2/post_checkout/orders/:orderId/items'),
      endpoint('items', (order, request) => jsonResponse(itemsJson(order, originOf(request, publicUrl)))),
    ),
    http.get(
      at('/v2/post_checkout/orders/:orderId/handling'),
      // Connect leaves `shopper` out when the retailer removes shopper information (docs/connect-api.md §1.4).
      endpoint('handling', (order) => {
        const shopper = sandbox.isShopperPiiRedacted(order) ? undefined : currentShopper(sandbox, order);
        return jsonResponse(handlingJson(order, shopper));
      }),
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
        const decision = replacementDecision(await readBody(request, { required: true }));
        sandbox.decideReplacement(order.userId, order.id, params.itemId ?? '', decision);
        return jsonResponse({});
      }),
    ),
  ];
}

/**
 * The customer's answer as Connect reads it (docs/connect-api.md §1.3): `status` exactly `APPROVED` or
 * `REJECTED`. A missing status breaks two rules at once (it is blank, and it is not one of the two), so
 * the answer lists both under code 9999, with any broken rule of `alternative_item`'s form.
 */
function replacementDecision(body: JsonObject): ReplacementDecisionInput {
  const errors: SandboxError[] = [];
  const status = body.status;
  if (status === undefined || status === null || status === '') errors.push(invalid('status', "can't be blank"));
  if (status !== 'APPROVED' && status !== 'REJECTED') errors.push(invalid('status', 'status must be one of APPROVED, REJECTED'));
  let alternativeItem: ReplacementDecisionInput['alternativeItem'];
  try {
    alternativeItem = itemReference(body, 'alternative_item');
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error;
    errors.push(error);
  }
  if (errors.length > 0) throw several(errors);
  return { status: status as ReplacementDecisionInput['status'], ...(alternativeItem ? { alternativeItem } : {}) };
}

/** Who is fulfilling the order: the shopper of its latest batch still running, if any. */
function currentShopper(sandbox: Sandbox, order: OrderRecord): ShopperRecord | undefined {
  const batch = sandbox.batchesOf(order.id).filter((candidate) => !candidate.canceled).at(-1);
  return batch && sandbox.getShopper(batch.shopperId);
}
