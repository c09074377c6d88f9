/**
 * Where the user access token comes from: the `token` attribute (server-rendered pages), a `token-url` on the
 * retailer's own server that answers `{access_token, expires_in}`, or a `tokenProvider` function. The token is
 * cached until shortly before it expires; a 401 invalidates it once, and every request that failed with the
 * same token shares the one refresh. The token never appears in a URL, a message or a log.
 */
import { ApiError } from '../api/api-error.js';
import type { Clock } from '../common/clock.js';

export interface TokenSourceOptions {
  /** A token given directly. Used first; a 401 then falls back to the URL or provider, if any. */
  token?: string;
  /** Same-origin URL on the retailer's server answering `{"access_token": "…", "expires_in": 86400}`. */
  tokenUrl?: string;
  /** For hosts that get tokens in script. */
  tokenProvider?: () => Promise<string>;
  fetch?: typeof fetch;
  clock: Pick<Clock, 'now'>;
}

export interface IssuedToken {
  token: string;
  /** Increases with every token obtained; a 401 names the generation it was answered to. */
  generation: number;
}

/** A token is renewed this long before its `expires_in` runs out, so no call races the expiry. */
const EXPIRY_MARGIN_MS = 60_000;

export class TokenSource {
  #cached: { token: string; expiresAt: number } | undefined;
  #pending: Promise<IssuedToken> | undefined;
  #generation = 0;
  #usedGivenToken = false;
  /** Generations that got a 401 in a row with no success in between. */
  #rejectionsInARow = 0;
  #rejectedGeneration = 0;
  #verdict = true;
  /** The token URL is asked again because Connect refused its token: say so, or it may answer the same one. */
  #refused = false;

  readonly #options: TokenSourceOptions;

  constructor(options: TokenSourceOptions) {
    this.#options = options;
  }

  /** Whether there is any way to get a token at all. */
  get configured(): boolean {
    return Boolean(this.#options.token || this.#options.tokenUrl || this.#options.tokenProvider);
  }

  /** A token to use now: the cached one while it is fresh, otherwise a new one (one fetch for all callers). */
  async get(): Promise<IssuedToken> {
    if (!this.#fresh()) {
      this.#pending ??= this.#obtain().finally(() => {
        this.#pending = undefined;
      });
    }
    // A token given as it is is cached at once: the caller that asked first then gets it first (and its
    // request leaves first), instead of overtaken by the callers after it, which find it cached.
    return this.#fresh() ? { token: this.#cached!.token, generation: this.#generation } : this.#pending!;
  }

  #fresh(): boolean {
    return this.#cached !== undefined && this.#options.clock.now() < this.#cached.expiresAt;
  }

  /**
   * A call answered 401 with the token of `generation`. Returns whether a fresh token may fix it: false when
   * there is no other source, or when the refreshed token was refused too (the customer must sign in again).
   */
  rejected(generation: number): boolean {
    // Several calls failing with the same token share one verdict and one refresh.
    if (generation === this.#rejectedGeneration) return this.#verdict;
    if (generation !== this.#generation) return true; // a newer token exists already: just retry
    this.#rejectedGeneration = generation;
    this.#rejectionsInARow += 1;
    this.#cached = undefined;
    this.#refused = true;
    this.#verdict = this.#rejectionsInARow < 2 && Boolean(this.#options.tokenUrl || this.#options.tokenProvider);
    return this.#verdict;
  }

  /** A call succeeded: the current token is good. */
  accepted(): void {
    this.#rejectionsInARow = 0;
  }

  async #obtain(): Promise<IssuedToken> {
    const { token, tokenUrl, tokenProvider } = this.#options;
    let next: { token: string; expiresAt: number };
    if (token && !this.#usedGivenToken) {
      this.#usedGivenToken = true;
      next = { token, expiresAt: Infinity };
    } else if (tokenProvider) {
      next = { token: await this.#fromProvider(tokenProvider), expiresAt: Infinity };
    } else if (tokenUrl) {
      next = await this.#fromUrl(tokenUrl);
    } else if (token) {
      // Only a fixed token: it is all there is, even after a 401 (the caller decides what a second 401 means).
      next = { token, expiresAt: Infinity };
    } else {
      throw new ApiError({ kind: 'auth', message: 'No token: set the token or token-url attribute, or a tokenProvider.' });
    }
    if (!next.token) throw new ApiError({ kind: 'auth', message: 'The token source gave an empty token.' });
    this.#cached = next;
    this.#generation += 1;
    return { token: next.token, generation: this.#generation };
  }

  async #fromProvider(provider: () => Promise<string>): Promise<string> {
    try {
      const token = await provider();
      if (typeof token !== 'string') throw new TypeError('tokenProvider did not resolve to a string');
      return token;
    } catch (cause) {
      throw new ApiError({ kind: 'auth', message: 'The tokenProvider could not give a token.', cause });
    }
  }

  async #fromUrl(tokenUrl: string): Promise<{ token: string; expiresAt: number }> {
    const fetchImpl = this.#options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      // Same-origin cookies identify the customer to the retailer's server; never cache a token.
      response = await fetchImpl(tokenUrl, {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: this.#refused ? { Accept: 'application/json', 'X-Token-Refused': '1' } : { Accept: 'application/json' },
      });
      this.#refused = false;
    } catch (cause) {
      throw new ApiError({ kind: 'network', message: 'Could not reach the token URL.', cause });
    }
    if (response.status === 401 || response.status === 403) {
      throw new ApiError({ kind: 'auth', status: response.status, message: `The token URL refused (HTTP ${response.status}).` });
    }
    if (!response.ok) {
      throw new ApiError({
        kind: response.status >= 500 ? 'server' : 'auth',
        status: response.status,
        message: `The token URL answered HTTP ${response.status}.`,
      });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new ApiError({ kind: 'invalid_response', message: 'The token URL did not answer JSON.', cause });
    }
    const record = (body ?? {}) as Record<string, unknown>;
    const token = record.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new ApiError({ kind: 'invalid_response', message: 'The token URL answer has no access_token.' });
    }
    const expiresIn = Number(record.expires_in);
    const lifetimeMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : 24 * 3600_000;
    const margin = Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 10);
    return { token, expiresAt: this.#options.clock.now() + lifetimeMs - margin };
  }
}
