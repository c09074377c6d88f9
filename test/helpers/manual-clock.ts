/**
 * A clock that only moves when a test moves it, so an hour of polling runs in milliseconds. Between timers
 * it lets every request in flight settle (through the counting fetch), so what a tracker does in response to
 * an answer happens before the next timer fires, just as it would in real time.
 */
import type { Clock, Connectivity, TimerHandle, TrackingEnvironment, Visibility } from '../../src/tracking/environment.js';

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

/** Waits one real macrotask: enough for a mocked fetch to move one step. */
const realTick = () => new Promise<void>((resolve) => globalThis.setTimeout(resolve, 0));

export class ManualClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private nextId = 1;
  /** Settles outstanding work (requests in flight) before the clock moves on. */
  settleWith: () => Promise<void> = async () => {
    for (let i = 0; i < 5; i += 1) await realTick();
  };

  constructor(start = Date.UTC(2026, 10, 26, 15, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Lets everything in flight finish without moving time. */
  async settle(): Promise<void> {
    await this.settleWith();
  }

  /** Moves time forward by `ms`, firing every timer that comes due, in order, settling after each. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await this.settle();
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.callback();
      await this.settle();
    }
    this.time = target;
  }
}

/** A yes/no condition of the browser a test flips by hand, telling its subscribers as the browser would. */
class ManualSwitch {
  private value = true;
  private readonly listeners = new Set<() => void>();
  protected get current(): boolean {
    return this.value;
  }
  subscribe(callback: () => void): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }
  set(value: boolean): void {
    if (value === this.value) return;
    this.value = value;
    for (const listener of [...this.listeners]) listener();
  }
}

/** Visibility a test flips by hand: `set(false)` hides the page. */
export class ManualVisibility extends ManualSwitch implements Visibility {
  isVisible(): boolean {
    return this.current;
  }
}

/** Connectivity a test flips by hand: `set(false)` takes the browser offline. */
export class ManualConnectivity extends ManualSwitch implements Connectivity {
  isOnline(): boolean {
    return this.current;
  }
}

export interface ManualEnvironment extends TrackingEnvironment {
  clock: ManualClock;
  visibility: ManualVisibility;
  connectivity: ManualConnectivity;
}

export function manualEnvironment(random = () => 0.5): ManualEnvironment {
  return { clock: new ManualClock(), visibility: new ManualVisibility(), connectivity: new ManualConnectivity(), random };
}
