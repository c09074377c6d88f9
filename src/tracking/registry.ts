/**
 * One OrderTracker per (api-base, order-id) on the page: three elements of one order, or ten, share it and so
 * make one request per endpoint per tick. The tracker lives while at least one of them is connected.
 */
import { browserEnvironment, type TrackingEnvironment } from './environment.js';
import { orderKey } from './order-key.js';
import { OrderTracker, type TrackerConfig } from './tracker.js';

const trackers = new Map<string, OrderTracker>();

let environment: TrackingEnvironment = browserEnvironment;
let fetchImpl: typeof fetch | undefined;

/**
 * Replaces time, visibility, connectivity (and optionally fetch) for trackers created from now on.
 * Tests use it to run a lifecycle instantly; pages never need it.
 */
export function configureTracking(options: { env?: Partial<TrackingEnvironment>; fetch?: typeof fetch }): void {
  // Now, not at the end of the task: no tracker outlives the environment it was made with.
  stopUnheldTrackers();
  environment = { ...browserEnvironment, ...options.env };
  fetchImpl = options.fetch;
}

export function resetTrackingConfiguration(): void {
  stopUnheldTrackers();
  environment = browserEnvironment;
  fetchImpl = undefined;
}

/** Stops and forgets every tracker no element holds. */
function stopUnheldTrackers(): void {
  for (const [key, tracker] of trackers) {
    if (tracker.subscriberCount > 0) continue;
    trackers.delete(key);
    tracker.stop();
  }
}

/** The shared tracker of an order, created on first use. */
export function acquireTracker(config: Omit<TrackerConfig, 'env' | 'fetch'>): OrderTracker {
  const key = orderKey(config.apiBase, config.orderId);
  let tracker = trackers.get(key);
  if (!tracker) {
    tracker = new OrderTracker({ ...config, env: environment, fetch: fetchImpl });
    trackers.set(key, tracker);
  }
  return tracker;
}

/**
 * Called after an element unsubscribed: the last one out stops every timer and request, at the end of the
 * current task. An element that is only moved (removed and inserted again at once, as frameworks and CMS
 * scripts do, and as `<order-tracker>` may do with its parts) comes back before then and finds its tracker as
 * it was: what it showed stays on screen, and nothing is asked again.
 */
export function releaseTracker(tracker: OrderTracker): void {
  // Any tracker still unheld then is one whose last element left during this task.
  if (tracker.subscriberCount === 0) queueMicrotask(stopUnheldTrackers);
}

/** How many trackers are alive (for tests and diagnostics). */
export function liveTrackerCount(): number {
  return trackers.size;
}
