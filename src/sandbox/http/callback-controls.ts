/**
 * The dev controls over the emulator's event callbacks (`callbacks/callback-sender.ts`), for the demo and
 * tests that drive the sandbox over HTTP:
 *
 *   GET    /__sandbox/callbacks                     → {url, faults: {drop, duplicate, reorder, delay_ms},
 *                                                    deliveries: [{event_id, event_name, order_id, outcome,
 *                                                    status, at}]}  (the token is never shown)
 *   POST   /__sandbox/callbacks                     {url?, token?: where to send and with which bearer token
 *                                                    (`url: null` stops sending); drop?, duplicate?, reorder?:
 *                                                    counts of the next callbacks to misbehave; delay_ms?}
 *                                                    → the same view
 *   DELETE /__sandbox/callbacks/faults              → the same view, with no faults
 *
 * Over HTTP the URL must be on this machine (localhost, 127.x, [::1]), so nobody who can reach the emulator
 * can make it post elsewhere; code can configure any URL.
 */
import { http, type HttpHandler } from 'msw';
import { invalid } from '../model/errors.js';
import type { Sandbox } from '../sandbox.js';
import { optionalNumber, optionalString, readBody } from './request.js';
import { jsonResponse, route, type Surface } from './responses.js';

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

export function callbackControlHandlers(sandbox: Sandbox, at: (path: string) => string, surface: Surface): HttpHandler[] {
  const view = () =>
    jsonResponse({
      url: sandbox.callbacks.url,
      faults: (({ delayMs, ...counts }) => ({ ...counts, delay_ms: delayMs }))(sandbox.callbacks.faults),
      deliveries: sandbox.callbacks.deliveries().map((delivery) => ({
        event_id: delivery.eventId,
        event_name: delivery.eventName,
        order_id: delivery.orderId,
        outcome: delivery.outcome,
        status: delivery.status ?? null,
        at: new Date(delivery.at).toISOString(),
      })),
    });

  return [
    http.get(at('/__sandbox/callbacks'), route(view, surface)),

    http.post(
      at('/__sandbox/callbacks'),
      route(async (request) => {
        const body = await readBody(request, { required: true });
        if (body.url === null) sandbox.callbacks.configure(null);
        else if (body.url !== undefined || body.token !== undefined) {
          const url = optionalString(body, 'url') ?? '';
          if (!LOOPBACK_HOST.test(hostOf(url))) throw invalid('url', 'url must be an http(s) URL on this machine');
          sandbox.callbacks.configure({ url, token: optionalString(body, 'token') ?? '' });
        }
        sandbox.callbacks.injectFaults({
          drop: optionalNumber(body, 'drop'),
          duplicate: optionalNumber(body, 'duplicate'),
          reorder: optionalNumber(body, 'reorder'),
          delayMs: optionalNumber(body, 'delay_ms'),
        });
        return view();
      }, surface),
    ),

    http.delete(
      at('/__sandbox/callbacks/faults'),
      route(() => {
        sandbox.callbacks.clearFaults();
        return view();
      }, surface),
    ),
  ];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
