/**
 * `createConnectProxy`'s options, their defaults, and the checks that turn a configuration mistake into an
 * error at start-up rather than into a proxy that misbehaves per request. No message here ever quotes the
 * client secret.
 */
import { systemClock, type ProxyClock } from './clock.js';
import { resolveLiveOptions, type LiveUpdatesOptions, type ResolvedLiveOptions } from './live-options.js';
import { positive } from './option-checks.js';
import type { ProxyLogger } from './proxy-log.js';
import { DEFAULT_RATE_LIMIT, type CustomerRateLimit } from './rate-limiter.js';
import { MemoryTokenStore, type TokenStore } from './token-store.js';

/** The retailer's session lookup: the signed-in customer's Connect user id, or null when nobody is signed in. */
export type UserIdFor = (request: Request) => string | null | undefined | Promise<string | null | undefined>;

export interface ConnectProxyOptions {
  /** Connect's base URL: `https://connect.instacart.com`, your development server, or the sandbox. */
  connectBase: string;
  /** The retailer's client credentials. They stay on the server: never in a response, a log or an error. */
  clientId: string;
  clientSecret: string;
  /** Who is asking: read your session from the request (cookie) and answer the customer's Connect user id. */
  userIdFor: UserIdFor;
  /** Where the kit's routes live, e.g. `/instacart` serves `/instacart/token` and `/instacart/v2/…`. Default `/instacart`. */
  basePath?: string;
  /** Other origins (`https://www.shop.example`) whose pages may call the kit; they get CORS with credentials. Default none. */
  allowedOrigins?: readonly string[];
  /** Where tokens are cached. Default: this process's memory (`MemoryTokenStore`, 10,000 customers). */
  tokenStore?: TokenStore;
  /** Requests per customer; `false` turns the limit off. Default 30 at once, 1 per second sustained. */
  rateLimit?: CustomerRateLimit | false;
  /** Customers the rate limiter remembers (least recently seen forgotten first). Default 10,000. */
  maxTrackedCustomers?: number;
  /** A token is replaced this long before it expires (at most a tenth of its lifetime). Default 300 s. */
  refreshMarginSeconds?: number;
  /** Connect must have answered in full within this. Default 10,000 ms; 504 otherwise. */
  upstreamTimeoutMs?: number;
  /** Largest request body (a replacement decision) accepted. Default 16 KiB; 413 above. */
  maxRequestBytes?: number;
  /** Largest answer accepted from Connect. Default 2 MiB; 502 above. */
  maxResponseBytes?: number;
  /** Receives the kit's log entries. Default: none (the kit never writes to the console). */
  logger?: ProxyLogger;
  /** The fetch used to call Connect (e.g. one with a custom agent). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Time, for tests. Default the system clock. */
  clock?: ProxyClock;
  /**
   * Push: Instacart's event callbacks in (`POST {basePath}/callbacks`), a stream of hints out to the page
   * (`GET {basePath}/events?order=…`). Default off: the widget polls. docs/server-kit.md, "Live updates".
   */
  live?: LiveUpdatesOptions;
}

export interface ResolvedOptions {
  connectBase: string;
  clientId: string;
  clientSecret: string;
  userIdFor: UserIdFor;
  basePath: string;
  allowedOrigins: ReadonlySet<string>;
  tokenStore: TokenStore;
  rateLimit: CustomerRateLimit | false;
  maxTrackedCustomers: number;
  refreshMarginMs: number;
  upstreamTimeoutMs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  logger: ProxyLogger | undefined;
  fetch: typeof fetch;
  clock: ProxyClock;
  live: ResolvedLiveOptions | undefined;
}

export function resolveOptions(options: ConnectProxyOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('createConnectProxy needs an options object');
  if (typeof options.clientId !== 'string' || options.clientId.trim() === '') throw new TypeError('clientId must be a non-empty string');
  if (typeof options.clientSecret !== 'string' || options.clientSecret.trim() === '') throw new TypeError('clientSecret must be a non-empty string');
  if (typeof options.userIdFor !== 'function') throw new TypeError('userIdFor must be a function (request) => user id | null');
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('no fetch: pass options.fetch');
  return {
    connectBase: connectBase(options.connectBase),
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    userIdFor: options.userIdFor,
    basePath: basePath(options.basePath ?? '/instacart'),
    allowedOrigins: new Set((options.allowedOrigins ?? []).map(allowedOrigin)),
    tokenStore: options.tokenStore ?? new MemoryTokenStore(),
    rateLimit: options.rateLimit === false ? false : (options.rateLimit ?? DEFAULT_RATE_LIMIT),
    maxTrackedCustomers: positive('maxTrackedCustomers', options.maxTrackedCustomers, 10_000),
    refreshMarginMs: positive('refreshMarginSeconds', options.refreshMarginSeconds, 300) * 1000,
    upstreamTimeoutMs: positive('upstreamTimeoutMs', options.upstreamTimeoutMs, 10_000),
    maxRequestBytes: positive('maxRequestBytes', options.maxRequestBytes, 16 * 1024),
    maxResponseBytes: positive('maxResponseBytes', options.maxResponseBytes, 2 * 1024 * 1024),
    logger: options.logger,
    fetch: (input, init) => fetchImpl(input, init),
    clock: options.clock ?? systemClock,
    live: options.live === undefined ? undefined : resolveLiveOptions(options.live),
  };
}

function connectBase(value: unknown): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new TypeError('connectBase must be an absolute URL such as https://connect.instacart.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('connectBase must be an http(s) URL');
  if (url.search || url.hash || url.username || url.password) throw new TypeError('connectBase must have no query, fragment or credentials');
  return url.href.replace(/\/+$/, '');
}

function basePath(value: unknown): string {
  const path = String(value).replace(/\/+$/, '');
  if (path !== '' && !/^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/.test(path)) {
    throw new TypeError('basePath must be a plain path such as /instacart');
  }
  return path;
}

function allowedOrigin(value: unknown): string {
  try {
    const url = new URL(String(value));
    if (url.origin !== 'null' && url.origin === String(value).replace(/\/$/, '')) return url.origin;
  } catch {
    // fall through to the error
  }
  throw new TypeError(`allowedOrigins must hold origins such as https://www.shop.example`);
}
