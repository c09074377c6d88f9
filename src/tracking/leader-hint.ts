/**
 * A note the leading tab of an order leaves where a tab that opens can read it at once (localStorage), so the
 * newcomer knows without waiting for the Web Lock's answer whether to read the API itself or to wait for the
 * leader's data. The lock stays the authority: a stale or forged note only costs the newcomer the lock's
 * round trip before it reads.
 */
import type { Clock } from '../common/clock.js';

/** Where the note is kept: the page's localStorage, or an in-memory one in tests. */
export interface HintStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** A note older than this is from a tab that closed or froze without taking it away. */
const FRESH_MS = 10_000;
/** How often a leader renews its note. */
const RENEW_MS = 4_000;

export class LeaderHint {
  readonly #id = Math.random().toString(36).slice(2);
  #renewal: unknown;

  constructor(
    readonly store: HintStore,
    readonly key: string,
    readonly clock: Clock,
  ) {}

  /** Whether another tab says, recently enough, that it leads (or is about to). */
  anotherLeads(): boolean {
    const [id, at] = (this.store.get(this.key) ?? '').split(' ');
    return !!id && id !== this.#id && this.clock.now() - Number(at) < FRESH_MS;
  }

  /** Says this tab leads (or is about to: tabs opening just after it then wait for it), and keeps saying it. */
  claim(): void {
    this.#write();
    this.clock.clearTimeout(this.#renewal);
    const renew = () => {
      this.#write();
      this.#renewal = this.clock.setTimeout(renew, RENEW_MS);
    };
    this.#renewal = this.clock.setTimeout(renew, RENEW_MS);
  }

  /** This tab no longer leads: the note goes, unless another tab's note replaced it. */
  release(): void {
    this.clock.clearTimeout(this.#renewal);
    this.#renewal = undefined;
    if ((this.store.get(this.key) ?? '').startsWith(`${this.#id} `)) this.store.remove(this.key);
  }

  #write(): void {
    this.store.set(this.key, `${this.#id} ${this.clock.now()}`);
  }
}

/** The page's localStorage as a HintStore, or null where it cannot be used (sandboxed frames, disabled storage). */
export function localStorageHints(): HintStore | null {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    return {
      get: (key) => storage.getItem(key),
      // A full or refused storage only costs the next tab a lock round trip.
      set: (key, value) => {
        try {
          storage.setItem(key, value);
        } catch {
          // ignored: see above
        }
      },
      remove: (key) => storage.removeItem(key),
    };
  } catch {
    return null;
  }
}
