/**
 * The `live` option of `createConnectProxy`: push through event callbacks and a stream to the page
 * (docs/server-kit.md, "Live updates"). Checked at start-up, like the rest of the options, and no message
 * quotes a callback token.
 */
import { MemoryChangeBus, type ChangeBus } from './change-bus.js';
import { bearerTokenCheck, type VerifyCallback } from './callback-auth.js';
import { positive } from './option-checks.js';

export interface LiveUpdatesOptions {
  /**
   * Bearer tokens Instacart's callbacks may carry, each at least 16 characters (two during a rotation).
   * The default check; `verifyCallback` replaces it. One of the two is required.
   */
  callbackTokens?: readonly string[];
  /** Your own check of a callback request (e.g. of tokens your OAuth endpoint issued): true lets it in. */
  verifyCallback?: VerifyCallback;
  /** How changes reach streams on every server. Default `new MemoryChangeBus()` (this process alone). */
  bus?: ChangeBus;
  /** A heartbeat is sent this often. Default 20. */
  heartbeatSeconds?: number;
  /** A stream ends after this long and the page reconnects (its ownership is checked again). Default 900. */
  streamLifetimeSeconds?: number;
  /** Streams one customer may hold open. Default 8. */
  maxStreamsPerCustomer?: number;
  /** Streams this process holds open. Default 10,000. */
  maxStreams?: number;
  /** Largest callback body accepted. Default 64 KiB; 413 above. */
  maxCallbackBytes?: number;
  /** Keeps the fan-out alive after the callback was answered (a Worker's `ctx.waitUntil`). Default none. */
  waitUntil?: (promise: Promise<unknown>) => void;
}

export interface ResolvedLiveOptions {
  verifyCallback: VerifyCallback;
  bus: ChangeBus;
  heartbeatMs: number;
  streamLifetimeMs: number;
  maxStreamsPerCustomer: number;
  maxStreams: number;
  maxCallbackBytes: number;
  waitUntil: ((promise: Promise<unknown>) => void) | undefined;
}

const MIN_TOKEN_LENGTH = 16;

export function resolveLiveOptions(options: LiveUpdatesOptions): ResolvedLiveOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('live must be an options object');
  const { callbackTokens, verifyCallback } = options;
  if (verifyCallback !== undefined && typeof verifyCallback !== 'function') throw new TypeError('live.verifyCallback must be a function (request) => boolean');
  if (callbackTokens !== undefined) {
    if (!Array.isArray(callbackTokens) || callbackTokens.length === 0) throw new TypeError('live.callbackTokens must be a non-empty list');
    for (const token of callbackTokens) {
      if (typeof token !== 'string' || token.trim().length < MIN_TOKEN_LENGTH || token !== token.trim()) {
        throw new TypeError(`live.callbackTokens must hold tokens of at least ${MIN_TOKEN_LENGTH} characters, without surrounding spaces`);
      }
    }
  }
  if (!verifyCallback && !callbackTokens) throw new TypeError('live needs callbackTokens or verifyCallback: callbacks must be authenticated');
  const bus = options.bus ?? new MemoryChangeBus();
  if (typeof bus.publish !== 'function' || typeof bus.subscribe !== 'function') throw new TypeError('live.bus must be a ChangeBus');
  return {
    verifyCallback: verifyCallback ?? bearerTokenCheck(callbackTokens ?? []),
    bus,
    heartbeatMs: positive('live.heartbeatSeconds', options.heartbeatSeconds, 20) * 1000,
    streamLifetimeMs: positive('live.streamLifetimeSeconds', options.streamLifetimeSeconds, 900) * 1000,
    maxStreamsPerCustomer: positive('live.maxStreamsPerCustomer', options.maxStreamsPerCustomer, 8),
    maxStreams: positive('live.maxStreams', options.maxStreams, 10_000),
    maxCallbackBytes: positive('live.maxCallbackBytes', options.maxCallbackBytes, 64 * 1024),
    waitUntil: options.waitUntil,
  };
}
