/**
 * The Instacart Connect post-checkout client the widget reads orders with. Every call carries the user token
 * as a Bearer header (never in the URL), honours the caller's AbortSignal, gives up after a timeout, and
 * either returns normalised data or throws one ApiError.
 */
import { normaliseApiBase } from './api-base.js';
import { ApiError } from './api-error.js';
import { type LastRead, readResponse } from './http.js';
import type { CallOptions, OrderResource, ReplacementDecision } from './types.js';

/** The timers the client's timeout runs on; the tracker's Clock fits, and tests inject a manual one. */
export interface ClientTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** The current time in ms, for a `Retry-After` date. Default `Date.now`. */
  now?(): number;
}

export interface ConnectClientOptions {
  /** Base URL of Connect, of the retailer's proxy, or of the sandbox; with or without a trailing slash. */
  apiBase: string;
  /**
   * The user access token to send; called once per request, with the request's signal (aborted on caller
   * abort or timeout). A rejection becomes an ApiError of kind `auth`, unless it already is an ApiError.
   * A call's own `getToken` (CallOptions) takes its place.
   */
  getToken?: (options: { signal?: AbortSignal }) => Promise<string>;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** A request with no answer after this long fails with kind `timeout`. Default 15 000 ms. */
  timeoutMs?: number;
  /** Sent as Accept-Language (Connect serves en-US, en-CA, fr-CA). */
  acceptLanguage?: string;
  /** Timers for the timeout. Default the global ones. */
  timers?: ClientTimers;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** The order's four endpoints (docs/connect-api.md §1): where each is, and what an empty answer stands for. */
const ENDPOINTS: Readonly<Record<OrderResource, { path: string; emptyIs?: unknown }>> = {
  order: { path: '' },
  // Not for last mile orders: Instacart has no items for them.
  items: { path: '/items' },
  // Address and handling never change: read once.
  handling: { path: '/handling' },
  // Outside delivering there is no position: an empty body and `{}` alike mean none.
  location: { path: '/location', emptyIs: {} },
};

const globalTimers: ClientTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * What a Bearer token may contain. Checked before use because fetch's own complaint about a bad header
 * value quotes the value, which would put the token into an error's cause.
 */
const USABLE_TOKEN = /^[\x21-\x7e]+$/;

interface RequestSpec {
  method: 'GET' | 'PUT';
  path: string;
  options: CallOptions;
  /** Present when an empty 2xx body is acceptable, and what it stands for. */
  emptyIs?: unknown;
  body?: unknown;
  /** A read: an answer whose body equals the last one of its path comes back as the very same object. */
  read?: true;
}

/**
 * Reads an order through the Connect post-checkout API (docs/connect-api.md §1) and sends the customer's
 * replacement decisions. Stateless apart from its options and the last body of each path it read: an answer
 * equal to the last one comes back as the very same object, unparsed.
 *
 * Every method throws `ApiError` and nothing else: `aborted` when the caller's signal fired, `timeout` when
 * `timeoutMs` passed (or on HTTP 408), `network` when fetch rejected, `auth` when no token could be had or
 * on 401, and the kinds of `kindOfStatus` / `invalid_response` otherwise.
 */
export class ConnectClient {
  readonly #timers: ClientTimers;
  readonly #timeoutMs: number;

  readonly #options: ConnectClientOptions;
  readonly #lastReads = new Map<string, LastRead>();

