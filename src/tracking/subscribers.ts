/**
 * Who is showing an order (the elements, through their OrderControllers), and who of them tells the page
 * what happened: every subscriber gets every new snapshot, but each notice reaches the page once, from the
 * element that shows that part of the order first.
 */
import type { OrderResource } from '../api/types.js';
import type { OrderNotice } from './order-notices.js';
import type { OrderSnapshot } from './snapshot.js';

/** Someone showing this order: an element, through its OrderController. */
export interface TrackerSubscriber {
  /** Resources this subscriber shows; it hears their notices if no subscriber has them as `primary`. */
  readonly needs: readonly OrderResource[];
  /** Resources whose notices this subscriber hears first. */
  readonly primary: readonly OrderResource[];
  onSnapshot(snapshot: OrderSnapshot): void;
  /** Something the page hears of as a DOM event; each notice goes to one subscriber only. */
  onNotice(notice: OrderNotice): void;
}

export class Subscribers {
  readonly #all = new Set<TrackerSubscriber>();

  get size(): number {
    return this.#all.size;
  }

  add(subscriber: TrackerSubscriber): void {
    this.#all.add(subscriber);
  }

  delete(subscriber: TrackerSubscriber): void {
    this.#all.delete(subscriber);
  }

  show(snapshot: OrderSnapshot): void {
    for (const subscriber of [...this.#all]) subscriber.onSnapshot(snapshot);
  }

  tell(notice: OrderNotice): void {
    const all = [...this.#all];
    const target = all.find((s) => s.primary.includes(notice.resource)) ?? all.find((s) => s.needs.includes(notice.resource)) ?? all[0];
    target?.onNotice(notice);
  }
}
