/**
 * Push, the kit's two live routes (docs/server-kit.md, "Live updates"):
 *
 * - `POST {basePath}/callbacks`: Instacart's event callbacks (docs/connect-api.md §6). Authenticated,
 *   bounded and parsed, deduplicated by event id, answered at once; the change goes out on the bus after.
 * - `GET {basePath}/events?order=…`: the page's stream of hints for one of its customer's orders, opened
 *   only after Connect, asked with that customer's token, shows them the order; bounded per customer and
 *   per process.
 *
 * Callbacks are hints, never the order's state: whatever their order of arrival, the page re-reads and
 * shows what Connect says now.
 */
import { readEventCallback } from './callback-payload.js';
import { resourcesOfEvent } from './callback-events.js';
import type { ProxyClock } from './clock.js';
import { EventStream } from './event-stream.js';
import { FALLBACK_RETRY_SECONDS, LiveHub } from './live-hub.js';
import type { ResolvedLiveOptions } from './live-options.js';
import { ConnectErrorCode, ProxyError, isProxyError, jsonResponse, notFound, tooManyRequests } from './proxy-error.js';
import { errorName, type ProxyLog } from './proxy-log.js';
import { isPlainId } from './routes.js';
import { SeenEvents } from './seen-events.js';

/** What the live routes need of the proxy: Connect's answer to the order, read with the customer's token. */
export type ReadOrderAsCustomer = (request: Request, userId: string, orderId: string) => Promise<Response>;

export interface LiveUpdates {
  /** `POST {basePath}/callbacks` (the route has checked the method). */
  receive(request: Request): Promise<Response>;
  /** `GET {basePath}/events`, for the signed-in `userId`; `cors` are the allow-listed origin's headers. */
  open(request: Request, userId: string, cors: Readonly<Record<string, string>>): Promise<Response>;
  /** Ends every stream and subscription. */
  close(): void;
}

/** How long, and how many, callback ids are remembered for deduplication. */
const SEEN_TTL_MS = 60 * 60_000;
const MAX_SEEN = 50_000;
/** The reconnection delay a stream suggests: random in this range, so a restart does not bring every page back at once. */
const RETRY_MS = { min: 2_000, max: 5_000 };
/** What a refused stream is asked to wait. */
const STREAM_RETRY_AFTER_SECONDS = 30;

