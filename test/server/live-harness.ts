/**
 * Live updates over real HTTP: the kit (harness.ts) with `live` on, an SSE client on fetch that reads the
 * stream frame by frame, and a "page" that follows an order the way the widget does: on every `changed` it
 * re-reads the listed endpoints through the kit and shows what Connect answers. Waiting is for real I/O
 * only (a frame arriving, a request answered), bounded, never a fixed sleep.
 */
import type { EventSourceLike } from '../../src/tracking/live-stream.js';
import { orderPath, startKit, type Kit, type KitOptions } from './harness.js';

/** What the retailer configured, and what the emulator's callbacks carry. */
export const CALLBACK_TOKEN = 'cb_test_2b7e151628aed2a6abf7158809cf4f3c';

export interface SseFrame {
  event: string;
  // Tests read the JSON loosely; assertions say what they expect.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
  id?: string;
  retry?: number;
}

export async function startLiveKit(options: KitOptions = {}): Promise<Kit> {
  return startKit({ ...options, live: { callbackTokens: [CALLBACK_TOKEN], ...options.live } });
}

/** One EventSource-like reader of `GET {kit}/instacart/events?…`. */
export class StreamClient {
  readonly frames: SseFrame[] = [];
  status = 0;
  headers = new Headers();
  /** The JSON body of a refusal (no stream). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  /** Resolves when the server ends the stream (or it is closed). */
  ended!: Promise<void>;
  #read = 0;
  readonly #abort = new AbortController();
  #wake: (() => void) | undefined;
  #done = false;

  static async open(url: string, init: { user?: string; lastEventId?: string; headers?: Record<string, string> } = {}): Promise<StreamClient> {
    const client = new StreamClient();
    const headers: Record<string, string> = { Accept: 'text/event-stream', ...init.headers };
    if (init.user) headers.Cookie = `session=${init.user}`;
    if (init.lastEventId !== undefined) headers['Last-Event-ID'] = init.lastEventId;
    const response = await fetch(url, { headers, signal: client.#abort.signal });
    client.status = response.status;
    client.headers = response.headers;
    if (!(response.headers.get('Content-Type') ?? '').startsWith('text/event-stream')) {
      const text = await response.text();
      client.json = text ? JSON.parse(text) : undefined;
      client.#done = true;
      client.ended = Promise.resolve();
      return client;
    }
    client.ended = client.#pump(response.body as ReadableStream<Uint8Array>);
    return client;
  }

  /** The next frame not yet taken (of `event`, when given, skipping others), within `timeoutMs`. */
  async next(event?: string, timeoutMs = 2_000): Promise<SseFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.#read < this.frames.length) {
        const frame = this.frames[this.#read++] as SseFrame;
        if (event === undefined || frame.event === event) return frame;
      }
      if (this.#done) throw new Error(`the stream ended before ${event ?? 'a frame'} came`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${event ?? 'frame'} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Resolves once the server has ended the stream, within `timeoutMs`. */
  endsWithin(timeoutMs = 2_000): Promise<void> {
    return Promise.race([
      this.ended,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the stream did not end within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
  }

  /** Frames of `event` received so far, taken or not. */
  all(event: string): SseFrame[] {
    return this.frames.filter((frame) => frame.event === event);
  }

  close(): void {
    this.#abort.abort();
  }

  async #pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let text = '';
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value: chunk } = await reader.read();
        if (done) break;
        text += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = text.indexOf('\n\n')) >= 0) {
          this.#frame(text.slice(0, cut));
          text = text.slice(cut + 2);
        }
      }
    } catch {
      // closed by the test
    } finally {
      this.#done = true;
      this.#wake?.();
    }
  }

  #frame(block: string): void {
    const frame: SseFrame = { event: 'message', data: undefined };
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon === 0) continue;
      const [field, value] = colon < 0 ? [line, ''] : [line.slice(0, colon), line.slice(colon + 1).replace(/^ /, '')];
      if (field === 'event') frame.event = value;
      else if (field === 'id') frame.id = value;
      else if (field === 'retry') frame.retry = Number(value);
      else if (field === 'data') frame.data = JSON.parse(value);
    }
    if (frame.data === undefined && frame.retry !== undefined && frame.event === 'message') return;
    this.frames.push(frame);
    this.#wake?.();
  }
}

/** The stream of `orderId` for `user` on `kit`. */
export function openStream(kit: Kit, orderId: string, user?: string, init: { lastEventId?: string; headers?: Record<string, string>; query?: string } = {}) {
  return StreamClient.open(`${kit.kit.url}/instacart/events?order=${encodeURIComponent(orderId)}${init.query ?? ''}`, { ...init, ...(user ? { user } : {}) });
}

