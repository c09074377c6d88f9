/**
 * The rules of being signed in, for one order's tracker: every call gets the current token; a 401 gets one
 * fresh token, shared by every call that failed with the same one; a second 401 in a row means the customer
 * must sign in again; and a customer who comes back to the page after that is given one more chance, since
 * they may have signed in again elsewhere meanwhile.
 */
import { ApiError } from '../api/api-error.js';
import type { CallOptions } from '../api/types.js';
import type { Clock } from '../common/clock.js';
import { TokenSource, type TokenSourceOptions } from './token-source.js';

/**
 * How the page says calls are authorised: a token from the elements' `token`, `token-url` or
 * `tokenProvider`, or `proxy`: the API base is the retailer's own proxy, which knows the customer by the
 * page's session cookie, and the page holds no token at all (a token setting is then ignored).
 */
export type TokenSettings = Pick<TokenSourceOptions, 'token' | 'tokenUrl' | 'tokenProvider'> & { proxy?: boolean };

export interface AuthSessionOptions {
  settings: TokenSettings;
  fetch?: typeof fetch;
  clock: Clock;
  /** A return to the page asks again for a token at most this often after "sign in again". */
  minSignInRetryGapMs: number;
}

/**
 * A call given its own way to be authorised: its own token getter (so a 401 is known to answer that token and
 * no other), or `session` through the retailer's proxy.
 */
export type AuthorizedCall<T> = (auth: Pick<CallOptions, 'getToken' | 'session'>) => Promise<T>;

export class AuthSession {
  #settings: TokenSettings;
  #tokens: TokenSource;
  #lastSignInRetryAt = -Infinity;

  readonly #options: AuthSessionOptions;

  constructor(options: AuthSessionOptions) {
    this.#options = options;
    this.#settings = options.settings;
    this.#tokens = this.#tokenSource();
  }

  /** Whether the page gave any way to authorise calls at all. */
  get configured(): boolean {
    return this.#settings.proxy === true || this.#tokens.configured;
  }

  /** New settings from the page (a fresh server-rendered token, a new provider): used from the next call. */
  useSettings(settings: TokenSettings): void {
    this.#settings = settings;
    this.#tokens = this.#tokenSource();
  }

  /**
   * Runs `call` with the current token. A 401 is retried once with a fresh token when one may fix it; what
   * still fails is thrown, and an `auth` error that comes out means the customer must sign in again.
   */
  async run<T>(call: AuthorizedCall<T>): Promise<T> {
    // The proxy knows the customer by their session: a 401 from it means that session is over.
    if (this.#settings.proxy) return call({ session: true });
    for (let attempt = 1; ; attempt += 1) {
      const tokens = this.#tokens;
      let generation = 0;
      const getToken = async () => {
        const issued = await tokens.get();
        generation = issued.generation;
        return issued.token;
      };
      try {
        const result = await call({ getToken });
        tokens.accepted();
        return result;
      } catch (error) {
        const refreshable = error instanceof ApiError && error.kind === 'auth' && generation > 0;
        if (refreshable && attempt === 1 && tokens.rejected(generation)) continue;
        throw error;
      }
    }
  }

  /**
   * After "sign in again", a return to the page may try once more: only a source that can give a new token
   * (a token URL or a provider), or the proxy (the customer may have signed in again in another tab), is worth
   * asking, and not more often than `minSignInRetryGapMs`. A yes starts
   * over with fresh tokens.
   */
  mayRetrySignIn(): boolean {
    const now = this.#options.clock.now();
    if (!(this.#settings.proxy || this.#settings.tokenUrl || this.#settings.tokenProvider)) return false;
    if (now - this.#lastSignInRetryAt < this.#options.minSignInRetryGapMs) return false;
    this.#lastSignInRetryAt = now;
    this.#tokens = this.#tokenSource();
    return true;
  }

  #tokenSource(): TokenSource {
    return new TokenSource({ ...this.#settings, fetch: this.#options.fetch, clock: this.#options.clock });
  }
}
