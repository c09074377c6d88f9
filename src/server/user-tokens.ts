/**
 * Each customer's user access token (docs/connect-api.md §4): minted with the retailer's credentials the
 * first time that customer needs one, reused until shortly before it expires, and minted only once however
 * many of that customer's requests arrive together. A token Connect refused is discarded, but only if it is
 * still the one stored, so several requests failing with the same token cause one new mint, not several.
 */
import type { ProxyClock } from './clock.js';
import { errorName, type ProxyLog } from './proxy-log.js';
import { isStoredToken, type StoredToken, type TokenStore } from './token-store.js';

/** Gets a new token for a user from Connect. */
export type MintUserToken = (userId: string) => Promise<StoredToken>;

export class UserTokens {
  readonly #store: TokenStore;
  readonly #mint: MintUserToken;
  readonly #clock: ProxyClock;
  readonly #log: ProxyLog;
  /** The one mint in flight per user (per process: a shared store cannot hold promises). */
  readonly #minting = new Map<string, Promise<StoredToken>>();

  constructor(store: TokenStore, mint: MintUserToken, clock: ProxyClock, log: ProxyLog) {
    this.#store = store;
    this.#mint = mint;
    this.#clock = clock;
    this.#log = log;
  }

  /** A token for `userId` that is good for a while yet: the stored one, or a new one. */
  async get(userId: string): Promise<StoredToken> {
    const inFlight = this.#minting.get(userId);
    if (inFlight) return inFlight;
    const stored = await this.#read(userId);
    if (stored && this.#clock.now() < stored.refreshAt) return stored;
    // Another request may have started a mint while the store was being read.
    let minting = this.#minting.get(userId);
    if (!minting) {
      minting = this.#mintAndStore(userId).finally(() => this.#minting.delete(userId));
      this.#minting.set(userId, minting);
    }
    return minting;
  }

  /** Connect refused `accessToken`: stop using it, unless a newer token has replaced it already. */
  async discard(userId: string, accessToken: string): Promise<void> {
    const stored = await this.#read(userId);
    if (stored?.accessToken === accessToken) await this.forget(userId);
  }

  /** Drops the user's token (e.g. when the customer signs out). */
  async forget(userId: string): Promise<void> {
    try {
      await this.#store.delete(userId);
    } catch (error) {
      this.#log.warn('token_store_failed', `The token store could not delete a token (${errorName(error)}).`);
    }
  }

  async #read(userId: string): Promise<StoredToken | undefined> {
    try {
      const value: unknown = await this.#store.get(userId);
      return isStoredToken(value) ? value : undefined;
    } catch (error) {
      this.#log.warn('token_store_failed', `The token store could not be read (${errorName(error)}); minting instead.`);
      return undefined;
    }
  }

  async #mintAndStore(userId: string): Promise<StoredToken> {
    const token = await this.#mint(userId);
    try {
      await this.#store.set(userId, token);
    } catch (error) {
      // The token is still good for this request; the next one mints again.
      this.#log.warn('token_store_failed', `The token store could not keep a token (${errorName(error)}).`);
    }
    return token;
  }
}

