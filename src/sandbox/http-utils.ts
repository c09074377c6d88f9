/**
 * What every sandbox handler shares: CORS headers, Connect-shaped error responses, reading a JSON body and
 * typed fields out of it (wrong ones answer 400/1001 with `meta.key`), and the bearer token.
 * Fetch API only (Request/Response/Headers), so it runs in the browser and in Node.
 */
import { ErrorCode, connectErrorBody, invalidParameter, isSandboxError } from './errors.js';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Accept-Language',
  'Access-Control-Expose-Headers': 'Retry-After, WWW-Authenticate',
  'Access-Control-Max-Age': '600',
};

/** Adds the CORS headers to a response (pages on other ports read the sandbox). */
export function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

export function preflight(): Response {
  return withCors(new Response(null, { status: 204 }));
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return withCors(
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } }),
  );
}

/** A SandboxError as Connect answers it; anything else as a 500 / 5000. */
export function errorResponse(error: unknown): Response {
  if (isSandboxError(error)) return jsonResponse(error.toJSON(), error.status, error.headers);
  const message = error instanceof Error ? error.message : String(error);
  return jsonResponse(connectErrorBody(`Internal error: ${message}`, ErrorCode.internal), 500);
}

export type JsonObject = Record<string, unknown>;

/**
 * The request's JSON object body. Empty is `{}` unless required; malformed JSON and non-objects are
 * 400/1001 `body`. A form-encoded body (OAuth clients send those) is read as an object of strings.
 */
export async function readBody(request: Request, options: { required?: boolean } = {}): Promise<JsonObject> {
  const text = await request.text();
  if (!text.trim()) {
    if (options.required) throw invalidParameter('body', 'A JSON body is required');
    return {};
  }
  // curl -d sends JSON labelled as a form: only a body that does not look like JSON is read as a form.
  if ((request.headers.get('Content-Type') ?? '').includes('application/x-www-form-urlencoded') && !/^\s*[[{]/.test(text)) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidParameter('body', 'Malformed JSON body');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidParameter('body', 'The body must be a JSON object');
  }
  return value as JsonObject;
}

export function optionalString(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(key, `${key} must be a string`);
  return value;
}

export function requiredString(body: JsonObject, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined || value.trim() === '') throw invalidParameter(key, `${key} is required`);
  return value;
}

export function optionalNumber(body: JsonObject, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidParameter(key, `${key} must be a number`);
  return value;
}

/** An integer id, also accepted as a string of digits (curl users quote numbers). */
export function requiredId(body: JsonObject, key: string): number {
  const value = body[key];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  throw invalidParameter(key, `${key} must be an integer id`);
}

export function optionalBoolean(body: JsonObject, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidParameter(key, `${key} must be true or false`);
  return value;
}

export function optionalObject(body: JsonObject, key: string): JsonObject | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidParameter(key, `${key} must be an object`);
  return value as JsonObject;
}

/** The token of `Authorization: Bearer <token>`, if any. */
export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '');
  return match?.[1];
}

/** An id from the path: digits only, else the resource cannot exist. */
export function pathId(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface SandboxHandlerOptions {
  /** Origin (and optional path prefix) to serve on, e.g. `http://localhost:8787`. Default: any origin. */
  baseUrl?: string;
  /** Include the `/__sandbox/` development controls (default true). */
  devControls?: boolean;
  /** Default pace of autoplay started through the dev control (default 2000 ms). */
  autoplayStepMs?: number;
}

export type Params = Record<string, string | undefined>;
type Route = (request: Request, params: Params) => Promise<Response> | Response;

/** Runs a route, answering any SandboxError in Connect's shape, and adds CORS headers. */
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
