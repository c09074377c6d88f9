/**
 * The dev controls over the fault registry (`faults.ts`), for the demo's panel and tests that drive the
 * sandbox over HTTP:
 *
 *   GET    /__sandbox/faults                        → {faults: [...]}
 *   POST   /__sandbox/faults                        {path: "/v2/…" (a plain prefix)  |  endpoint: "order"|"items"|
 *                                                    "handling"|"location"|"replacement", order_id?;
 *                                                    method?, status?, delay_ms?, body? (raw string, may be
 *                                                    malformed JSON), headers? (e.g. {"Retry-After": "2"}),
 *                                                    count?} → 201 {id, …}
 *                                                    Applies to `/v2/…` requests only, never to `/__sandbox/`.
 *   DELETE /__sandbox/faults                        → {removed: n}
 *   DELETE /__sandbox/faults/{id}                   → {removed: 1} (404 when unknown)
 */
import { http, type HttpHandler } from 'msw';
import { invalid, notAllowed, notFound } from '../model/errors.js';
import type { Sandbox } from '../sandbox.js';
import { CONNECT_ENDPOINTS, type Fault } from './faults.js';
import { oneOf, optionalNumber, optionalObject, optionalString, pathId, readBody, type JsonObject } from './request.js';
import { jsonResponse, route, type Surface } from './responses.js';

/** Faults the dev control lets requests put in force at once. */
const MAX_FAULTS = 100;

export function faultControlHandlers(sandbox: Sandbox, at: (path: string) => string, surface: Surface): HttpHandler[] {
  return [
    http.get(
      at('/__sandbox/faults'),
      route(() => jsonResponse({ faults: sandbox.faults.list().map(faultJson) }), surface),
    ),

    http.post(
      at('/__sandbox/faults'),
      route(async (request) => {
        const body = await readBody(request, { required: true });
        // Every `/v2/…` request looks through the faults: requests may not pile up more (code may, for tests).
        if (sandbox.faults.list().length >= MAX_FAULTS) throw notAllowed(`At most ${MAX_FAULTS} faults are in force at once; remove some first`);
        const fault = sandbox.faults.add({
          path: optionalString(body, 'path'),
          endpoint: oneOf(body, 'endpoint', CONNECT_ENDPOINTS),
          orderId: optionalString(body, 'order_id'),
          method: optionalString(body, 'method'),
          status: optionalNumber(body, 'status'),
          delayMs: optionalNumber(body, 'delay_ms'),
          body: optionalString(body, 'body'),
          headers: stringRecord(body, 'headers'),
          count: optionalNumber(body, 'count'),
        });
        return jsonResponse(faultJson(fault), 201);
      }, surface),
    ),

    http.delete(
      at('/__sandbox/faults'),
      route(() => jsonResponse({ removed: sandbox.faults.clear() }), surface),
    ),

    http.delete(
      at('/__sandbox/faults/:faultId'),
      route((_request, params) => {
        const id = pathId(params.faultId);
        if (id === undefined || !sandbox.faults.remove(id)) throw notFound('faultId');
        return jsonResponse({ removed: 1 });
      }, surface),
    ),
  ];
}

function stringRecord(body: JsonObject, key: string): Record<string, string> | undefined {
  const value = optionalObject(body, key);
  if (value !== undefined && Object.values(value).some((field) => typeof field !== 'string')) {
    throw invalid(key, `${key} must be an object of strings`);
  }
  return value as Record<string, string> | undefined;
}

function faultJson(fault: Fault) {
  return {
    id: fault.id,
    ...(fault.path !== undefined ? { path: fault.path } : {}),
    ...(fault.endpoint !== undefined ? { endpoint: fault.endpoint } : {}),
    ...(fault.orderId !== undefined ? { order_id: fault.orderId } : {}),
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
