/**
 * Where the kit keeps each customer's user access token between requests. One process uses the in-memory
 * store; a retailer running several servers can share tokens through any key-value store (Redis,
 * Memcached, a database) by implementing `TokenStore`, so customers do not get one token per server.
 */
import { LruMap } from './bounded-map.js';

/** A user access token as the kit caches it. */
export interface StoredToken {
  /** The bearer token. Treat it as a password: it reads that customer's orders. */
  accessToken: string;
  /** When Connect stops accepting it, in ms since the epoch. */
  expiresAt: number;
  /** When the kit stops handing it out and mints a new one (a little before `expiresAt`), in ms since the epoch. */
  refreshAt: number;
}

/**
 * The token cache's storage, keyed by the retailer's user id. Methods may answer synchronously or with a
 * promise. The kit checks freshness itself, so a store may keep an entry past `expiresAt` (a shared store
 * should still expire entries at `expiresAt`, e.g. Redis `SET key value PXAT expiresAt`). A value the
 * store answers that is not a well-formed `StoredToken` is ignored, and a store that throws is treated as
 * empty (the kit logs it and mints), so an outage of a shared store slows customers down but does not
 * lock them out.
 */
export interface TokenStore {
  get(userId: string): StoredToken | undefined | Promise<StoredToken | undefined>;
  set(userId: string, token: StoredToken): void | Promise<void>;
  delete(userId: string): void | Promise<void>;
}

export interface MemoryTokenStoreOptions {
  /** Customers whose tokens are kept; the least recently used is forgotten first. Default 10,000. */
  maxEntries?: number;
}

/** The default store: this process's memory, bounded, least recently used customer forgotten first. */
export class MemoryTokenStore implements TokenStore {
  readonly #tokens: LruMap<string, StoredToken>;

  constructor(options: MemoryTokenStoreOptions = {}) {
    this.#tokens = new LruMap(options.maxEntries ?? 10_000);
  }

  /** How many customers' tokens are held. */
  get size(): number {
    return this.#tokens.size;
  }

  get(userId: string): StoredToken | undefined {
    return this.#tokens.get(userId);
  }

  set(userId: string, token: StoredToken): void {
    this.#tokens.set(userId, token);
  }

  delete(userId: string): void {
    this.#tokens.delete(userId);
  }
}

/** Whether a value read from a (possibly shared, possibly stale-schema) store is a usable StoredToken. */
export function isStoredToken(value: unknown): value is StoredToken {
  if (typeof value !== 'object' || value === null) return false;
  const token = value as Record<string, unknown>;
  return (
    typeof token.accessToken === 'string' &&
    token.accessToken.length > 0 &&
    Number.isFinite(token.expiresAt) &&
    Number.isFinite(token.refreshAt)
  );
}
