/**
 * One Server-Sent Events stream to one page, on a web-standard ReadableStream Response, so it runs wherever
 * the kit runs (Node through the adapter, Workers, Deno, Bun). It writes the frames of the live protocol
 * (docs/server-kit.md, "Live updates"), sends a heartbeat whenever nothing else was sent for a while, ends
 * itself after its lifetime (the page reconnects and is checked again), and stops when the page goes away.
 *
 * Bounded: a page that stops reading gets its stream closed once `MAX_QUEUED_FRAMES` wait, rather than the
 * frames piling up in the server's memory.
 */
import type { ProxyClock } from './clock.js';
import { PRIVATE_RESPONSE_HEADERS } from './proxy-error.js';

/** One event of the protocol. `data` is serialised as one line of JSON. */
export interface StreamFrame {
  event: 'ready' | 'changed' | 'heartbeat' | 'fallback';
  data: Record<string, unknown>;
  id?: string;
  /** The reconnection delay the page's EventSource should use, in ms. */
  retryMs?: number;
}

/** Where the hub writes a stream's frames. */
export interface StreamSink {
  send(frame: StreamFrame): void;
  /** Sends `last` (if any), then ends the stream. */
  end(last?: StreamFrame): void;
}

export interface EventStreamSettings {
  clock: ProxyClock;
  heartbeatMs: number;
  lifetimeMs: number;
  /** Extra response headers (CORS for an allow-listed origin). */
  headers: Readonly<Record<string, string>>;
  /** The page's request: when it is aborted, the stream ends. */
  signal: AbortSignal;
  /** Called once, however the stream ended. */
  onEnd: () => void;
}

const MAX_QUEUED_FRAMES = 64;
const HEARTBEAT: StreamFrame = { event: 'heartbeat', data: {} };
const encoder = new TextEncoder();

export class EventStream implements StreamSink {
  readonly response: Response;
  readonly #settings: EventStreamSettings;
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  #heartbeat: unknown;
  #lifetime: unknown;
  #ended = false;

  constructor(settings: EventStreamSettings) {
    this.#settings = settings;
    const body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller;
        },
        cancel: () => this.#finish(),
      },
      new CountQueuingStrategy({ highWaterMark: MAX_QUEUED_FRAMES }),
    );
    this.response = new Response(body, {
      status: 200,
      headers: {
        ...PRIVATE_RESPONSE_HEADERS,
        ...settings.headers,
        'Content-Type': 'text/event-stream; charset=utf-8',
        // nginx and some other reverse proxies buffer responses unless told not to.
        'X-Accel-Buffering': 'no',
      },
    });
    this.#lifetime = settings.clock.setTimeout(() => this.end(), settings.lifetimeMs);
    settings.signal.addEventListener('abort', () => this.#finish(), { once: true });
    if (settings.signal.aborted) this.#finish();
    else this.#armHeartbeat();
  }

  get ended(): boolean {
    return this.#ended;
  }

  send(frame: StreamFrame): void {
    const controller = this.#controller;
    if (this.#ended || !controller) return;
    if ((controller.desiredSize ?? 0) <= 0) {
      // The page has stopped reading: let it go rather than queue without end.
      this.#finish();
      return;
    }
    controller.enqueue(encoder.encode(formatFrame(frame)));
    this.#armHeartbeat();
  }

  end(last?: StreamFrame): void {
    if (this.#ended) return;
    if (last) this.send(last);
    this.#finish();
  }

  #armHeartbeat(): void {
    const { clock, heartbeatMs } = this.#settings;
    if (this.#heartbeat !== undefined) clock.clearTimeout(this.#heartbeat);
    this.#heartbeat = clock.setTimeout(() => this.send(HEARTBEAT), heartbeatMs);
  }

  #finish(): void {
    if (this.#ended) return;
    this.#ended = true;
    const { clock, onEnd } = this.#settings;
    clock.clearTimeout(this.#heartbeat);
    clock.clearTimeout(this.#lifetime);
    try {
      this.#controller?.close();
    } catch {
      // Already closed or cancelled by the reader: nothing left to end.
    }
    onEnd();
  }
}

/** The text of one frame. JSON never contains a raw line break, so `data` is always a single line. */
export function formatFrame(frame: StreamFrame): string {
  let text = frame.retryMs === undefined ? '' : `retry: ${Math.round(frame.retryMs)}\n`;
  text += `event: ${frame.event}\n`;
  if (frame.id !== undefined) text += `id: ${frame.id.replace(/[\r\n\0]/g, '')}\n`;
  return `${text}data: ${JSON.stringify(frame.data)}\n\n`;
}
