/**
 * Time, visibility and connectivity come in through these small interfaces so that tests drive a
 * one-hour order lifecycle in milliseconds, and a hidden or offline page can be simulated without a browser
 * doing it.
 */

import { browserClock, type Clock } from '../common/clock.js';
import type { OpenStream } from './live-stream.js';
import { browserTabServices, type TabServices } from './tab-coordinator.js';

export type { Clock, TimerHandle } from '../common/clock.js';

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
  /** Opens the retailer's live stream (proxy mode only); omit to poll only. */
  openStream?: OpenStream;
}

const documentVisibility: Visibility = {
  isVisible: () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
  subscribe(callback) {
    if (typeof document === 'undefined') return () => {};
    document.addEventListener('visibilitychange', callback);
    return () => document.removeEventListener('visibilitychange', callback);
  },
};

const navigatorConnectivity: Connectivity = {
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
  openStream: typeof EventSource === 'function' ? (url) => new EventSource(url) : undefined,
};