  constructor(options: ConnectClientOptions) {
    this.#options = options;
    this.#timers = options.timers ?? globalTimers;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * GET one endpoint of an order: the JSON as Connect answered it, not yet checked (`PARSERS` in parse.ts turn
   * it into the widget's types). Tabs share these raw answers, so every tab checks what it shows itself.
   */
  readEndpoint(orderId: string, resource: OrderResource, options: CallOptions = {}): Promise<unknown> {
    const { path, emptyIs } = ENDPOINTS[resource];
    return this.#request({ method: 'GET', path: orderPath(orderId) + path, options, read: true, ...(emptyIs !== undefined ? { emptyIs } : {}) });
  }

  /** PUT …/items/{itemId}/replacement with `{"status": decision}`: the customer approves or rejects a proposed replacement. */
  async putReplacementDecision(orderId: string, itemId: string, decision: ReplacementDecision, options: CallOptions = {}): Promise<void> {
    const body = replacementBody(decision);
    const path = `${orderPath(orderId)}/items/${encodeSegment(itemId, 'order_item_id')}/replacement`;
    await this.#request({ method: 'PUT', path, options, emptyIs: {}, body });
  }

  async #request(spec: RequestSpec): Promise<unknown> {
    const callerSignal = spec.options.signal;
    if (callerSignal?.aborted) throw abortedError(callerSignal.reason);
    // One signal for everything this call waits on, fired by the caller or by the timeout.
    const controller = new AbortController();
    let timedOut = false;
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = this.#timers.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    let token: string | undefined;
    try {
      const session = spec.options.session === true;
      if (!session) token = await untilAborted(this.#token(spec.options, controller.signal), controller.signal);
      const fetchImpl = this.#options.fetch ?? globalThis.fetch;
      const response = await untilAborted(
        fetchImpl(this.#url(spec.path), {
          method: spec.method,
          headers: this.#headers(token, spec.body !== undefined),
          body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
          signal: controller.signal,
          // With a token, the token is the credential and cookies of whatever origin apiBase points at are not;
          // through the retailer's proxy, the page's own session cookie is.
          credentials: session ? 'same-origin' : 'omit',
        }),
        controller.signal,
      );
      // Most polls answer what the last one did: one string comparison, then the same object, not parsed again.
      let last = spec.read && this.#lastReads.get(spec.path);
      if (spec.read && !last) this.#lastReads.set(spec.path, (last = {}));
      const read = readResponse(response, { ...('emptyIs' in spec ? { emptyIs: spec.emptyIs } : {}), now: this.#timers.now?.(), last: last || undefined });
      return await untilAborted(read, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) {
        if (timedOut) throw new ApiError({ kind: 'timeout', message: `Connect did not answer within ${formatSeconds(this.#timeoutMs)}.` });
        throw abortedError(callerSignal?.reason);
      }
      if (error instanceof ApiError) throw withoutToken(error, token);
      // Not the error itself as cause: fetch's messages may quote request details.
      throw new ApiError({ kind: 'network', message: 'Connect could not be reached.', cause: describeCause(error, token) });
    } finally {
      this.#timers.clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async #token(options: CallOptions, signal: AbortSignal): Promise<string> {
    const getToken = options.getToken ?? this.#options.getToken;
    if (!getToken) throw new ApiError({ kind: 'auth', message: 'No token: the call has no way to get one.' });
    let token: unknown;
    try {
      token = await getToken({ signal });
    } catch (cause) {
      if (signal.aborted || cause instanceof ApiError) throw cause;
      throw new ApiError({ kind: 'auth', message: 'No token could be had for this order.', cause });
    }
    // Whitespace around a token is never part of it; a server template or a token file often adds some.
    const trimmed = typeof token === 'string' ? token.trim() : token;
    if (typeof trimmed !== 'string' || !USABLE_TOKEN.test(trimmed)) {
      // No cause and no quote: the value might be a real token with a stray character inside.
      throw new ApiError({ kind: 'auth', message: 'The token is empty or not usable as a Bearer token.' });
    }
    return trimmed;
  }

  #headers(token: string | undefined, hasBody: boolean): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    if (this.#options.acceptLanguage) headers['Accept-Language'] = this.#options.acceptLanguage;
    if (hasBody) headers['Content-Type'] = 'application/json';
    return headers;
  }

  #url(path: string): string {
    return `${normaliseApiBase(this.#options.apiBase)}${path}`;
  }
}

function encodeSegment(id: string, key: string): string {
  // An empty id would silently address another resource (`/orders/` + `/items` is not this order's items).
  if (typeof id !== 'string' || id.trim() === '') throw new ApiError({ kind: 'bad_request', key, message: `The ${key} is empty.` });
  return encodeURIComponent(id);
}

function orderPath(orderId: string): string {
  return `/v2/post_checkout/orders/${encodeSegment(orderId, 'order_id')}`;
}

function replacementBody(decision: ReplacementDecision): Record<string, unknown> {
  // Checked at run time too: the decision often comes from a button's data attribute, not typed code.
  if (decision !== 'APPROVED' && decision !== 'REJECTED') {
    throw new ApiError({ kind: 'bad_request', key: 'status', message: `A replacement decision is APPROVED or REJECTED, not ${JSON.stringify(decision)}.` });
  }
  return { status: decision };
}

/** Settles with `promise`, or rejects as soon as `signal` aborts: a getToken or fetch that ignores the signal cannot hang the call. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** A server or proxy echoing the Authorization header must not carry the token into what the page shows. */
function withoutToken(error: ApiError, token: string | undefined): ApiError {
  if (!token || !error.message.includes(token)) return error;
  return new ApiError({
    kind: error.kind,
    status: error.status,
    code: error.code,
    key: error.key,
    retryAfterMs: error.retryAfterMs,
    message: error.message.split(token).join('[token]'),
  });
}

/** fetch's error as text (with its causes: "fetch failed" alone says nothing), the token cut out. */
function describeCause(error: unknown, token: string | undefined): Error {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current !== undefined && current !== null && depth < 4; depth += 1) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  const text = parts.join(' ← ');
  return new Error(token ? text.split(token).join('[token]') : text);
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function abortedError(reason?: unknown): ApiError {
  return new ApiError({ kind: 'aborted', message: 'The request was aborted.', cause: reason });
}
