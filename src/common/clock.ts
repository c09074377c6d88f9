/**
 * Time as the tracker sees it: `now` and timers, behind an interface so tests drive an hour of polling in
 * milliseconds (the test kit's ManualClock) and the page uses the browser's own.
 */
export type TimerHandle = unknown;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The longest delay a browser timer keeps: a longer one (2^31 ms and up, about 25 days) runs at once. A page
 * with a huge `poll-interval` would otherwise poll in a tight loop; waiting 25 days instead is harmless.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export const browserClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, Math.min(ms, MAX_TIMER_DELAY_MS)),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