/** Posts one callback to the kit, as Instacart would (with the retailer's token unless told otherwise). */
export function postCallback(kitUrl: string, body: unknown, token: string | null = CALLBACK_TOKEN, headers: Record<string, string> = {}) {
  return fetch(`${kitUrl}/instacart/callbacks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

let eventSequence = 0;

/** A callback body as Connect documents it. */
export function callbackBody(orderId: string, eventName: string, eventId = String(1201895966044343904n + BigInt(++eventSequence))) {
  return `{"event_id":${eventId},"event_name":"${eventName}","event_timestamp":"2026-11-26T15:00:00Z","event_metadata":{"order_id":"${orderId}"}}`;
}

/**
 * A customer's page as the widget runs it: shows what Connect says through the kit, re-reading on every
 * `changed` the endpoints it lists (the order first). `shown` is every state it has put on screen.
 */
export class FollowingPage {
  readonly shown: string[] = [];
  readonly reads: string[] = [];
  /** How many `changed` hints the page has acted on (re-read and shown). */
  followed = 0;
  #pending: Promise<void> = Promise.resolve();
  #onShown: (() => void) | undefined;

  private constructor(
    readonly kit: Kit,
    readonly user: string,
    readonly orderId: string,
    readonly stream: StreamClient,
  ) {}

  static async open(kit: Kit, user: string, orderId: string): Promise<FollowingPage> {
    const page = new FollowingPage(kit, user, orderId, await openStream(kit, orderId, user));
    await page.stream.next('ready');
    await page.poll();
    void page.#follow();
    return page;
  }

  /** One read of the order, as the widget's polling safety net makes it. */
  poll(): Promise<void> {
    return this.#reread(['order']);
  }

  /** Waits until the page shows `state` (through the stream's re-reads), within `timeoutMs`. */
  shows(state: string, timeoutMs = 2_000): Promise<void> {
    return this.#until(() => this.shown.at(-1) === state, () => `the page shows ${this.shown.at(-1)}, not ${state}`, timeoutMs);
  }

  /** Waits until the page has acted on `count` hints in all, within `timeoutMs`. */
  hasFollowed(count: number, timeoutMs = 2_000): Promise<void> {
    return this.#until(() => this.followed >= count, () => `the page followed ${this.followed} hints, not ${count}`, timeoutMs);
  }

  async #until(done: () => boolean, failure: () => string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${failure()} after ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#onShown = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  async #follow(): Promise<void> {
    for (;;) {
      let frame: SseFrame;
      try {
        frame = await this.stream.next('changed', 60_000);
      } catch {
        return;
      }
      try {
        await this.#reread(frame.data.resources as string[]);
      } catch {
        return; // the kit went away at the end of the test
      }
      this.followed += 1;
      this.#onShown?.();
    }
  }

  #reread(resources: string[]): Promise<void> {
    this.#pending = this.#pending.then(async () => {
      for (const resource of resources) {
        this.reads.push(resource);
        const answer = await this.kit.get(orderPath(this.orderId, resource === 'order' ? '' : `/${resource}`), this.user);
        if (resource === 'order' && answer.status === 200) {
          this.shown.push(answer.json.workflow_state);
          this.#onShown?.();
        }
      }
    });
    return this.#pending;
  }
}

/**
 * The widget's own tracker in Node, where there is no EventSource: an `openStream` for the tracking
 * environment that reads the kit's stream with the customer's session cookie, as a browser would send it.
 * A refusal (no stream) closes it, as EventSource does; the tracker then polls.
 */
export function nodeEventSource(user: string, onFrame: (frame: SseFrame) => void = () => {}): (url: string) => EventSourceLike {
  return (url) => {
    const listeners = new Map<string, ((event: MessageEvent) => void)[]>();
    const emit = (type: string, event: MessageEvent) => (listeners.get(type) ?? []).forEach((listener) => listener(event));
    let client: StreamClient | undefined;
    const source = {
      readyState: 0,
      addEventListener: (type: string, listener: (event: MessageEvent) => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
      close: () => {
        source.readyState = 2;
        client?.close();
      },
    };
    void StreamClient.open(url, { user }).then(async (opened) => {
      client = opened;
      if (source.readyState === 2) return opened.close();
      if (opened.status !== 200) {
        source.readyState = 2;
        return emit('error', new MessageEvent('error'));
      }
      source.readyState = 1;
      for (;;) {
        let frame: SseFrame;
        try {
          frame = await opened.next(undefined, 3_600_000);
        } catch {
          if (source.readyState !== 2) emit('error', new MessageEvent('error'));
          source.readyState = 2;
          return;
        }
        onFrame(frame);
        emit(frame.event, new MessageEvent(frame.event, { data: JSON.stringify(frame.data), lastEventId: frame.id ?? '' }));
      }
    }, () => {
      // Not reached (the server went away): refused, as an EventSource says it, unless closed meanwhile.
      if (source.readyState === 2) return;
      source.readyState = 2;
      emit('error', new MessageEvent('error'));
    });
    return source;
  };
}
