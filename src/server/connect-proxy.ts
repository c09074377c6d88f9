/**
 * `createConnectProxy`: the retailer's server half of the widget, on web-standard Request/Response so one
 * implementation serves Node, Next.js, Hono, Deno, Bun and Cloudflare Workers. It answers the signed-in
 * customer's user access token (`GET {basePath}/token`) and forwards the post-checkout calls
 * (`{basePath}/v2/post_checkout/…`) to Connect with that customer's token added on the server.
 *
 * Each request goes through, in order: the path allow-list (routes.ts), the cross-site check
 * (cross-site.ts), the retailer's session (`userIdFor`), the customer's rate limit, the body check of a PUT,
 * then the token cache and Connect. The first refusal answers, in Connect's error envelope. With `live`,
 * Instacart's callbacks and the page's event stream are served too (live-updates.ts).
 */
import { corsHeaders, crossSiteRefusal, preflightResponse } from './cross-site.js';
import { browserResponse, forwardToConnect, type ForwardSettings } from './connect-forward.js';
import { resolveOptions, type ConnectProxyOptions, type ResolvedOptions } from './options.js';
import { ConnectErrorCode, ProxyError, isProxyError, jsonResponse, notFound, tooManyRequests } from './proxy-error.js';
import { ProxyLog, errorName } from './proxy-log.js';
import { CustomerRateLimiter } from './rate-limiter.js';
import { readJsonObjectBody } from './request-body.js';
import { matchRoute, type ProxyRoute } from './routes.js';
import { LruMap } from './bounded-map.js';
import { createLiveUpdates, type LiveUpdates } from './live-updates.js';
import { tokenMinter } from './token-minter.js';
import { UserTokens } from './user-tokens.js';

/** Sent by the widget when it asks `/token` again because Connect refused the token it had. */
export const TOKEN_REFUSED_HEADER = 'x-token-refused';
/** A customer's reports of a refused token force a new mint at most this often. */
const REFUSAL_GAP_MS = 60_000;

/** Longest user id taken from `userIdFor`; it becomes a cache key and part of the token assertion. */
const MAX_USER_ID_LENGTH = 256;

/** The kit, ready to mount. */
export interface ConnectProxy {
  /** The base path its routes live under (no trailing slash; `''` for the root). */
  readonly basePath: string;
  /**
   * Whether a request (or a URL or path) is the kit's: its path is under `basePath`. Adapters call the
   * framework's `next()` for anything else. Every path under `basePath` is the kit's, served or refused.
   */
  owns(target: Request | URL | string): boolean;
  /** Answers one request. Never rejects: every failure is a Response in Connect's error envelope. */
  handle(request: Request): Promise<Response>;
  /**
   * The customer's token for a server-rendered page (`<order-tracker token="…">`), from the same cache the
   * routes use; `expiresIn` is its remaining lifetime in seconds. Not rate-limited: your server calls it,
   * not a browser. Rejects with a ProxyError (its message is safe to show) when no token could be had.
   */
  tokenFor(userId: string): Promise<{ accessToken: string; expiresIn: number }>;
  /** Drops a customer's cached token, e.g. when they sign out. */
  forget(userId: string): Promise<void>;
  /**
   * Ends every live stream (pages reconnect, to another server when this one is going away) and their
   * subscriptions on the change bus. The bus itself is yours to close. Nothing to do without `live`.
   */
  close(): Promise<void>;
}

