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

/** Visibility a test flips by hand. */
export class ManualVisibility implements Visibility {
  private visible = true;
  private readonly listeners = new Set<() => void>();
  isVisible(): boolean {
    return this.visible;
  }
  subscribe(callback: () => void): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }
  set(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    for (const listener of [...this.listeners]) listener();
  }
}

/** Connectivity a test flips by hand. */
export class ManualConnectivity implements Connectivity {
  private online = true;
  private readonly listeners = new Set<() => void>();
  isOnline(): boolean {
    return this.online;
  }
  subscribe(callback: () => void): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }
  set(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    for (const listener of [...this.listeners]) listener();
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
