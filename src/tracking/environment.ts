/**
 * Time, visibility and connectivity come in through these small interfaces so that tests drive a
 * one-hour order lifecycle in milliseconds, and a hidden or offline page can be simulated without a browser
 * doing it.
 */

import { browserTabServices, type TabServices } from './tab-coordinator.js';

export type TimerHandle = unknown;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Whether the page is being looked at (document.visibilityState). */
export interface Visibility {
  isVisible(): boolean;
  /** Calls back on every change; returns an unsubscribe function. */
  subscribe(callback: () => void): () => void;
}

/** Whether the browser believes it is online (navigator.onLine and online/offline events). */
export interface Connectivity {
  isOnline(): boolean;
  subscribe(callback: () => void): () => void;
}

export interface TrackingEnvironment {
  clock: Clock;
  visibility: Visibility;
  connectivity: Connectivity;
  /** Uniform in [0, 1): the jitter of retry delays. */
  random: () => number;
  /** How tabs of one browser share the polling; omit to have each tracker poll on its own. */
  tabs?: TabServices;
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

export const documentVisibility: Visibility = {
  isVisible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
  subscribe(callback) {
    if (typeof document === 'undefined') return () => {};
    document.addEventListener('visibilitychange', callback);
    return () => document.removeEventListener('visibilitychange', callback);
  },
};

export const navigatorConnectivity: Connectivity = {
  isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  subscribe(callback) {
    if (typeof window === 'undefined') return () => {};
    window.addEventListener('online', callback);
    window.addEventListener('offline', callback);
    return () => {
      window.removeEventListener('online', callback);
      window.removeEventListener('offline', callback);
    };
  },
};

export const browserEnvironment: TrackingEnvironment = {
  clock: browserClock,
  visibility: documentVisibility,
  connectivity: navigatorConnectivity,
  random: Math.random,
  tabs: browserTabServices,
};
