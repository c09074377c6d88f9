/**
 * Live streams that move only when a test moves them: `ManualStreams.open` stands in for the browser's
 * EventSource (`openStream` in the tracking environment), and each stream it opened can be sent the frames the
 * server kit sends (`ready`, `changed`, `heartbeat`, `fallback`) or fail as a connection does.
 *
 *   const streams = new ManualStreams();
 *   const env = { ...manualEnvironment(), openStream: streams.open };
 *   …
 *   streams.latest?.send('ready', { heartbeat_ms: 20_000 });
 *   streams.latest?.send('changed', { resources: ['items'] });
 */
import type { EventSourceLike } from '../tracking/live-stream.js';

/** One stream the tracker opened. */
export class ManualStream implements EventSourceLike {
  /** 0 connecting, 1 open, 2 closed (as EventSource's readyState). */
  readyState = 0;
  readonly #listeners = new Map<string, ((event: MessageEvent) => void)[]>();

  constructor(readonly url: string) {}

  get closed(): boolean {
    return this.readyState === 2;
  }

  addEventListener(type: string, listener: (event: MessageEvent) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.readyState = 2;
  }

  /** The kit sends a frame (data as JSON unless a string is given), with an optional event id. */
  send(type: string, data: unknown, id = ''): void {
    if (this.closed) return;
    this.readyState = 1;
    const event = new MessageEvent(type, { data: typeof data === 'string' ? data : JSON.stringify(data), lastEventId: id });
    for (const listener of this.#listeners.get(type) ?? []) listener(event);
  }

  /** The connection fails: dropped (the browser would reconnect by itself) or refused (it gives up). */
  fail(refused: boolean): void {
    this.readyState = refused ? 2 : 0;
    for (const listener of this.#listeners.get('error') ?? []) listener(new MessageEvent('error'));
  }
}

/** Every stream opened, in order. */
export class ManualStreams {
  readonly opened: ManualStream[] = [];

  /** Pass as the environment's `openStream`. */
  readonly open = (url: string): ManualStream => {
    const stream = new ManualStream(url);
    this.opened.push(stream);
    return stream;
  };

  /** The stream opened last, if any. */
  get latest(): ManualStream | undefined {
    return this.opened.at(-1);
  }

  /** The streams not closed. */
  get live(): ManualStream[] {
    return this.opened.filter((stream) => !stream.closed);
  }
}
