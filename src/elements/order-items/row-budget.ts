/**
 * How many item rows `<order-items>` puts on screen. An ordinary order (up to FIRST_ROWS items) renders whole
 * at once; a big one renders its first screens at once and then one block of rows (item-groups.ts) per task,
 * so a 10,000-item order never holds the page for long and the customer can scroll and tap while the list
 * fills. Every row ends up in the document, so find-in-page and screen readers get the whole list once it
 * has filled (the list says it is busy until then).
 *
 * The slices run on a zero-delay timeout: they pace rendering, not the order's polling, which stays the
 * tracker's (with its injected clock).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BLOCK_PLACES } from './item-groups.js';

/** Rows of the first render: a whole ordinary order (say 40 items), or the first screens of a big one. */
export const FIRST_ROWS = 40;

export class RowBudget implements ReactiveController {
  #limit = FIRST_ROWS;
  #total = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** How many of `total` rows to render now (render calls it, in display order). */
  take(total: number): number {
    this.#total = total;
    return Math.min(total, this.#limit);
  }

  /** Whether rows are still to come. */
  get filling(): boolean {
    return this.#total > this.#limit;
  }

  hostConnected(): void {
    this.hostUpdated();
  }

  hostUpdated(): void {
    this.#timer ??= this.filling
      ? setTimeout(() => {
          this.#timer = undefined;
          this.#limit += BLOCK_PLACES;
          this.#host.requestUpdate();
        })
      : undefined;
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
