/**
 * The Instacart Connect post-checkout client the widget reads orders with. Every call carries the user token
 * as a Bearer header (never in the URL), honours the caller's AbortSignal, gives up after a timeout, and
 * either returns normalised data or throws one ApiError.
 */
import { ApiError } from './api-error.js';
import { readResponse } from './http.js';
import { parseHandling, parseLineItems, parseLocation, parseOrder } from './parse.js';
import type { CallOptions, Handling, LineItem, Order, ReplacementDecision, ShopperLocation } from './types.js';

export interface ConnectClientOptions {
  /** Base URL of Connect, of the retailer's proxy, or of the sandbox; with or without a trailing slash. */
  apiBase: string;
  /** The user access token to send; called once per request. */
  getToken: (options: { signal?: AbortSignal }) => Promise<string>;
  fetch?: typeof fetch;
  /** A request with no answer after this long fails with kind `timeout`. Default 15 s. */
  timeoutMs?: number;
  /** Sent as Accept-Language (Connect serves en-US, en-CA, fr-CA). */
  acceptLanguage?: string;
  /** Timers for the timeout (tests inject a manual clock). */
  timers?: { setTimeout(callback: () => void, ms: number): unknown; clearTimeout(handle: unknown): void; now?(): number };
}

/** An alternative the customer asks for when rejecting a replacement. */
export interface AlternativeItem {
  upc?: string;
  rrc?: string;
  count?: number;
  weight?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export class ConnectClient {
  constructor(private readonly options: ConnectClientOptions) {}

  /** GET /v2/post_checkout/orders/{id}: type, state, creation date, window. */
  async getOrder(orderId: string, options: CallOptions = {}): Promise<Order> {
    return parseOrder(await this.request('GET', this.orderPath(orderId), options));
  }

  /** GET …/items: every line item with its status and any replacement. */
  async getItems(orderId: string, options: CallOptions = {}): Promise<LineItem[]> {
    return parseLineItems(await this.request('GET', `${this.orderPath(orderId)}/items`, options));
  }

  /** GET …/handling: address, coordinates and handling preferences (they never change). */
  async getHandling(orderId: string, options: CallOptions = {}): Promise<Handling> {
    return parseHandling(await this.request('GET', `${this.orderPath(orderId)}/handling`, options));
  }

  /** GET …/location: the shopper's position while delivering, null otherwise. */
  async getLocation(orderId: string, options: CallOptions = {}): Promise<ShopperLocation> {
    return parseLocation(await this.request('GET', `${this.orderPath(orderId)}/location`, options, {}));
  }

  /** PUT …/items/{itemId}/replacement: the customer approves or rejects a proposed replacement. */
  async putReplacementDecision(
    orderId: string,
    itemId: string,
    decision: ReplacementDecision,
    options: CallOptions & { alternativeItem?: AlternativeItem } = {},
  ): Promise<void> {
    const body: Record<string, unknown> = { status: decision };
    if (decision === 'REJECTED' && options.alternativeItem) body.alternative_item = options.alternativeItem;
    await this.request('PUT', `${this.orderPath(orderId)}/items/${encodeURIComponent(itemId)}/replacement`, options, {}, body);
  }

  private orderPath(orderId: string): string {
    return `/v2/post_checkout/orders/${encodeURIComponent(orderId)}`;
  }

  private async request(method: 'GET' | 'PUT', path: string, options: CallOptions, emptyIs?: unknown, body?: unknown): Promise<unknown> {
    const { signal: callerSignal } = options;
    const timers = this.options.timers ?? { setTimeout: (f: () => void, ms: number) => setTimeout(f, ms), clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>) };
    const controller = new AbortController();
    let timedOut = false;
    const onCallerAbort = () => controller.abort();
    if (callerSignal?.aborted) throw aborted();
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = timers.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    try {
      let token: string;
      try {
        token = await this.options.getToken({ signal: controller.signal });
      } catch (cause) {
        if (controller.signal.aborted) throw cause;
        if (cause instanceof ApiError) throw cause;
        throw new ApiError({ kind: 'auth', message: 'No token could be had for this order.', cause });
      }
      const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
      if (this.options.acceptLanguage) headers['Accept-Language'] = this.options.acceptLanguage;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const fetchImpl = this.options.fetch ?? globalThis.fetch.bind(globalThis);
      const response = await fetchImpl(this.url(path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        // The token is the credential; cookies for Connect's origin are not.
        credentials: 'omit',
      });
      return await readResponse(response, { ...(emptyIs === undefined ? {} : { emptyIs }), now: timers.now?.() });
    } catch (error) {
      if (controller.signal.aborted) {
        if (timedOut) throw new ApiError({ kind: 'timeout', message: `Connect did not answer within ${Math.round((this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s.`, cause: error });
        throw aborted(error);
      }
      if (error instanceof ApiError) throw error;
      throw new ApiError({ kind: 'network', message: 'Connect could not be reached.', cause: error });
    } finally {
      timers.clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private url(path: string): string {
    return `${this.options.apiBase.replace(/\/+$/, '')}${path}`;
  }
}

function aborted(cause?: unknown): ApiError {
  return new ApiError({ kind: 'aborted', message: 'The request was aborted.', cause });
}
