/**
 * This server's side of the change bus: one channel per order that streams here follow. A channel
 * subscribes to the order on the bus when its first stream joins, hands every change to its streams, keeps
 * the last changes for streams that resume (`Last-Event-ID`), and lingers a minute after its last stream
 * left so that a reconnecting page can resume here. When the bus loses the subscription, every stream of
 * the order is told to fall back to polling and ends.
 *
 * Resuming never misses a change: replay is exact only when the channel has followed the order without a
 * break since the page's cursor and has dropped nothing after it; otherwise the stream gets one `changed`
 * for every resource.
 */
import { LIVE_RESOURCES, liveResources, type ChangeBus, type LiveResource, type OrderChange } from './change-bus.js';
import type { ProxyClock } from './clock.js';
import { FOREIGN_CURSOR_SLACK_MS, formatCursor, newInstanceId, parseCursor } from './live-cursor.js';
import type { StreamFrame, StreamSink } from './event-stream.js';

/** Changes kept per order for resuming streams, by count and by age. */
const MAX_BUFFERED = 32;
const REPLAY_WINDOW_MS = 5 * 60_000;
/** How long a channel keeps following its order after its last stream left. */
const LINGER_MS = 60_000;
/** A bus that has not confirmed a subscription by then counts as unavailable (the page polls). */
const SUBSCRIBE_TIMEOUT_MS = 5_000;
/** What a stream told to fall back is asked to wait before it tries a stream again. */
export const FALLBACK_RETRY_SECONDS = 30;

interface BufferedChange {
  cursor: number;
  at: number;
  resources: LiveResource[];
}

interface OrderChannel {
  orderId: string;
  subscribed: Promise<void>;
  unsubscribe?: () => void;
  /** Since when (a cursor) the bus has delivered this order's changes here without a break. */
  liveSince: number;
  /** The newest cursor dropped from the buffer: a resume from before it cannot be exact. */
  droppedUpTo: number;
  buffer: BufferedChange[];
  sinks: Set<StreamSink>;
  linger?: unknown;
  over: boolean;
}

export class LiveHub {
  readonly instanceId = newInstanceId();
  readonly #bus: ChangeBus;
  readonly #clock: ProxyClock;
  readonly #channels = new Map<string, OrderChannel>();
  /**
   * The last cursor given out, by any channel: cursors only grow, even within one millisecond and across a
   * channel dropped and opened again, so an id from before a break is always seen to be from before it.
   */
  #lastCursor = 0;

  constructor(bus: ChangeBus, clock: ProxyClock) {
    this.#bus = bus;
    this.#clock = clock;
  }

