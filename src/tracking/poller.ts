/**
 * Reads one endpoint according to its current activity (poll / read once / off), the way TanStack Query and
 * SWR do it: the next read is scheduled only after the previous one settles, there is at most one request in
 * flight, the latest request wins (a newer read aborts an older one), failures that may pass are retried with
 * backoff, and nothing fires while the page is hidden or offline.
 */
import { ApiError } from '../api/api-error.js';
import type { Activity } from '../workflow/polling-policy.js';
import { sameActivity } from '../workflow/polling-policy.js';
import { DEFAULT_BACKOFF_CAP_MS, retryDelay } from './backoff.js';
import type { TimerHandle, TrackingEnvironment } from './environment.js';

/** What the owner wants after a failure. */
export type FailureDecision = 'retry' | 'stop';

export interface PollerOptions<T> {
  /** Performs one read; must honour the signal. */
  read(signal: AbortSignal): Promise<T>;
  onData(data: T): void;
  /** Decides what follows a failure (never called for aborted reads). */
  onError(error: ApiError): FailureDecision;
  env: TrackingEnvironment;
  /** A read after a return to the page waits at least this long after the previous one. */
  minRefreshGapMs?: number;
}

const MIN_RETRY_MS = 1000;

export class Poller<T> {
  #activity: Activity = { kind: 'off' };
  /** Bumped on every real change of activity, so a read that settles knows whether it still decides. */
  #activityVersion = 0;
  #intervalMs = 15_000;
  #timer: TimerHandle | undefined;
  #inFlight: AbortController | undefined;
  /** A read-once activity is satisfied once a read succeeds; a poll is never satisfied. */
  #satisfied = false;
  /** True while onData runs, so an activity change it causes counts the data just read as fresh. */
  #delivering = false;
  #paused = false;
  /** A timer came due while paused: read as soon as the pause ends. */
  #due = false;
  #failures = 0;
  #lastStartedAt = -Infinity;
  #stopped = false;

  readonly #options: PollerOptions<T>;

  constructor(options: PollerOptions<T>) {
    this.#options = options;
  }

  get isActive(): boolean {
    return this.#activity.kind === 'poll' || (this.#activity.kind === 'read_once' && !this.#satisfied);
  }

  /** Applies the policy's activity. A change to a reading activity reads at once (unless data just came). */
  setActivity(activity: Activity, intervalMs: number): void {
    if (this.#stopped) return;
    const changed = !sameActivity(activity, this.#activity);
    const intervalChanged = intervalMs !== this.#intervalMs;
    this.#activity = activity;
    this.#intervalMs = intervalMs;
    if (!changed) {
      if (intervalChanged && activity.kind === 'poll' && this.#timer !== undefined && this.#failures === 0) this.#schedule(this.#pollDelay());
      return;
    }
    this.#activityVersion += 1;
    this.#failures = 0;
    if (activity.kind === 'off') {
      this.#cancel();
      return;
    }
    this.#satisfied = false;
    if (this.#delivering) {
      // The answer being delivered is the read this new activity asks for.
      if (activity.kind === 'read_once') this.#satisfied = true;
      else this.#schedule(this.#pollDelay());
      return;
    }
    this.#readNow();
  }

  /** Reads at once if the activity wants reads (a return to the page, or coming back online). */
  refresh(): void {
    if (this.#stopped || !this.isActive || this.#inFlight) return;
    const gap = this.#options.minRefreshGapMs ?? 0;
    const since = this.#options.env.clock.now() - this.#lastStartedAt;
    if (since < gap) this.#schedule(gap - since);
    else this.#readNow();
  }

  /**
   * Reads once more now, whatever the activity (a replacement was just answered: the list must show the
   * outcome even after checkout, when items are no longer polled). Skipped while paused or stopped.
   */
  readAgain(): void {
    if (this.#stopped || this.#paused) return;
    this.#readNow();
  }

  /** Holds every timer (hidden page, offline). A request already in flight may still land. */
  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    if (this.#due) {
      this.#due = false;
      this.refresh();
    }
  }

  /** For good: aborts the request in flight and clears the timer. */
  stop(): void {
    this.#stopped = true;
    this.#cancel();
  }

  #cancel(): void {
    this.#clearTimer();
    this.#due = false;
    this.#inFlight?.abort();
    this.#inFlight = undefined;
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#options.env.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #pollDelay(): number {
    return this.#activity.kind === 'poll' ? this.#intervalMs * this.#activity.every : this.#intervalMs;
  }

  #schedule(delayMs: number): void {
    this.#clearTimer();
    this.#timer = this.#options.env.clock.setTimeout(() => {
      this.#timer = undefined;
      if (this.#paused) this.#due = true;
      else this.#readNow();
    }, delayMs);
  }

  #readNow(): void {
    this.#clearTimer();
    if (this.#paused) {
      this.#due = true;
      return;
    }
    // The latest read wins: an older one still in flight would only bring older data.
    this.#inFlight?.abort();
    const controller = new AbortController();
    this.#inFlight = controller;
    this.#lastStartedAt = this.#options.env.clock.now();
    this.#options.read(controller.signal).then(
      (data) => this.#settle(controller, () => this.#succeeded(data)),
      (error: unknown) => this.#settle(controller, () => this.#failed(error)),
    );
  }

  #settle(controller: AbortController, then: () => void): void {
    if (this.#inFlight !== controller || controller.signal.aborted || this.#stopped) return;
    this.#inFlight = undefined;
    then();
  }

  #succeeded(data: T): void {
    this.#failures = 0;
    this.#delivering = true;
    const versionBefore = this.#activityVersion;
    try {
      this.#options.onData(data);
    } catch (cause) {
      this.#delivering = false;
      // Whatever failed while the answer was taken in must not end the polling in silence: it is reported
      // like an answer that could not be used, and read again with backoff.
      this.#failed(new ApiError({ kind: 'invalid_response', message: 'The answer from Connect could not be used.', cause }));
      return;
    }
    this.#delivering = false;
    // onData may have changed the activity (and scheduled accordingly); otherwise carry on.
    if (this.#activityVersion !== versionBefore || this.#stopped) return;
    // Start to start: a slow answer does not push every later poll back by its latency.
    if (this.#activity.kind === 'poll') this.#schedule(Math.max(0, this.#pollDelay() - (this.#options.env.clock.now() - this.#lastStartedAt)));
    else if (this.#activity.kind === 'read_once') this.#satisfied = true;
  }

  #failed(error: unknown): void {
    const apiError =
      error instanceof ApiError ? error : new ApiError({ kind: 'network', message: String(error), cause: error });
    if (apiError.kind === 'aborted') return;
    const decision = this.#options.onError(apiError);
    if (this.#stopped || this.#activity.kind === 'off') return;
    if (decision === 'stop') {
      // A final answer (404, 403, 400): asking again would get the same one.
      this.stop();
      return;
    }
    this.#failures += 1;
    const base = this.#activity.kind === 'poll' ? this.#pollDelay() : this.#intervalMs;
    this.#schedule(
      retryDelay(
        this.#failures,
        { baseMs: Math.min(base, this.#intervalMs), capMs: DEFAULT_BACKOFF_CAP_MS, minMs: MIN_RETRY_MS },
        this.#options.env.random(),
        apiError.retryAfterMs,
      ),
    );
  }
}
