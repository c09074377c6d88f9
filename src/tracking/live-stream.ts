/**
 * The order's live stream from the retailer's server kit: Instacart's callbacks, relayed as Server-Sent
 * Events that only say which parts of the order changed (docs/server-kit.md, "Live updates"). The data still
 * comes from the API, so an event replayed or out of order can never show an older state: it only makes the
 * tracker read at once what it would otherwise read at its next poll.
 *
 * Healthy from the kit's `ready` until the stream drops, the kit says `fallback` (it can no longer push), or
 * no frame comes for 2.5 heartbeats (a sleeping laptop, a proxy that drops idle connections in silence).
 * Then the tracker polls at the normal interval, so nothing waits for the stream, and the stream is opened
 * again later, resuming after the last event it saw (the kit replays what was missed, or says "re-read all").
 */
// This chunk imports nothing but types: what it needs of the entry (backoff, the endpoint names) comes in
// its options, so the entry need not export its internals to it.
import type { Clock } from '../common/clock.js';

/** What the tracker needs of an EventSource. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** Opens a stream to a same-origin URL (cookies included): `new EventSource(url)` in a browser. */
export type OpenStream = (url: string) => EventSourceLike;

export interface LiveStreamOptions {
  url: string;
  open: OpenStream;
  clock: Clock;
  /** How long to wait before the nth new stream after failures (1, 2, …). */
  retryDelay(failures: number): number;
  /** The kit says these parts of the order changed (names as sent, unchecked): read them now. */
  onChanged(resources: string[]): void;
  /** The stream became ready (true), or stopped being (false). */
  onHealth(healthy: boolean): void;
}

/** EventSource.CLOSED: the browser will not reconnect by itself. */
const CLOSED = 2;
/**
 * Refused this many times in a row without ever being ready: this kit has no live updates (a stream is
 * answered 404 there, and an EventSource cannot read the status), so this page stops asking and polls.
 */
const REFUSALS_BEFORE_GIVING_UP = 4;

export class LiveStream {
  #source: EventSourceLike | undefined;
  #timer: unknown;
  #failures = 0;
  #everReady = false;
  #healthy = false;
  #stopped = false;
  #lastEventId = '';
  /** No frame for this long while healthy means the stream is dead, even if the connection looks open. */
  #silenceMs = 0;

  readonly #options: LiveStreamOptions;

  constructor(options: LiveStreamOptions) {
    this.#options = options;
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    this.#drop(0);
  }

  #connect(): void {
    if (this.#stopped) return;
    const { url, open } = this.#options;
    const source = open(this.#lastEventId ? `${url}&last_event_id=${encodeURIComponent(this.#lastEventId)}` : url);
    this.#source = source;
    const on = (type: string, listener: (data: Record<string, unknown>) => void) =>
      source.addEventListener(type, (event) => {
        if (source !== this.#source) return;
        if (event.lastEventId) this.#lastEventId = event.lastEventId.slice(0, 64);
        this.#heard();
        listener(jsonObject(event.data));
      });
    on('ready', ({ heartbeat_ms: heartbeat }) => {
      this.#failures = 0;
      this.#everReady = true;
      this.#silenceMs = 2.5 * (typeof heartbeat === 'number' && heartbeat > 0 ? Math.min(heartbeat, 300_000) : 20_000);
      this.#heard();
      this.#health(true);
    });
    on('changed', ({ resources }) => {
      if (Array.isArray(resources)) this.#options.onChanged(resources.slice(0, 8).filter((name): name is string => typeof name === 'string'));
    });
    on('heartbeat', () => {});
    // The kit can no longer push (its change bus went away): poll, and try a new stream when it says.
    on('fallback', ({ retry_after: seconds }) => this.#drop(typeof seconds === 'number' && seconds > 0 ? Math.min(seconds, 600) * 1000 : this.#backoff()));
    source.addEventListener('error', () => {
      if (source !== this.#source) return;
      this.#health(false);
      // Dropped: the browser reconnects by itself. Refused (no stream here, the session ended): later each time.
      if (source.readyState !== CLOSED) return;
      if (!this.#everReady && this.#failures + 1 >= REFUSALS_BEFORE_GIVING_UP) this.stop();
      else this.#drop(this.#backoff());
    });
  }

  /** A frame came: the stream is alive for another stretch of silence. */
  #heard(): void {
    this.#options.clock.clearTimeout(this.#timer);
    if (this.#silenceMs) this.#timer = this.#options.clock.setTimeout(() => this.#drop(0), this.#silenceMs);
  }

  /** Closes the stream and, unless stopped, opens a new one after `retryMs`. */
  #drop(retryMs: number): void {
    this.#options.clock.clearTimeout(this.#timer);
    this.#source?.close();
    this.#source = undefined;
    this.#health(false);
    if (!this.#stopped) this.#timer = this.#options.clock.setTimeout(() => this.#connect(), retryMs);
  }

  #backoff(): number {
    this.#failures += 1;
    return this.#options.retryDelay(this.#failures);
  }

  #health(healthy: boolean): void {
    if (healthy === this.#healthy) return;
    this.#healthy = healthy;
    this.#options.onHealth(healthy);
  }
}

/** An event's JSON data as an object; anything else is an empty one. */
function jsonObject(data: unknown): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(String(data));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
