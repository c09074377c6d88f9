/**
 * Answers a test or the demo pins in place of the emulator's own: a chosen status, body (even malformed
 * JSON) and headers (e.g. `Retry-After`), after an optional delay, for `count` requests or until cleared. A
 * fault with only `delayMs` slows the real answer down instead. Pure bookkeeping; the handlers build the
 * responses.
 *
 * A fault aims at one of two things:
 * - `path`: a plain path prefix of any `/v2/…` request (never a pattern: a regular expression from a
 *   request could take the whole emulator down). It stands for the network in between, so it answers
 *   before anything else, tokens included.
 * - `endpoint` (and optionally `orderId`): one post-checkout endpoint. It stands for that endpoint's answer,
 *   so it is taken only once the token and the order have been checked, as the real answer would be.
 *
 * When several faults apply, those with a `count` go first, oldest first; a fault without one applies when
 * none of those does. From code (not over HTTP), a fault may also `answer` each request with a function: its
 * result is read when the request comes (so a test may change what it returns between polls) and may be a
 * promise (to answer late, after a newer request).
 */
import { invalid } from '../model/errors.js';

/** The post-checkout endpoints a fault can stand in for (docs/connect-api.md §1). */
export type ConnectEndpoint = 'order' | 'items' | 'handling' | 'location' | 'replacement';

export const CONNECT_ENDPOINTS: readonly ConnectEndpoint[] = ['order', 'items', 'handling', 'location', 'replacement'];

/** What a fault answers. With no `body` and no `json`, a Connect error body fitting the status. */
export interface FaultAnswer {
  /** Default 500 (200 when there is a `json` body). */
  status?: number;
  /** The raw response body, sent as is. */
  body?: string;
  /** A value sent as JSON. */
  json?: unknown;
  headers?: Record<string, string>;
}

/** What an `answer` function learns of the request. */
export interface FaultRequest {
  method: string;
  pathname: string;
  /** The request's JSON body, or undefined when it has none or it is not JSON. */
  body: unknown;
}

export interface FaultSpec extends FaultAnswer {
  /** A path prefix (`/v2/post_checkout/orders`): the fault applies to every path that starts with it. */
  path?: string;
  endpoint?: ConnectEndpoint;
  /** With `endpoint`: only this order's requests (any order's when absent). */
  orderId?: string;
  /** Only this method (any when absent). */
  method?: string;
  delayMs?: number;
  /** How many matching requests it applies to; absent means until cleared. */
  count?: number;
  /** From code only: computes each answer when the request comes, instead of the fixed one. */
  answer?: (request: FaultRequest) => FaultAnswer | Promise<FaultAnswer>;
}

export interface Fault extends FaultSpec {
  id: number;
  /** Requests it still applies to; null for unlimited. */
  remaining: number | null;
  hits: number;
}

const MAX_DELAY_MS = 120_000;
const MAX_PATH_LENGTH = 2048;
const MAX_HEADERS = 20;
const MAX_HEADER_VALUE_LENGTH = 4096;
/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * Headers a fault may not set: the emulator frames every answer itself (a wrong length or encoding would
 * corrupt the connection, not simulate a fault) and decides CORS by the path's surface.
 */
const RESERVED_HEADERS = /^(content-length|transfer-encoding|connection|keep-alive|upgrade|trailer|te|access-control-.*)$/i;

/** The sandbox's faults: `sandbox.faults`. */
export class FaultRegistry {
  #faults: Fault[] = [];
  #nextId = 1;

  /** Adds a fault after checking it; an `invalid` SandboxError names the wrong field. */
  add(spec: FaultSpec): Fault {
    validate(spec);
    const fault: Fault = {
      ...spec,
      ...(spec.method ? { method: spec.method.toUpperCase() } : {}),
      id: this.#nextId++,
      remaining: spec.count ?? null,
      hits: 0,
    };
    this.#faults.push(fault);
    return fault;
  }

  /** Removes one fault; false when there is none with this id. */
  remove(id: number): boolean {
    const before = this.#faults.length;
    this.#faults = this.#faults.filter((fault) => fault.id !== id);
    return this.#faults.length < before;
  }

