/**
 * Who may drive the emulator's control surface: the token endpoint, the Sandbox API and the `/__sandbox/`
 * dev controls. They mint tokens, create, change and reset orders, and need no token or only one they hand
 * out themselves, so a page of another site must not reach them (docs/sandbox.md, "Who may call it").
 *
 * A browser says where a request comes from in `Origin` (and `Sec-Fetch-Site`). A caller with no origin
 * (Node, curl, test runners), the page's own origin and the origins the emulator was told to allow get
 * through; anything else is refused with 403 before the route runs. Only allowed origins get CORS headers,
 * so a foreign page can neither pass a preflight nor read an answer. The dev controls also take a body only
 * as `Content-Type: application/json`: a page of another site cannot send that without a preflight.
 */
import { ErrorCode, WireRefusal } from './connect-errors.js';
import { errorResponse, withHeaders, type Surface } from './responses.js';

const ALLOWED_REQUEST_HEADERS = 'Authorization, Content-Type, Accept, Accept-Language';

/** One part of the control surface; `jsonBodies` for the dev controls. */
export class ControlSurface implements Surface {
  readonly #allowedOrigins: ReadonlySet<string>;
  readonly #jsonBodies: boolean;

  constructor(allowedOrigins: readonly string[] = [], options: { jsonBodies?: boolean } = {}) {
    this.#allowedOrigins = new Set(allowedOrigins);
    this.#jsonBodies = options.jsonBodies ?? false;
  }

  /** Why this caller is refused, or undefined when it may go on. */
  refusal = (request: Request): WireRefusal | undefined => {
    if (!this.#fromOwnCaller(request)) {
      return new WireRefusal(403, null, 'This emulator control answers only its own origin, allowed origins and non-browser clients', 'origin');
    }
    if (this.#jsonBodies && request.body !== null && !isJsonType(request.headers.get('Content-Type'))) {
      return new WireRefusal(415, ErrorCode.invalidParameter, 'The body must be sent as Content-Type: application/json', 'content_type');
    }
    return undefined;
  };

  /** CORS headers naming an allowed origin; none for anyone else (the same origin needs none). */
  cors = (request: Request): Readonly<Record<string, string>> => {
    const origin = request.headers.get('Origin');
    if (origin === null || !this.#allowedOrigins.has(origin)) return {};
    return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After, WWW-Authenticate', Vary: 'Origin' };
  };

  /** 204 for an allowed origin's preflight, else the 403 refusal (the browser then never sends the request). */
  preflight(request: Request): Response {
    const cors = this.cors(request);
    if (!cors['Access-Control-Allow-Origin']) {
      return errorResponse(new WireRefusal(403, null, 'Cross-origin requests to this emulator control are not allowed', 'origin'));
    }
    return withHeaders(new Response(null, { status: 204 }), {
      ...cors,
      'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',
      'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
      'Access-Control-Max-Age': '600',
    });
  }

  #fromOwnCaller(request: Request): boolean {
    const origin = request.headers.get('Origin');
    if (origin !== null) return this.#allowedOrigins.has(origin) || origin === new URL(request.url).origin;
    // No Origin: not a browser's CORS or POST request. A browser still names another site's no-cors loads.
    const site = request.headers.get('Sec-Fetch-Site');
    return site !== 'cross-site' && site !== 'same-site';
  }
}

/** `application/json` or a `+json` type, with any parameters. */
function isJsonType(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}
