/**
 * The kit authenticates by the page's session cookie, so a page of another site must not be able to use it
 * (cross-site request forgery). Browsers say where a request comes from in `Origin` and `Sec-Fetch-Site`:
 * anything from another origin is refused unless that origin is on the retailer's allow-list, and the one
 * state change, the replacement decision (a PUT), must prove it comes from the page's own origin. Its
 * required `Content-Type: application/json` (checked elsewhere) makes every cross-origin attempt preflight.
 * Allow-listed origins get CORS headers (with credentials), since without them they could read nothing.
 *
 * "Own origin" compares hosts (name and port), not schemes: behind a TLS-terminating proxy the server sees
 * `http://` while the page is `https://` on the same host.
 */
import { PRIVATE_RESPONSE_HEADERS, ProxyError } from './proxy-error.js';

/** Request headers a CORS preflight from an allow-listed origin may ask for. */
const ALLOWED_REQUEST_HEADERS = 'Accept, Accept-Language, Content-Type';

/** The refusal of a request from another site, or undefined when it may go on. */
export function crossSiteRefusal(request: Request, allowedOrigins: ReadonlySet<string>): ProxyError | undefined {
  const origin = request.headers.get('Origin');
  if (origin !== null && allowedOrigins.has(origin)) return undefined;
  const site = request.headers.get('Sec-Fetch-Site');
  const ownOrigin = origin !== null && sameHost(origin, request.url);
  if (origin !== null && !ownOrigin) return refusal();
  if (site === 'cross-site' || site === 'same-site') return refusal();
  // A state change needs positive proof: the page's own Origin, or a browser saying "same-origin".
  if (request.method === 'PUT' && !ownOrigin && site !== 'same-origin') return refusal();
  return undefined;
}

/** CORS headers for a response to an allow-listed origin (none for anyone else). */
export function corsHeaders(request: Request, allowedOrigins: ReadonlySet<string>): Record<string, string> {
  const origin = request.headers.get('Origin');
  if (origin === null || !allowedOrigins.has(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': 'Retry-After',
    Vary: 'Origin',
  };
}

/**
 * The answer to a CORS preflight: 204 for an allow-listed origin asking for `method` (which the path
 * takes), otherwise a refusal. Same-origin pages never preflight, so nobody else needs an OPTIONS.
 */
export function preflightResponse(request: Request, allowedOrigins: ReadonlySet<string>, method: string): Response | ProxyError {
  const cors = corsHeaders(request, allowedOrigins);
  if (!cors['Access-Control-Allow-Origin']) return refusal();
  return new Response(null, {
    status: 204,
    headers: {
      ...PRIVATE_RESPONSE_HEADERS,
      ...cors,
      'Access-Control-Allow-Methods': method,
      'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
      'Access-Control-Max-Age': '600',
    },
  });
}

function sameHost(origin: string, requestUrl: string): boolean {
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false; // `null` (sandboxed frames, file: pages) and anything unparsable are not the page's origin
  }
}

function refusal(): ProxyError {
  return new ProxyError({ status: 403, code: null, message: 'Cross-site request refused', key: 'origin' });
}
