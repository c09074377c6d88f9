/**
 * Everything that happens to an order is written here: on the order's own event list (the inspect view
 * shows it) and to whoever listens. The emulator's callback sender listens, so that it can tell the
 * retailer's server what Connect would (docs/connect-api.md §6) without the model knowing about callbacks.
 */
import type { OrderRecord } from './records.js';

/** What happened to an order, as a listener needs it. */
export type OrderUpdate =
  | { kind: 'created' }
  | { kind: 'state'; state: string }
  | { kind: 'item'; itemId: string; lineNum: string; status: 'found' | 'replaced' | 'to_refund' | 'not_found' }
  | { kind: 'replacement'; itemId: string; lineNum: string; decision: 'APPROVED' | 'REJECTED' }
  | { kind: 'late_delivery' };

export type OrderUpdateListener = (order: OrderRecord, update: OrderUpdate) => void;

export class OrderLog {
  readonly #now: () => number;
  readonly #listeners = new Set<OrderUpdateListener>();

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Writes `update` on the order (`detail` is what the inspect view shows), then tells the listeners. */
  record(order: OrderRecord, update: OrderUpdate, detail?: string): void {
    order.events.push({ at: this.#now(), type: update.kind, ...(detail === undefined ? {} : { detail }) });
    for (const listener of [...this.#listeners]) {
      try {
        listener(order, update);
      } catch {
        // A listener's failure (a callback that cannot be sent) must not undo what happened to the order.
      }
    }
  }

  /** Hears every update from now on; returns how to stop. */
  listen(listener: OrderUpdateListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
