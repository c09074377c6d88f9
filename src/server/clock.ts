/**
 * Time comes in through this interface so tests move a token's lifetime, a rate limit's refill or an
 * upstream timeout forward instantly instead of waiting for them.
 */

/** What the kit needs of time. `ManualClock`-style test clocks fit it as they are. */
export interface ProxyClock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The runtime's own clock (every runtime the kit targets has these globals). */
export const systemClock: ProxyClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
