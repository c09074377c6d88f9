/**
 * How every sandbox handler answers: CORS headers on everything (pages on other ports read the sandbox),
 * JSON bodies, Connect-shaped errors, injected faults, and the route wrapper that ties them together.
 * Fetch API only (Request/Response/Headers), so it runs in the browser and in Node.
 */
import { connectErrorOf, defaultErrorBody } from './connect-errors.js';
import { faultAnswers, type Fault, type FaultAnswer } from './faults.js';

const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Accept-Language',
  'Access-Control-Expose-Headers': 'Retry-After, WWW-Authenticate',
  'Access-Control-Max-Age': '600',
};

const JSON_TYPE = 'application/json; charset=utf-8';

/** Adds the CORS headers to a response. */
export function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

export function preflight(): Response {
  return withCors(new Response(null, { status: 204 }));
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return withCors(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': JSON_TYPE, ...headers } }));
}

/** Whatever was thrown, as Connect answers it. */
function errorResponse(error: unknown): Response {
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
  if (status === 204 || status === 205 || status === 304) return withCors(new Response(null, { status, headers }));
  let body = answer.body;
  if (body === undefined) {
    body = JSON.stringify(answer.json !== undefined ? answer.json : defaultErrorBody(status));
    if (!headers.has('Content-Type')) headers.set('Content-Type', JSON_TYPE);
  }
  return withCors(new Response(body, { status, headers }));
}

export type Params = Record<string, string | undefined>;
type Route = (request: Request, params: Params) => Promise<Response> | Response;

/** Runs a route, answering anything it throws in Connect's shape, and adds CORS headers. */
export function route(handler: Route) {
  return async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
    try {
      return withCors(await handler(request, params as Params));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Builds handler paths for `baseUrl`, or for any origin. */
export function pathBuilder(baseUrl?: string): (path: string) => string {
  const prefix = baseUrl ? baseUrl.replace(/\/+$/, '') : '*';
  return (path) => prefix + path;
}

/** What the sandbox's own paths (images) are made absolute against: the configured base, or the request's origin. */
export function originOf(request: Request, baseUrl?: string): string {
  return baseUrl ? baseUrl.replace(/\/+$/, '') : new URL(request.url).origin;
}

async function jsonBodyOf(request: Request): Promise<unknown> {
  try {
    return JSON.parse(await request.clone().text());
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
