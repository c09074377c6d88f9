/**
 * One OrderTracker per (api-base, order-id) on the page: three elements of one order, or ten, share it and so
 * make one request per endpoint per tick. The tracker lives while at least one of them is connected.
 */
import { browserEnvironment, type TrackingEnvironment } from './environment.js';
import { OrderTracker, type TrackerConfig } from './order-tracker.js';

const trackers = new Map<string, OrderTracker>();

let environment: TrackingEnvironment = browserEnvironment;
let fetchImpl: typeof fetch | undefined;

/**
 * Replaces time, visibility, connectivity (and optionally fetch) for trackers created from now on.
 * Tests use it to run a lifecycle instantly; pages never need it.
 */
export function configureTracking(options: { env?: Partial<TrackingEnvironment>; fetch?: typeof fetch }): void {
  environment = { ...browserEnvironment, ...options.env };
  fetchImpl = options.fetch;
}

export function resetTrackingConfiguration(): void {
  environment = browserEnvironment;
  fetchImpl = undefined;
}

export function trackerKey(apiBase: string, orderId: string): string {
  return `${apiBase.replace(/\/+$/, '')}\n${orderId}`;
}

/** The shared tracker of an order, created on first use. */
export function acquireTracker(config: Omit<TrackerConfig, 'env' | 'fetch'>): OrderTracker {
  const key = trackerKey(config.apiBase, config.orderId);
  let tracker = trackers.get(key);
  if (!tracker) {
    tracker = new OrderTracker({ ...config, env: environment, fetch: fetchImpl });
    trackers.set(key, tracker);
  }
  return tracker;
}

/** Called after an element unsubscribed: the last one out stops every timer and request. */
export function releaseTracker(tracker: OrderTracker): void {
  if (tracker.subscriberCount > 0) return;
  tracker.stop();
  for (const [key, value] of trackers) if (value === tracker) trackers.delete(key);
}

/** How many trackers are alive (for tests and diagnostics). */
export function liveTrackerCount(): number {
  return trackers.size;
}