  /** Removes every fault and says how many there were. */
  clear(): number {
    const removed = this.#faults.length;
    this.#faults = [];
    return removed;
  }

  /** The faults in force, in the order they were added. */
  list(): readonly Fault[] {
    return this.#faults;
  }

  /** The path fault that applies to this request, counted as used (and dropped once exhausted). */
  takeForPath(method: string, pathname: string): Fault | undefined {
    return this.#take(method, (fault) => fault.path !== undefined && pathMatches(fault.path, pathname));
  }

  /** The endpoint fault that applies to this order's request, counted as used. */
  takeForEndpoint(method: string, endpoint: ConnectEndpoint, orderId: string): Fault | undefined {
    return this.#take(method, (fault) => fault.endpoint === endpoint && (fault.orderId === undefined || fault.orderId === orderId));
  }

  /**
   * Counted faults are one-off events and go first, oldest first (a queue); a fault without a count is a
   * standing condition that applies when no one-off does.
   */
  #take(method: string, matches: (fault: Fault) => boolean): Fault | undefined {
    const applies = (f: Fault) => (!f.method || f.method === method.toUpperCase()) && matches(f);
    const fault = this.#faults.find((f) => f.remaining !== null && applies(f)) ?? this.#faults.find(applies);
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.remove(fault.id);
    }
    return fault;
  }
}

/** Whether the fault answers by itself (rather than only delaying the real answer). */
export function faultAnswers(fault: FaultSpec): boolean {
  return fault.answer !== undefined || fault.status !== undefined || fault.body !== undefined || fault.json !== undefined || fault.delayMs === undefined;
}

function pathMatches(prefix: string, pathname: string): boolean {
  return pathname.startsWith(prefix);
}

function validate(spec: FaultSpec): void {
  if ((spec.path === undefined) === (spec.endpoint === undefined)) throw invalid('path', 'name either a path or an endpoint');
  if (spec.path !== undefined && !(spec.path.startsWith('/') && spec.path.length <= MAX_PATH_LENGTH)) {
    throw invalid('path', 'path must be a path prefix starting with "/" (not a pattern); to aim at one endpoint, name it with endpoint');
  }
  if (spec.endpoint !== undefined && !CONNECT_ENDPOINTS.includes(spec.endpoint)) {
    throw invalid('endpoint', `endpoint must be one of ${CONNECT_ENDPOINTS.join(', ')}`);
  }
  if (spec.orderId !== undefined && spec.endpoint === undefined) throw invalid('orderId', 'order_id goes with an endpoint');
  if (spec.method !== undefined && !/^[A-Za-z]+$/.test(spec.method)) throw invalid('method', 'method must be an HTTP method name');
  if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 200 && spec.status <= 599)) {
    throw invalid('status', 'status must be an integer from 200 to 599');
  }
  if (spec.delayMs !== undefined && !(Number.isFinite(spec.delayMs) && spec.delayMs >= 0 && spec.delayMs <= MAX_DELAY_MS)) {
    throw invalid('delayMs', `delay_ms must be a number from 0 to ${MAX_DELAY_MS}`);
  }
  if (spec.body !== undefined && spec.json !== undefined) throw invalid('body', 'send body or json, not both');
  if (spec.count !== undefined && !(Number.isInteger(spec.count) && spec.count >= 1)) {
    throw invalid('count', 'count must be a positive integer');
  }
  if (spec.headers !== undefined) validateHeaders(spec.headers);
}

/** Headers the answer can really carry: valid names and values, none that frames the message or sets CORS. */
function validateHeaders(headers: Readonly<Record<string, string>>): void {
  const entries = Object.entries(headers);
  if (entries.length > MAX_HEADERS) throw invalid('headers', `headers may name at most ${MAX_HEADERS} headers`);
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.test(name)) throw invalid('headers', 'headers must be valid header names the emulator does not set itself');
    // A header value is visible ASCII and spaces (RFC 9110), with no line breaks that would end the header.
    if (typeof value !== 'string' || value.length > MAX_HEADER_VALUE_LENGTH || !/^[\t\x20-\x7e]*$/.test(value)) {
      throw invalid('headers', 'header values must be short printable text');
    }
  }
}
