/**
 * The callbacks already received, so a duplicate goes no further (docs/connect-api.md §6: the same event
 * can arrive more than once). Bounded in count and in time: an entry is forgotten after `ttlMs` or when
 * `maxEntries` newer ones push it out. Forgetting is safe, because a callback is only a hint to re-read: a
 * duplicate that gets through costs the page one more read, never a wrong state.
 */
import { LruMap } from './bounded-map.js';
import type { ProxyClock } from './clock.js';

export class SeenEvents {
  readonly #expiries: LruMap<string, number>;
  readonly #ttlMs: number;
  readonly #clock: ProxyClock;

  constructor(maxEntries: number, ttlMs: number, clock: ProxyClock) {
    this.#expiries = new LruMap(maxEntries);
    this.#ttlMs = ttlMs;
    this.#clock = clock;
  }

  /** True the first time `key` is seen within the time-to-live, and from then on remembers it. */
  firstSighting(key: string): boolean {
    const now = this.#clock.now();
    const expiresAt = this.#expiries.get(key);
    if (expiresAt !== undefined && now < expiresAt) return false;
    this.#expiries.set(key, now + this.#ttlMs);
    return true;
  }
}
