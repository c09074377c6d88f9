/**
 * Retry delays after a failure that may pass (408, 429, 5xx, network, timeout, malformed body):
 * capped exponential backoff with full jitter, as AWS's "Exponential Backoff and Jitter" recommends, so that
 * thousands of pages that failed together do not retry together. A `Retry-After` from the server is a floor.
 */

export interface BackoffOptions {
  /** The first retry waits up to this long: the endpoint's poll interval. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
  /** Never retry sooner than this (keeps a jitter of ~0 from hammering the server). */
  minMs: number;
}

export const DEFAULT_BACKOFF_CAP_MS = 5 * 60_000;

/**
 * The wait before retry number `attempt` (1 for the first retry).
 * The first retry waits on average about one interval (uniform up to two), each further one up to twice as long.
 * @param random uniform in [0, 1)
 * @param retryAfterMs the server's `Retry-After`, honoured as a minimum
 */
export function retryDelay(attempt: number, options: BackoffOptions, random: number, retryAfterMs?: number): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(1, attempt));
  const jittered = Math.max(options.minMs, Math.round(ceiling * random));
  return retryAfterMs !== undefined && retryAfterMs > jittered ? Math.min(retryAfterMs, options.capMs * 2) : jittered;
}