  /**
   * Joins `sink` to its order's channel, subscribing on the bus first if needed (rejects when the bus is
   * unavailable). The sink gets its `ready` (and, when resuming, what it missed) before any live change.
   * Returns how to leave.
   */
  async join(orderId: string, sink: StreamSink, ready: Omit<StreamFrame, 'event' | 'id'>, lastEventId: string | undefined): Promise<() => void> {
    const channel = this.#channels.get(orderId) ?? this.#open(orderId);
    await channel.subscribed;
    if (channel.over) throw new Error('The change bus lost the subscription');
    // From here on nothing awaits: no change can slip between the catch-up and the live ones.
    if (channel.linger !== undefined) this.#clock.clearTimeout(channel.linger);
    channel.linger = undefined;
    const missed = this.#missed(channel, lastEventId);
    const id = formatCursor({ instance: this.instanceId, ms: this.#nextCursor() });
    sink.send({ ...ready, event: 'ready', id });
    if (missed) sink.send({ event: 'changed', id, data: { resources: missed } });
    channel.sinks.add(sink);
    return () => this.#leave(channel, sink);
  }

  /** Ends every stream (without a fallback: they reconnect elsewhere) and every subscription. */
  close(): void {
    for (const channel of [...this.#channels.values()]) {
      this.#drop(channel);
      for (const sink of [...channel.sinks]) sink.end();
    }
  }

  #open(orderId: string): OrderChannel {
    const channel: OrderChannel = {
      orderId,
      subscribed: Promise.resolve(),
      liveSince: Infinity,
      droppedUpTo: -Infinity,
      buffer: [],
      sinks: new Set(),
      over: false,
    };
    this.#channels.set(orderId, channel);
    channel.subscribed = this.#withinTimeout(this.#bus.subscribe(orderId, { change: (change) => this.#deliver(channel, change), lost: () => this.#lose(channel) }))
      .then(
        (unsubscribe) => {
          channel.unsubscribe = unsubscribe;
          channel.liveSince = this.#nextCursor();
          if (channel.over) unsubscribe();
        },
        (error: unknown) => {
          this.#drop(channel);
          throw error;
        },
      );
    return channel;
  }

  /**
   * The subscription, or a rejection once the bus has taken too long. A subscription that still comes
   * after that is released at once (the channel is over by then).
   */
  #withinTimeout(subscribing: Promise<() => void>): Promise<() => void> {
    return new Promise((resolve, reject) => {
      let timedOut = false;
      const timer = this.#clock.setTimeout(() => {
        timedOut = true;
        reject(new Error('The change bus did not confirm the subscription in time'));
      }, SUBSCRIBE_TIMEOUT_MS);
      subscribing.then(
        (unsubscribe) => {
          this.#clock.clearTimeout(timer);
          if (timedOut) unsubscribe();
          else resolve(unsubscribe);
        },
        (error: unknown) => {
          this.#clock.clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  #deliver(channel: OrderChannel, change: OrderChange): void {
    const resources = liveResources(change.resources);
    if (channel.over || !resources) return;
    const now = this.#clock.now();
    const cursor = this.#nextCursor();
    channel.buffer.push({ cursor, at: now, resources });
    this.#trim(channel, now);
    const frame: StreamFrame = { event: 'changed', id: formatCursor({ instance: this.instanceId, ms: cursor }), data: { resources } };
    for (const sink of [...channel.sinks]) sink.send(frame);
  }

  /** What a stream resuming from `lastEventId` missed: undefined for nothing (or a fresh stream). */
  #missed(channel: OrderChannel, lastEventId: string | undefined): LiveResource[] | undefined {
    if (lastEventId === undefined) return undefined;
    const cursor = parseCursor(lastEventId);
    if (!cursor) return [...LIVE_RESOURCES];
    const from = cursor.instance === this.instanceId ? cursor.ms : cursor.ms - FOREIGN_CURSOR_SLACK_MS;
    this.#trim(channel, this.#clock.now());
    if (channel.liveSince > from || channel.droppedUpTo > from) return [...LIVE_RESOURCES];
    return liveResources(channel.buffer.filter((change) => change.cursor > from).flatMap((change) => change.resources));
  }

  /** This server's time in ms, or one more than the last cursor if that is ahead: strictly increasing. */
  #nextCursor(): number {
    this.#lastCursor = Math.max(this.#clock.now(), this.#lastCursor + 1);
    return this.#lastCursor;
  }

  #trim(channel: OrderChannel, now: number): void {
    const { buffer } = channel;
    while (buffer.length > MAX_BUFFERED || (buffer[0] !== undefined && buffer[0].at < now - REPLAY_WINDOW_MS)) {
      channel.droppedUpTo = (buffer.shift() as BufferedChange).cursor;
    }
  }

  #leave(channel: OrderChannel, sink: StreamSink): void {
    channel.sinks.delete(sink);
    if (channel.sinks.size > 0 || channel.over) return;
    channel.linger = this.#clock.setTimeout(() => {
      if (channel.sinks.size === 0) this.#drop(channel);
    }, LINGER_MS);
  }

  /** The bus can no longer deliver this order's changes: its streams poll until they can stream again. */
  #lose(channel: OrderChannel): void {
    if (channel.over) return;
    this.#drop(channel);
    const fallback: StreamFrame = { event: 'fallback', data: { retry_after: FALLBACK_RETRY_SECONDS } };
    for (const sink of [...channel.sinks]) sink.end(fallback);
  }

  #drop(channel: OrderChannel): void {
    channel.over = true;
    if (channel.linger !== undefined) this.#clock.clearTimeout(channel.linger);
    if (this.#channels.get(channel.orderId) === channel) this.#channels.delete(channel.orderId);
    try {
      channel.unsubscribe?.();
    } catch {
      // The bus is going away anyway.
    }
    channel.unsubscribe = undefined;
  }
}
