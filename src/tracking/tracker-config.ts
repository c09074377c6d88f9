/** What an OrderTracker is set up with, and the fixed timings it keeps. */
import type { TokenSettings } from '../auth/auth-session.js';
import type { TrackingEnvironment } from './environment.js';

export interface TrackerConfig {
  apiBase: string;
  orderId: string;
  /** Seconds between polls of an active endpoint (minimum 1). */
  pollIntervalSeconds: number;
  tokens: TokenSettings;
  acceptLanguage?: string;
  fetch?: typeof fetch;
  env: TrackingEnvironment;
}

/** A page that comes back into view reads again, but not more often than this however often it flips. */
export const MIN_REFRESH_GAP_MS = 5_000;
/** Requests give up after this long (kind `timeout`) and are retried with backoff. */
export const REQUEST_TIMEOUT_MS = 20_000;
