/**
 * The four endpoints' Pollers, tuned together to what the order's state makes useful (the table in
 * workflow/polling-policy.ts) and paused together while the page is hidden or offline.
 */
import type { ApiError } from '../api/api-error.js';
import type { Order, OrderResource } from '../api/types.js';
import { type Activity, activityFor } from '../workflow/polling-policy.js';
import type { TrackingEnvironment } from './environment.js';
import { type FailureDecision, Poller } from './poller.js';
import { parseAnswer, RESOURCES, type ResourceAnswer } from './snapshot.js';

export interface ResourcePollersOptions {
  env: TrackingEnvironment;
  /** A read after a return to the page waits at least this long after the previous one. */
  minRefreshGapMs: number;
  /** Reads one endpoint: Connect's answer as it came (the pollers parse it). */
  read(resource: OrderResource, signal: AbortSignal): Promise<unknown>;
  /** A parsed answer, with the raw one it came from (what tabs share). */
  onAnswer(answer: ResourceAnswer, raw: unknown): void;
  /** The parser left a bad part of an answer out (and showed the rest). */
  onDropped(resource: OrderResource, message: string): void;
  onError(resource: OrderResource, error: ApiError): FailureDecision;
}

/**
 * While the live stream is healthy, the order and its items are polled this many times less often: a safety
 * net for a callback Instacart never sent. The shopper's position is not pushed, so it keeps its pace.
 */
const LIVE_SAFETY_NET = 8;

/** A tab that follows another asks nothing: the leading tab shares every answer. */
const FOLLOWING: Activity = { kind: 'off' };

export class ResourcePollers {
  readonly #pollers: Record<OrderResource, Poller<unknown>>;

  constructor(options: ResourcePollersOptions) {
    const poller = (resource: OrderResource) => {
      let last: { raw: unknown; answer: ResourceAnswer } | undefined;
      return new Poller<{ raw: unknown; answer: ResourceAnswer }>({
        env: options.env,
        minRefreshGapMs: options.minRefreshGapMs,
        // An answer that does not parse fails the read (invalid_response) and is retried like any other. The
        // client hands back the very same object for an unchanged answer: it is not parsed again.
        read: async (signal) => {
          const raw = await options.read(resource, signal);
          if (raw !== last?.raw) last = { raw, answer: parseAnswer(resource, raw, (message) => options.onDropped(resource, message)) };
          return last as { raw: unknown; answer: ResourceAnswer };
        },
        onData: ({ raw, answer }) => options.onAnswer(answer, raw),
        onError: (error) => options.onError(resource, error),
      }) as Poller<unknown>;
    };
    this.#pollers = { order: poller('order'), items: poller('items'), handling: poller('handling'), location: poller('location') };
  }

  /**
   * Sets every endpoint to what the order as last read needs (undefined before the first answer). While a
   * live stream says what changed, the order and its items are polled only as a slow safety net.
   */
  retune(order: Order | undefined, following: boolean, intervalMs: number, live = false): void {
    for (const resource of RESOURCES) {
      const activity = following ? FOLLOWING : activityFor(resource, order);
      const relaxed = live && activity.kind === 'poll' && resource !== 'location' ? { kind: 'poll' as const, every: activity.every * LIVE_SAFETY_NET } : activity;
      this.#pollers[resource].setActivity(relaxed, intervalMs);
    }
  }

  /** Holds every timer while the page is hidden or offline; on return, reads what is due at once. */
  setActive(active: boolean): void {
    for (const resource of RESOURCES) {
      if (active) this.#pollers[resource].resume();
      else this.#pollers[resource].pause();
    }
  }

  /** Reads one endpoint again now, whatever its activity (a replacement was just answered). */
  readAgain(resource: OrderResource): void {
    this.#pollers[resource].readAgain();
  }

  /** For good: aborts every request and clears every timer. */
  stop(): void {
    for (const resource of RESOURCES) this.#pollers[resource].stop();
  }
}
