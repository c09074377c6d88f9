/**
 * Whether this tab keeps the order's live stream open, and the stream itself, loaded only when wanted: in
 * proxy mode (the stream is the retailer's kit's) where the browser has EventSource, in the tab that reads
 * (leader or alone: other tabs hear the answers it reads), until the order is finished. The stream's code is
 * a chunk of its own, so pages that never use it never load it.
 */
import { normaliseApiBase } from '../api/api-base.js';
import type { Order, OrderResource } from '../api/types.js';
import { activityFor } from '../workflow/polling-policy.js';
import { DEFAULT_BACKOFF_CAP_MS, retryDelay } from './backoff.js';
import type { TrackingEnvironment } from './environment.js';
import type { LiveStream } from './live-stream.js';
import { RESOURCES } from './snapshot.js';

/** A new stream after a failure waits at least this long, then longer each time. */
const FIRST_RETRY_MS = 5_000;

/**
 * How long after the stream fails the normal pace (and with it a catch-up read) begins. A page being closed
 * sees its stream fail before it is told it is hidden: without this moment, every closed page would ask for
 * the order once more on its way out. A real failure costs the customer about a second.
 */
const FAILOVER_GRACE_MS = 1_000;

export interface LiveUpdates {
  /** Whether the stream is open now: the order and its items then need only a slow safety net of polls. */
  readonly healthy: boolean;
  /** Opens or closes the stream to match what the tracker knows now. */
  sync(now: LiveConditions): void;
  /** Closes the stream for good. */
  stop(): void;
}

/** What decides whether the stream is useful now. */
export interface LiveConditions {
  /** The order as last read (undefined before the first answer). */
  order: Pick<Order, 'fulfillmentType' | 'workflowState'> | undefined;
  /** The page is shown and online. */
  shown: boolean;
  /** The tracker gave up (sign in again, order not found). */
  halted: boolean;
  /** Another tab reads for this one. */
  following: boolean;
}

/**
 * One stream per order per browser: the tab that reads keeps it open while shown, from the first answer (the
 * first paint waits for no stream) until nothing more will change.
 */
function wanted({ order, shown, halted, following }: LiveConditions): boolean {
  return shown && !halted && !following && order !== undefined && activityFor('order', order).kind !== 'off';
}

/** The tracker's live updates, or undefined where there can be none. */
export function liveUpdatesFor(
  config: { apiBase: string; orderId: string; tokens: { proxy?: boolean }; env: TrackingEnvironment },
  onChanged: (resources: OrderResource[]) => void,
  onHealth: () => void,
): LiveUpdates | undefined {
  const { env } = config;
  const open = env.openStream;
  if (!config.tokens.proxy || !open) return undefined;
  const url = `${normaliseApiBase(config.apiBase)}/events?order=${encodeURIComponent(config.orderId.trim())}`;
  let stream: Promise<LiveStream | undefined> | undefined;
  let failover: unknown;
  const start = (): Promise<LiveStream | undefined> => {
    const loading: Promise<LiveStream | undefined> = import('./live-stream.js').then(
      ({ LiveStream }) =>
        // Closed (and maybe opened again) while the chunk loaded: this one is not wanted any more.
        stream === loading
          ? new LiveStream({
              url,
              open,
              clock: env.clock,
              retryDelay: (failures) => retryDelay(failures, { baseMs: FIRST_RETRY_MS, capMs: DEFAULT_BACKOFF_CAP_MS, minMs: FIRST_RETRY_MS }, env.random()),
              onChanged: (names) => onChanged(RESOURCES.filter((resource) => names.includes(resource))),
              onHealth: (healthy) => {
                live.healthy = healthy;
                env.clock.clearTimeout(failover);
                if (healthy) onHealth();
                else failover = env.clock.setTimeout(onHealth, FAILOVER_GRACE_MS);
              },
            })
          : undefined,
      // The chunk could not be loaded (offline): polling goes on, and the next sync tries again.
      () => {
        if (stream === loading) stream = undefined;
        return undefined;
      },
    );
    return loading;
  };
  const live = {
    healthy: false,
    sync(now: LiveConditions) {
      if (!wanted(now)) live.stop();
      else if (!stream) stream = start();
    },
    stop() {
      env.clock.clearTimeout(failover);
      void stream?.then((opened) => opened?.stop());
      stream = undefined;
      live.healthy = false;
    },
  };
  return live;
}