export function createConnectProxy(options: ConnectProxyOptions): ConnectProxy {
  const config = resolveOptions(options);
  const log = new ProxyLog(config.logger, config.clientSecret);
  const calls = { fetch: config.fetch, clock: config.clock, log, timeoutMs: config.upstreamTimeoutMs, maxResponseBytes: config.maxResponseBytes };
  const forwarding: ForwardSettings = { ...calls, connectBase: config.connectBase, clientSecret: config.clientSecret };
  const mint = tokenMinter({ ...forwarding, clientId: config.clientId, refreshMarginMs: config.refreshMarginMs });
  const tokens = new UserTokens(config.tokenStore, mint, config.clock, log);
  const lastRefusal = new LruMap<string, number>(config.maxTrackedCustomers);
  const limiter = config.rateLimit ? new CustomerRateLimiter(config.rateLimit, config.clock, config.maxTrackedCustomers) : undefined;

  const live: LiveUpdates | undefined = config.live
    ? createLiveUpdates(config.live, config.clock, log, (request, userId, orderId) =>
        forward({ kind: 'connect', resource: 'order', method: 'GET', connectPath: `/v2/post_checkout/orders/${orderId}` }, request, undefined, userId, {}),
      )
    : undefined;

  const ownsPath = (path: string) => config.basePath === '' || path === config.basePath || path.startsWith(`${config.basePath}/`);

  async function respond(request: Request, cors: Record<string, string>): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (!ownsPath(path)) throw notFound('path');
    const subPath = path.slice(config.basePath.length);
    if (request.method === 'OPTIONS') return preflight(request, subPath);
    const route = orThrow(matchRoute(request.method, subPath, live !== undefined));
    // Instacart calls this one, server to server: its bearer token, not a page's session, says who it is.
    if (route.kind === 'callbacks') return (live as LiveUpdates).receive(request);
    orThrow(crossSiteRefusal(request, config.allowedOrigins));
    const userId = await customerOf(request, config, log);
    const waitSeconds = limiter?.take(userId) ?? 0;
    if (waitSeconds > 0) {
      log.info('rate_limited', 'A customer went over their request rate.', 429);
      throw tooManyRequests('Too many requests, retry later', waitSeconds);
    }
    if (route.kind === 'events') return (live as LiveUpdates).open(request, userId, cors);
    if (route.kind === 'token') {
      if (request.headers.has(TOKEN_REFUSED_HEADER)) await discardRefused(userId);
      return tokenAnswer(userId, cors);
    }
    const body = route.method === 'PUT' ? orThrow(await readJsonObjectBody(request, config.maxRequestBytes)) : undefined;
    return forward(route, request, body, userId, cors);
  }

  function preflight(request: Request, subPath: string): Response {
    const asked = request.headers.get('Access-Control-Request-Method') ?? '';
    orThrow(matchRoute(asked, subPath, live !== undefined));
    return orThrow(preflightResponse(request, config.allowedOrigins, asked));
  }

  /**
   * A page using `token-url` says Connect refused the token it was given (the widget sends the header when it
   * asks again after a 401): that token is dropped and a new one minted, at most once a minute per customer,
   * so a page cannot make the kit mint on every request.
   */
  async function discardRefused(userId: string): Promise<void> {
    const now = config.clock.now();
    if (now - (lastRefusal.get(userId) ?? -Infinity) < REFUSAL_GAP_MS) return;
    lastRefusal.set(userId, now);
    const stored = await tokens.get(userId);
    log.info('token_refused', 'A page reported that Connect refused its token; minting a new one.', 401);
    await tokens.discard(userId, stored.accessToken);
  }

  async function tokenFor(userId: string): Promise<{ accessToken: string; expiresIn: number }> {
    const token = await tokens.get(userId);
    return { accessToken: token.accessToken, expiresIn: Math.max(0, Math.floor((token.expiresAt - config.clock.now()) / 1000)) };
  }

  async function tokenAnswer(userId: string, cors: Record<string, string>): Promise<Response> {
    const { accessToken, expiresIn } = await tokenFor(userId);
    return jsonResponse({ access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn }, 200, { Pragma: 'no-cache', ...cors });
  }

  async function forward(
    route: Extract<ProxyRoute, { kind: 'connect' }>,
    request: Request,
    body: string | undefined,
    userId: string,
    cors: Record<string, string>,
  ): Promise<Response> {
    let token = await tokens.get(userId);
    let answer = await forwardToConnect(route, request, body, token.accessToken, forwarding);
    if (answer.status === 401) {
      // Revoked or expired early: one new token, one more try. A second 401 goes to the browser.
      log.info('token_refused', 'Connect refused a cached token; minting a new one and retrying once.', 401);
      await tokens.discard(userId, token.accessToken);
      token = await tokens.get(userId);
      answer = await forwardToConnect(route, request, body, token.accessToken, forwarding);
    }
    return browserResponse(answer, token.accessToken, forwarding, cors);
  }

  return {
    basePath: config.basePath,
    owns: (target) => ownsPath(pathOf(target)),
    async handle(request) {
      const cors = corsHeaders(request, config.allowedOrigins);
      try {
        return await respond(request, cors);
      } catch (error) {
        if (isProxyError(error)) return withHeaders(error.toResponse(), cors);
        log.error('internal_error', `Unexpected ${errorName(error)} while answering a request.`, 500);
        return withHeaders(internalError().toResponse(), cors);
      }
    },
    tokenFor,
    forget: (userId) => tokens.forget(userId),
    close: async () => live?.close(),
  };
}

/** The signed-in customer's user id, or 401. A broken `userIdFor` is the retailer's bug: 500, logged. */
async function customerOf(request: Request, config: ResolvedOptions, log: ProxyLog): Promise<string> {
  let userId: unknown;
  try {
    userId = await config.userIdFor(request);
  } catch (error) {
    log.error('session_failed', `userIdFor threw ${errorName(error)}.`, 500);
    throw internalError();
  }
  if (userId === null || userId === undefined || userId === '') {
    throw new ProxyError({ status: 401, code: null, message: 'Sign in to see this order' });
  }
  if (typeof userId !== 'string' || userId.length > MAX_USER_ID_LENGTH) {
    log.error('session_failed', `userIdFor answered something that is not a user id (a string of at most ${MAX_USER_ID_LENGTH} characters).`, 500);
    throw internalError();
  }
  return userId;
}

/** The value, or the refusal thrown (the pipeline answers the first refusal). */
function orThrow<T>(value: T | ProxyError): T {
  if (isProxyError(value)) throw value;
  return value;
}

function internalError(): ProxyError {
  return new ProxyError({ status: 500, code: ConnectErrorCode.internal, message: 'Internal error' });
}

function pathOf(target: Request | URL | string): string {
  if (typeof target === 'string') return target.startsWith('/') ? target.split(/[?#]/, 1)[0] ?? '' : new URL(target).pathname;
  return target instanceof URL ? target.pathname : new URL(target.url).pathname;
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
