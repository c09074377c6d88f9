/**
 * How many item rows `<order-items>` puts on screen. An ordinary order (up to FIRST_ROWS items) renders whole
 * at once; a big one renders its first screens at once and the rest in slices of about one frame of work,
 * each in its own task, so a 10,000-item order never holds the page for long and the customer can scroll
 * and tap while the list fills. Every row ends up in the document, so find-in-page and screen readers get
 * the whole list once it has filled (the list says it is busy until then).
 *
 * The slices run on a zero-delay timeout: they pace rendering, not the order's polling, which stays the
 * tracker's (with its injected clock).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows of the first render: a whole ordinary order (say 40 items), or the first screens of a big one. */
export const FIRST_ROWS = 40;
/** Script time a slice aims at: input waits at most about this long between slices. */
const SLICE_MS = 16;

export class RowBudget implements ReactiveController {
  #limit = FIRST_ROWS;
  #slice = FIRST_ROWS;
  #total = 0;
  #updateStartedAt = 0;
  /** True while the update running is a slice this budget asked for (its time tunes the next slice). */
  #slicing = false;
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
    this.#next();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  hostUpdate(): void {
    this.#updateStartedAt = performance.now();
  }

  hostUpdated(): void {
    if (this.#slicing) {
      this.#slicing = false;
      // Rows cost what they cost on this device: the next slice is sized to take about SLICE_MS.
      const elapsed = Math.max(1, performance.now() - this.#updateStartedAt);
      this.#slice = Math.round(Math.min(1000, Math.max(10, (this.#slice * SLICE_MS) / elapsed)));
    }
    this.#next();
  }

  #next(): void {
    if (!this.filling || this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#limit += this.#slice;
      this.#slicing = true;
      this.#host.requestUpdate();
    });
  }
}
