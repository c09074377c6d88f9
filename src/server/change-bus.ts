/**
 * How a change heard on one server reaches the streams on every server: publish and subscribe by order id.
 * A callback lands on whichever server the load balancer picks, and the customer's stream may be on another,
 * so the receiver never writes to streams itself; it publishes, and each server's hub subscribes for the
 * orders its streams follow. `MemoryChangeBus` is one process alone; `RedisChangeBus`
 * (`connect-order-status/server/redis`) shares changes through Redis pub/sub.
 */

/** An endpoint of docs/connect-api.md §1 whose answer may have changed (handling never changes). */
export type LiveResource = 'order' | 'items' | 'location';

export const LIVE_RESOURCES: readonly LiveResource[] = ['order', 'items', 'location'];

/** "This order changed; re-read these endpoints." Never the data itself. */
export interface OrderChange {
  orderId: string;
  /** Non-empty, no repeats, in LIVE_RESOURCES order. */
  resources: LiveResource[];
}

/** Told of an order's changes, and when the bus can no longer tell it anything. */
export interface ChangeSubscriber {
  change(change: OrderChange): void;
  /** The bus lost the subscription (its connection went away): called once, and the subscription is over. */
  lost(): void;
}

/** Publish and subscribe by order id, across every server of the retailer. */
export interface ChangeBus {
  /** Tells every subscriber of `change.orderId`, on every server. Rejects when it cannot. */
  publish(change: OrderChange): Promise<void>;
  /**
   * Subscribes to one order's changes. Resolves, with the way to unsubscribe, once changes published from
   * then on reach `subscriber`; rejects when the bus is unavailable.
   */
  subscribe(orderId: string, subscriber: ChangeSubscriber): Promise<() => void>;
  /**
   * Optional: true the first time `key` is claimed within `ttlMs`, across every server (the callback
   * receiver deduplicates with it). Without it, each server deduplicates what it received itself.
   */
  claim?(key: string, ttlMs: number): Promise<boolean>;
}

/** The default bus: this process only. Delivery is asynchronous, as it is through a real broker. */
export class MemoryChangeBus implements ChangeBus {
  readonly #subscribers = new Map<string, Set<ChangeSubscriber>>();

  async publish(change: OrderChange): Promise<void> {
    const subscribers = this.#subscribers.get(change.orderId);
    if (!subscribers) return;
    for (const subscriber of [...subscribers]) queueMicrotask(() => subscriber.change({ orderId: change.orderId, resources: [...change.resources] }));
  }

  async subscribe(orderId: string, subscriber: ChangeSubscriber): Promise<() => void> {
    let subscribers = this.#subscribers.get(orderId);
    if (!subscribers) {
      subscribers = new Set();
      this.#subscribers.set(orderId, subscribers);
    }
    subscribers.add(subscriber);
    return () => {
      subscribers.delete(subscriber);
      if (subscribers.size === 0 && this.#subscribers.get(orderId) === subscribers) this.#subscribers.delete(orderId);
    };
  }
}

/** `resources` as the protocol sends them: known names only, no repeats, in a fixed order; undefined if none. */
export function liveResources(resources: Iterable<unknown>): LiveResource[] | undefined {
  const wanted = new Set(resources);
  const known = LIVE_RESOURCES.filter((resource) => wanted.has(resource));
  return known.length > 0 ? known : undefined;
}
