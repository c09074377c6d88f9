/**
 * Faults a test or the demo injects into the API: for requests whose path matches, answer a chosen status,
 * body (even malformed JSON) and headers (e.g. `Retry-After`), after an optional delay, for `count`
 * requests or until cleared. A fault with only `delay_ms` slows the real answer down instead.
 * Pure bookkeeping; the handlers build the responses.
 */
import { ErrorCode, connectErrorBody, invalidParameter, type ConnectErrorBody } from './errors.js';

export interface FaultSpec {
  /** A path prefix (`/v2/post_checkout/orders`), or a regular expression when it starts with `^`. */
  path: string;
  /** Only this method (any when absent). */
  method?: string;
  /** Status to answer; absent with `delayMs` means "delay, then answer normally"; absent otherwise, 500. */
  status?: number;
  delayMs?: number;
  /** The raw response body; absent means a Connect error body fitting the status. */
  body?: string;
  headers?: Record<string, string>;
  /** How many matching requests it applies to; absent means until cleared. */
  count?: number;
}

export interface Fault extends FaultSpec {
  id: number;
  /** Requests it still applies to; null for unlimited. */
  remaining: number | null;
  hits: number;
}

const MAX_DELAY_MS = 120_000;

export class FaultRegistry {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    validate(spec);
    const fault: Fault = {
      ...spec,
      ...(spec.method ? { method: spec.method.toUpperCase() } : {}),
      id: this.nextId++,
      remaining: spec.count ?? null,
      hits: 0,
    };
    this.faults.push(fault);
    return fault;
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length < before;
  }

  clear(): number {
    const removed = this.faults.length;
    this.faults = [];
    return removed;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  /** The fault that applies to this request, counting it as used (and dropping it once exhausted). */
  take(method: string, pathname: string): Fault | undefined {
    const fault = this.faults.find((f) => (!f.method || f.method === method.toUpperCase()) && pathMatches(f.path, pathname));
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.remove(fault.id);
    }
    return fault;
  }
}

function pathMatches(pattern: string, pathname: string): boolean {
  if (pattern.startsWith('^')) return new RegExp(pattern).test(pathname);
  return pathname.startsWith(pattern);
}

function validate(spec: FaultSpec): void {
  if (typeof spec.path !== 'string' || !(spec.path.startsWith('/') || spec.path.startsWith('^'))) {
    throw invalidParameter('path', 'path must be a path prefix starting with "/" or a regular expression starting with "^"');
  }
  if (spec.path.startsWith('^')) {
    try {
      new RegExp(spec.path);
    } catch {
      throw invalidParameter('path', 'path is not a valid regular expression');
    }
  }
  if (spec.method !== undefined && (typeof spec.method !== 'string' || !/^[A-Za-z]+$/.test(spec.method))) {
    throw invalidParameter('method', 'method must be an HTTP method name');
  }
  if (spec.status !== undefined && !(Number.isInteger(spec.status) && spec.status >= 200 && spec.status <= 599)) {
    throw invalidParameter('status', 'status must be an integer from 200 to 599');
  }
  if (spec.delayMs !== undefined && !(Number.isFinite(spec.delayMs) && spec.delayMs >= 0 && spec.delayMs <= MAX_DELAY_MS)) {
    throw invalidParameter('delay_ms', `delay_ms must be a number from 0 to ${MAX_DELAY_MS}`);
  }
  if (spec.body !== undefined && typeof spec.body !== 'string') {
    throw invalidParameter('body', 'body must be a string (the raw response body)');
  }
  if (
    spec.headers !== undefined &&
    (typeof spec.headers !== 'object' || spec.headers === null || Object.values(spec.headers).some((v) => typeof v !== 'string'))
  ) {
    throw invalidParameter('headers', 'headers must be an object of strings');
  }
  if (spec.count !== undefined && !(Number.isInteger(spec.count) && spec.count >= 1)) {
    throw invalidParameter('count', 'count must be a positive integer');
  }
}

/** Whether the fault answers by itself (rather than only delaying the real answer). */
export function faultAnswers(fault: FaultSpec): boolean {
  return fault.status !== undefined || fault.body !== undefined || fault.delayMs === undefined;
}

/** The Connect error body a fault answers when it names no body. */
export function defaultFaultBody(status: number): ConnectErrorBody | Record<string, never> {
  if (status < 400) return {};
  if (status === 401) return connectErrorBody('Access token invalid or expired', null);
  if (status === 403) return connectErrorBody('Forbidden', null);
  if (status === 404) return connectErrorBody('Resource not found', ErrorCode.notFound);
  if (status === 408) return connectErrorBody('Request timeout', ErrorCode.retryLater);
  if (status === 429) return connectErrorBody('Too many requests, retry later', ErrorCode.retryLater);
  if (status === 503) return connectErrorBody('Service unavailable, retry later', ErrorCode.retryLater);
  if (status >= 500) return connectErrorBody('Internal error', ErrorCode.internal);
  return connectErrorBody('Invalid request', ErrorCode.invalidRequest);
}
