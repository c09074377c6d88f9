/**
 * A path whose percent-encoding does not decode (`/v2/post_checkout/orders/%E0%A4%A`) names nothing the
 * emulator has. MSW decodes path parameters while it matches a route and throws on such a path, which
 * would surface as a 500; this handler, placed before every route, answers it 400 in Connect's shape first.
 * Its pattern is a regular expression without groups, the one kind MSW matches without decoding.
 */
import { http, type HttpHandler } from 'msw';
import { ErrorCode, WireRefusal } from './connect-errors.js';
import { errorResponse } from './responses.js';

const EMULATOR_PATHS = /\/(?:v2|__sandbox)\//;

/** The guard for the emulator's paths on `baseUrl` (any origin when absent). */
export function malformedPathHandler(baseUrl?: string): HttpHandler {
  return http.all(EMULATOR_PATHS, ({ request }) => {
    if (baseUrl && !request.url.startsWith(baseUrl.replace(/\/+$/, '') + '/')) return undefined;
    try {
      decodeURIComponent(new URL(request.url).pathname);
      return undefined;
    } catch {
      return errorResponse(new WireRefusal(400, ErrorCode.invalidParameter, 'The path is not validly percent-encoded', 'path'));
    }
  });
}
