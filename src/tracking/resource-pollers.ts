/**
 * The four endpoints' Pollers, tuned together to what the order's state makes useful (the table in
 * workflow/polling-policy.ts) and paused together while the page is hidden or offline.
 */
import type { ApiError } from '../api/api-error.js';
import type { ConnectClient } from '../api/connect-client.js';
import type { CallOptions, Order, OrderResource } from '../api/types.js';
import { type Activity, activityFor } from '../workflow/polling-policy.js';
import type { TrackingEnvironment } from './environment.js';
import { type FailureDecision, Poller } from './poller.js';
import { RESOURCES, type ResourceAnswer, type ResourceData } from './snapshot.js';

export interface ResourcePollersOptions {
  env: TrackingEnvironment;
  /** A read after a return to the page waits at least this long after the previous one. */
  minRefreshGapMs: number;
  read<R extends OrderResource>(resource: R, signal: AbortSignal): Promise<ResourceData[R]>;
  onAnswer(answer: ResourceAnswer): void;
  onError(resource: OrderResource, error: ApiError): FailureDecision;
}

type Reader<R extends OrderResource> = (client: ConnectClient, orderId: string, options: CallOptions) => Promise<ResourceData[R]>;
const READERS: { [R in OrderResource]: Reader<R> } = {
  order: (client, id, options) => client.getOrder(id, options),
  items: (client, id, options) => client.getItems(id, options),
  handling: (client, id, options) => client.getHandling(id, options),
  location: (client, id, options) => client.getLocation(id, options),
};

/** One read of one endpoint of the order. */
export function readResource<R extends OrderResource>(client: ConnectClient, resource: R, orderId: string, options: CallOptions): Promise<ResourceData[R]> {
  return READERS[resource](client, orderId, options);
}

/** A tab that follows another asks nothing: the leading tab shares every answer. */
const FOLLOWING: Activity = { kind: 'off' };

export class ResourcePollers {
  readonly #pollers: Record<OrderResource, Poller<unknown>>;

  constructor(options: ResourcePollersOptions) {
    const poller = <R extends OrderResource>(resource: R): Poller<unknown> =>
      new Poller<ResourceData[R]>({
        env: options.env,
        minRefreshGapMs: options.minRefreshGapMs,
        read: (signal) => options.read(resource, signal),
        onData: (data) => options.onAnswer({ resource, data } as ResourceAnswer),
        onError: (error) => options.onError(resource, error),
      }) as Poller<unknown>;
    this.#pollers = { order: poller('order'), items: poller('items'), handling: poller('handling'), location: poller('location') };
  }

  /** Sets every endpoint to what the order as last read needs (undefined before the first answer). */
  retune(order: Order | undefined, following: boolean, intervalMs: number): void {
    for (const resource of RESOURCES) {
      this.#pollers[resource].setActivity(following ? FOLLOWING : activityFor(resource, order), intervalMs);
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
