/**
 * Time, visibility and connectivity that move only when a test moves them, so an hour of polling runs in
 * milliseconds and a hidden or offline page needs no real browser doing it.
 */
import type { Clock, Connectivity, TimerHandle, TrackingEnvironment, Visibility } from '../tracking/environment.js';

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

/** Waits one real macrotask: enough for a mocked fetch to move one step. */
const realTick = () => new Promise<void>((resolve) => globalThis.setTimeout(resolve, 0));

/**
 * A clock that only moves when `advance` moves it. Between timers it lets the work in flight settle (see
 * `settleWith`), so what a tracker does with an answer happens before the next timer fires, as it would in
 * real time.
 */
export class ManualClock implements Clock {
  #time: number;
  #timers: Timer[] = [];
  #nextId = 1;

  /**
   * Settles outstanding work (requests in flight) before the clock moves on. The default waits a few real
   * macrotasks; with a RequestLog, `() => log.idle()` waits exactly until every request has been answered.
   */
  settleWith: () => Promise<void> = async () => {
    for (let i = 0; i < 5; i += 1) await realTick();
  };

  /** Starts at `start` (epoch ms); the default is a fixed date, so dates in tests do not depend on today. */
  constructor(start = Date.UTC(2026, 10, 26, 15, 0, 0)) {
    this.#time = start;
  }

  now(): number {
    return this.#time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { id: this.#nextId++, at: this.#time + Math.max(0, ms), callback };
    this.#timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers = this.#timers.filter((t) => t.id !== handle);
  }

  /** How many timers are waiting: 0 once everything that polls has stopped. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Lets everything in flight finish without moving time. */
  async settle(): Promise<void> {
    await this.settleWith();
  }

  /** Moves time forward by `ms`, firing every timer that comes due, in order, settling after each. */
  async advance(ms: number): Promise<void> {
    const target = this.#time + ms;
    await this.settle();
    for (;;) {
      const due = this.#timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#time = Math.max(this.#time, due.at);
      due.callback();
      await this.settle();
    }
    this.#time = target;
  }
}

/** A yes/no condition of the browser a test flips by hand, telling its subscribers as the browser would. */
class ManualSwitch {
  #value = true;
  readonly #listeners = new Set<() => void>();

  protected get current(): boolean {
    return this.#value;
  }

  subscribe(callback: () => void): () => void {
    this.#listeners.add(callback);
    return () => this.#listeners.delete(callback);
  }

  /** Flips the condition; subscribers hear of a real change only. */
  set(value: boolean): void {
    if (value === this.#value) return;
    this.#value = value;
    for (const listener of [...this.#listeners]) listener();
  }
}

/** Visibility a test flips by hand: `set(false)` hides the page. Visible at first. */
export class ManualVisibility extends ManualSwitch implements Visibility {
  isVisible(): boolean {
    return this.current;
  }
}

/** Connectivity a test flips by hand: `set(false)` takes the browser offline. Online at first. */
export class ManualConnectivity extends ManualSwitch implements Connectivity {
  isOnline(): boolean {
    return this.current;
  }
}

/** A tracking environment whose every part a test drives by hand. */
export interface ManualEnvironment extends TrackingEnvironment {
  clock: ManualClock;
  visibility: ManualVisibility;
  connectivity: ManualConnectivity;
}

/** A fresh manual environment; `random` fixes the jitter of retry delays (0.5: half of each ceiling). */
export function manualEnvironment(random = () => 0.5): ManualEnvironment {
  return { clock: new ManualClock(), visibility: new ManualVisibility(), connectivity: new ManualConnectivity(), random };
}
