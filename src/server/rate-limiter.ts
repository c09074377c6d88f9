/**
 * A token bucket per customer, so one broken page (a reload loop, a script polling every 100 ms) cannot
 * spend the retailer's Connect quota, which is shared by every customer (Connect rate-limits per second,
 * docs/connect-api.md §3). The widget itself needs about 4 requests per 15 s per order; the default allows
 * 1 request per second sustained (15 per 15 s: four orders polling at once, or one page polling every 4 s)
 * and bursts of 30 (a page load asks 4–5 things at once; that is several reloads in a row).
 */
import { LruMap } from './bounded-map.js';
import type { ProxyClock } from './clock.js';

/** How many requests one customer may make. */
export interface CustomerRateLimit {
  /** Requests a customer may make at once after being idle. Default 30. */
  burst: number;
  /** Requests per second a customer may keep making. Default 1. */
  perSecond: number;
}

export const DEFAULT_RATE_LIMIT: Readonly<CustomerRateLimit> = { burst: 30, perSecond: 1 };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class CustomerRateLimiter {
  readonly #limit: CustomerRateLimit;
  readonly #clock: ProxyClock;
  /** Bounded: a forgotten customer starts again with a full bucket, which only ever errs toward serving. */
  readonly #buckets: LruMap<string, Bucket>;

  constructor(limit: CustomerRateLimit, clock: ProxyClock, maxCustomers: number) {
    if (!(limit.burst >= 1 && Number.isFinite(limit.burst))) throw new RangeError('rateLimit.burst must be at least 1');
    if (!(limit.perSecond > 0 && Number.isFinite(limit.perSecond))) throw new RangeError('rateLimit.perSecond must be above 0');
    this.#limit = limit;
    this.#clock = clock;
    this.#buckets = new LruMap(maxCustomers);
  }

  /** Counts a request of `userId`: 0 when it may go ahead, else the seconds until it may. */
  take(userId: string): number {
    const now = this.#clock.now();
    const bucket = this.#buckets.get(userId) ?? { tokens: this.#limit.burst, updatedAt: now };
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(this.#limit.burst, bucket.tokens + elapsedSeconds * this.#limit.perSecond);
    bucket.updatedAt = now;
    this.#buckets.set(userId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return (1 - bucket.tokens) / this.#limit.perSecond;
  }
}
