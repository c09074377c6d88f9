/**
 * How every sandbox handler answers: JSON bodies, Connect-shaped errors, injected faults, and the route
 * wrapper that ties them together with the CORS headers of the route's surface. The post-checkout surface
 * is open to any page (it needs the customer's token, docs/connect-api.md §1); the control surface (token
 * endpoint, Sandbox API, dev controls) answers only its own callers (`callers.ts`).
 * Fetch API only (Request/Response/Headers), so it runs in the browser and in Node.
 */
import { readBodyText } from './body-limit.js';
import { connectErrorOf, defaultErrorBody, type WireRefusal } from './connect-errors.js';
import { faultAnswers, type Fault, type FaultAnswer } from './faults.js';

/** The CORS headers a response to this request gets. */
export type CorsPolicy = (request: Request) => Readonly<Record<string, string>>;

/**
 * Where a route belongs: the CORS headers its answers get and, for the control surface, the check that
 * refuses a caller before the route runs.
 */
export interface Surface {
  cors: CorsPolicy;
  refusal?: (request: Request) => WireRefusal | undefined;
}

const PUBLIC_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, PUT, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Accept-Language',
  'Access-Control-Expose-Headers': 'Retry-After, WWW-Authenticate',
  'Access-Control-Max-Age': '600',
};

/**
 * The post-checkout endpoints and the product pictures: any origin. A page of any site may read them, as a
 * widget on a retailer's page must; every answer but a picture needs the customer's token, sent in a header
 * (so a cross-site call always preflights) and never by cookie.
 */
export const PUBLIC_SURFACE: Surface = { cors: () => PUBLIC_CORS_HEADERS };

const JSON_TYPE = 'application/json; charset=utf-8';

/** Sets `headers` on a response (Responses the handlers build are mutable). */
export function withHeaders(response: Response, headers: Readonly<Record<string, string>>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The answer to a preflight of the public surface. */
export function publicPreflight(): Response {
  return withHeaders(new Response(null, { status: 204 }), PUBLIC_CORS_HEADERS);
}

/** JSON, never sniffed as anything else (a page of another site cannot load it as a script). */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': JSON_TYPE, 'X-Content-Type-Options': 'nosniff', ...headers },
  });
}

/** Whatever was thrown, as Connect answers it. */
export function errorResponse(error: unknown): Response {
  const answer = connectErrorOf(error);
  return jsonResponse(answer.body, answer.status, answer.headers);
}

/**
 * The response a fault stands for, or undefined when it only delays the real one (after the delay). An
 * `answer` function is asked now, with the request's JSON body.
 */
export async function faultResponse(fault: Fault, request: Request): Promise<Response | undefined> {
  if (fault.delayMs) await sleep(fault.delayMs);
  if (!faultAnswers(fault)) return undefined;
  const answer: FaultAnswer = fault.answer
    ? await fault.answer({ method: request.method, pathname: new URL(request.url).pathname, body: await jsonBodyOf(request) })
    : fault;
  const status = answer.status ?? (answer.json !== undefined ? 200 : 500);
  const headers = new Headers(answer.headers);
  if (status === 204 || status === 205 || status === 304) return new Response(null, { status, headers });
  let body = answer.body;
  if (body === undefined) {
    body = JSON.stringify(answer.json !== undefined ? answer.json : defaultErrorBody(status));
    if (!headers.has('Content-Type')) headers.set('Content-Type', JSON_TYPE);
  }
  return new Response(body, { status, headers });
}

export type Params = Record<string, string | undefined>;
type Route = (request: Request, params: Params) => Promise<Response> | Response;

/**
 * Runs a route of `surface`: refuses the caller first if the surface says so, answers anything thrown in
 * Connect's shape, and adds the surface's CORS headers.
 */
export function route(handler: Route, surface: Surface = PUBLIC_SURFACE) {
  return async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
    let response: Response;
    try {
      const refusal = surface.refusal?.(request);
      if (refusal) throw refusal;
      response = await handler(request, params as Params);
    } catch (error) {
      response = errorResponse(error);
    }
    return withHeaders(response, surface.cors(request));
  };
}

/** Builds handler paths for `baseUrl`, or for any origin. */
export function pathBuilder(baseUrl?: string): (path: string) => string {
  const prefix = baseUrl ? baseUrl.replace(/\/+$/, '') : '*';
  return (path) => prefix + path;
}

/**
 * What the sandbox's own paths (images) are made absolute against: the configured public URL or base, else
 * the request's origin (under MSW, the URL the client asked for; the Node server always configures one, so
 * a `Host` header never chooses it).
 */
export function originOf(request: Request, base?: string): string {
  return base ? base.replace(/\/+$/, '') : new URL(request.url).origin;
}

/** The request's JSON body for an `answer` function, read within the body limit; undefined if none. */
async function jsonBodyOf(request: Request): Promise<unknown> {
  try {
    return JSON.parse(await readBodyText(request.clone()));
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