export function createLiveUpdates(options: ResolvedLiveOptions, clock: ProxyClock, log: ProxyLog, readOrder: ReadOrderAsCustomer): LiveUpdates {
  const hub = new LiveHub(options.bus, clock);
  const seen = new SeenEvents(MAX_SEEN, SEEN_TTL_MS, clock);
  const streamsOf = new Map<string, number>();
  let streams = 0;

  async function receive(request: Request): Promise<Response> {
    if (!(await verified(request))) {
      log.warn('callback_refused', 'A callback without a valid bearer token was refused.', 401);
      throw new ProxyError({ status: 401, code: null, message: 'Callback not authenticated', headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    const callback = await readEventCallback(request, options.maxCallbackBytes);
    if (isProxyError(callback)) {
      log.warn('callback_invalid', `A callback was refused (${callback.key ?? 'body'}).`, callback.status);
      throw callback;
    }
    if (!(await firstSighting(`${callback.orderId}:${callback.eventId}`))) {
      log.info('callback_duplicate', 'A callback already received came again; not passed on.');
      return jsonResponse({});
    }
    const change = { orderId: callback.orderId, resources: resourcesOfEvent(callback.eventName) };
    const fanOut = options.bus.publish(change).catch((error: unknown) => {
      log.warn('bus_publish_failed', `A change could not be published (${errorName(error)}); pages poll instead.`);
    });
    options.waitUntil?.(fanOut);
    log.info('callback_received', `A callback asks pages to re-read: ${change.resources.join(', ')}.`);
    return jsonResponse({});
  }

  async function verified(request: Request): Promise<boolean> {
    try {
      // A clone: a check that reads the body (a signature) leaves it for the kit.
      return (await options.verifyCallback(request.clone())) === true;
    } catch (error) {
      log.error('callback_verify_failed', `verifyCallback threw ${errorName(error)}.`, 500);
      throw new ProxyError({ status: 500, code: ConnectErrorCode.internal, message: 'Internal error' });
    }
  }

  async function firstSighting(key: string): Promise<boolean> {
    if (!seen.firstSighting(key)) return false;
    if (!options.bus.claim) return true;
    try {
      return await options.bus.claim(`callback:${key}`, SEEN_TTL_MS);
    } catch {
      return true; // the shared memory is away; this server's own is all there is
    }
  }

  async function open(request: Request, userId: string, cors: Readonly<Record<string, string>>): Promise<Response> {
    const url = new URL(request.url);
    const orderId = url.searchParams.get('order');
    if (orderId === null) throw new ProxyError({ status: 400, code: ConnectErrorCode.invalidParameter, message: 'order is required', key: 'order' });
    if (!isPlainId(orderId)) throw notFound('order_id');
    const lastEventId = request.headers.get('Last-Event-ID') ?? url.searchParams.get('last_event_id') ?? undefined;
    const release = reserve(userId);
    try {
      const owned = await readOrder(request, userId, orderId);
      if (owned.status !== 200) {
        release();
        return owned; // Connect's own refusal: another customer's order is 404
      }
      await owned.body?.cancel();
      return await startStream(request, orderId, lastEventId, cors, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  async function startStream(request: Request, orderId: string, lastEventId: string | undefined, cors: Readonly<Record<string, string>>, release: () => void): Promise<Response> {
    let leave: (() => void) | undefined;
    const stream = new EventStream({
      clock,
      heartbeatMs: options.heartbeatMs,
      lifetimeMs: options.streamLifetimeMs,
      headers: cors,
      signal: request.signal,
      onEnd: () => {
        leave?.();
        release();
      },
    });
    const retryMs = RETRY_MS.min + Math.random() * (RETRY_MS.max - RETRY_MS.min);
    try {
      leave = await hub.join(orderId, stream, { retryMs, data: { order_id: orderId, heartbeat_ms: options.heartbeatMs } }, lastEventId);
    } catch (error) {
      stream.end();
      log.warn('bus_unavailable', `The change bus is unavailable (${errorName(error)}); the page polls instead.`, 503);
      throw new ProxyError({
        status: 503,
        code: ConnectErrorCode.retryLater,
        message: 'Live updates are unavailable; poll instead',
        headers: { 'Retry-After': String(FALLBACK_RETRY_SECONDS) },
      });
    }
    if (stream.ended) leave();
    return stream.response;
  }

  /** Counts a stream against the bounds, or refuses it; the answer releases it, once. */
  function reserve(userId: string): () => void {
    if (streams >= options.maxStreams) {
      log.warn('streams_full', 'This server holds as many streams as it may.', 503);
      throw new ProxyError({
        status: 503,
        code: ConnectErrorCode.retryLater,
        message: 'Too many live streams on this server; poll instead',
        headers: { 'Retry-After': String(STREAM_RETRY_AFTER_SECONDS) },
      });
    }
    if ((streamsOf.get(userId) ?? 0) >= options.maxStreamsPerCustomer) {
      log.info('streams_per_customer', 'A customer has as many streams open as they may.', 429);
      throw tooManyRequests('Too many live streams for this customer', STREAM_RETRY_AFTER_SECONDS);
    }
    streams += 1;
    streamsOf.set(userId, (streamsOf.get(userId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      streams -= 1;
      const left = (streamsOf.get(userId) ?? 1) - 1;
      if (left > 0) streamsOf.set(userId, left);
      else streamsOf.delete(userId);
    };
  }

  return { receive, open, close: () => hub.close() };
}
