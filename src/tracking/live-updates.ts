/**
 * Whether this tab keeps the order's live stream open, and the stream itself, loaded only when wanted: in
 * proxy mode (the stream is the retailer's kit's) where the browser has EventSource, in the tab that reads
 * (leader or alone: other tabs hear the answers it reads), until the order is finished. The stream's code is
 * a chunk of its own, so pages that never use it never load it.
 */
import { normaliseApiBase } from '../api/api-base.js';
import type { OrderResource } from '../api/types.js';
import { DEFAULT_BACKOFF_CAP_MS, retryDelay } from './backoff.js';
import type { TrackingEnvironment } from './environment.js';
import type { LiveStream } from './live-stream.js';
import { RESOURCES } from './snapshot.js';

/** A new stream after a failure waits at least this long, then longer each time. */
const FIRST_RETRY_MS = 5_000;

export interface LiveUpdates {
  /** Whether the stream is open now: the order and its items then need only a slow safety net of polls. */
  readonly healthy: boolean;
  /** Opens or closes the stream to match whether it is wanted now. */
  sync(wanted: boolean): void;
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
  const live = {
    healthy: false,
    sync(wanted: boolean) {
      if (wanted && !stream) {
        const loading: Promise<LiveStream | undefined> = import('./live-stream.js').then(
          ({ LiveStream }) =>
            stream === loading
              ? new LiveStream({
                  url,
                  open,
                  clock: env.clock,
                  retryDelay: (failures) => retryDelay(failures, { baseMs: FIRST_RETRY_MS, capMs: DEFAULT_BACKOFF_CAP_MS, minMs: FIRST_RETRY_MS }, env.random()),
                  onChanged: (names) => onChanged(RESOURCES.filter((resource) => names.includes(resource))),
                  onHealth: (healthy) => ((live.healthy = healthy), onHealth()),
                })
              : undefined,
          // The chunk could not be loaded (offline): polling goes on, and the next sync tries again.
          () => (stream = undefined),
        );
        stream = loading;
      } else if (!wanted && stream) {
        void stream.then((open) => open?.stop());
        stream = undefined;
        live.healthy = false;
      }
    },
  };
  return live;
}
