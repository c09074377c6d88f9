/**
 * The change bus across servers, on Redis pub/sub: a callback received by one server reaches the streams of
 * every server. One Redis channel per order, subscribed while a stream of this server follows the order.
 *
 * Written against the few methods of an ioredis client it uses (`RedisConnection`), so the core imports
 * no Redis client; the retailer passes theirs (ioredis 5 or 6) and the bus opens its own two connections
 * with the same settings (`duplicate`): Redis needs a connection of its own for subscribing.
 *
 * When Redis goes away the bus fails fast rather than queueing: publishing and subscribing reject at once,
 * and every subscription is told it was lost, so streams fall back to polling and the kit keeps answering.
 * Nothing is resubscribed on reconnection; new streams subscribe afresh (and resume with a full re-read).
 */
import { liveResources, type ChangeBus, type ChangeSubscriber, type OrderChange } from './change-bus.js';

/** The parts of an ioredis client (5 or 6) the bus uses. */
export interface RedisConnection {
  readonly status: string;
  duplicate(override?: { enableOfflineQueue?: boolean; autoResubscribe?: boolean; lazyConnect?: boolean }): RedisConnection;
  publish(channel: string, message: string): Promise<number>;
  subscribe(...channels: string[]): Promise<unknown>;
  unsubscribe(...channels: string[]): Promise<unknown>;
  set(key: string, value: string, millisecondsToken: 'PX', milliseconds: number, nx: 'NX'): Promise<'OK' | null>;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'ready' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  disconnect(): void;
}

export interface RedisChangeBusOptions {
  /**
   * Your ioredis client. The bus connects with its settings twice (at once, even if it is lazy) and never
   * uses this connection itself: `new Redis(url, { lazyConnect: true })` leaves it unopened.
   */
  redis: RedisConnection;
  /** Prefix of the bus's channel and key names. Default `connect-order-status:`. */
  prefix?: string;
}

/** A message on an order's channel: which endpoints to re-read. Anything larger is not one of ours. */
const MAX_MESSAGE_LENGTH = 1024;

interface Channel {
  subscribers: Set<ChangeSubscriber>;
  subscribed: Promise<void>;
}

export class RedisChangeBus implements ChangeBus {
  readonly #publisher: RedisConnection;
  readonly #subscriber: RedisConnection;
  readonly #prefix: string;
  readonly #channels = new Map<string, Channel>();

  constructor(options: RedisChangeBusOptions) {
    this.#prefix = options.prefix ?? 'connect-order-status:';
    // No offline queue: while Redis is away, commands fail at once instead of waiting for it.
    this.#publisher = options.redis.duplicate({ enableOfflineQueue: false, lazyConnect: false });
    this.#subscriber = options.redis.duplicate({ enableOfflineQueue: false, lazyConnect: false, autoResubscribe: false });
    // Failures surface as rejected commands and lost subscriptions; an unheard 'error' would be logged by the client.
    for (const connection of [this.#publisher, this.#subscriber]) connection.on('error', () => undefined);
    this.#subscriber.on('message', (channel, message) => this.#message(channel, message));
    this.#subscriber.on('close', () => this.#loseAll());
  }

  /** Whether both connections are up. */
  get connected(): boolean {
    return this.#publisher.status === 'ready' && this.#subscriber.status === 'ready';
  }

  /** Resolves once both connections are up (e.g. before a server starts taking traffic). */
  whenConnected(): Promise<void> {
    const up = (connection: RedisConnection) =>
      connection.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => connection.on('ready', resolve));
    return Promise.all([up(this.#publisher), up(this.#subscriber)]).then(() => undefined);
  }

  async publish(change: OrderChange): Promise<void> {
    this.#assertUp(this.#publisher);
    await this.#publisher.publish(this.#channelOf(change.orderId), JSON.stringify({ resources: change.resources }));
  }

  async subscribe(orderId: string, subscriber: ChangeSubscriber): Promise<() => void> {
    this.#assertUp(this.#subscriber);
    const name = this.#channelOf(orderId);
    let channel = this.#channels.get(name);
    if (!channel) {
      const created: Channel = { subscribers: new Set(), subscribed: this.#subscriber.subscribe(name).then(() => undefined) };
      created.subscribed.catch(() => {
        if (this.#channels.get(name) === created) this.#channels.delete(name);
      });
      this.#channels.set(name, created);
      channel = created;
    }
    channel.subscribers.add(subscriber);
    await channel.subscribed;
    // The connection may have dropped while subscribing: then the subscription never was.
    if (this.#channels.get(name) !== channel) throw new Error('Redis went away while subscribing');
    return () => this.#unsubscribe(name, channel, subscriber);
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    this.#assertUp(this.#publisher);
    return (await this.#publisher.set(`${this.#prefix}seen:${key}`, '1', 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK';
  }

  /** Tells every subscriber their subscription is lost, and closes both connections. */
  async close(): Promise<void> {
    this.#loseAll();
    this.#publisher.disconnect();
    this.#subscriber.disconnect();
  }

  #unsubscribe(name: string, channel: Channel, subscriber: ChangeSubscriber): void {
    channel.subscribers.delete(subscriber);
    if (channel.subscribers.size > 0 || this.#channels.get(name) !== channel) return;
    this.#channels.delete(name);
    if (this.#subscriber.status === 'ready') this.#subscriber.unsubscribe(name).catch(() => undefined);
  }

  #message(name: string, message: string): void {
    const channel = this.#channels.get(name);
    if (!channel || message.length > MAX_MESSAGE_LENGTH) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return; // not one of ours
    }
    const listed = (parsed as { resources?: unknown } | null)?.resources;
    const resources = Array.isArray(listed) ? liveResources(listed) : undefined;
    if (!resources) return;
    const change: OrderChange = { orderId: name.slice(`${this.#prefix}order:`.length), resources };
    for (const subscriber of [...channel.subscribers]) subscriber.change(change);
  }

  #loseAll(): void {
    const channels = [...this.#channels.values()];
    this.#channels.clear();
    for (const channel of channels) for (const subscriber of channel.subscribers) subscriber.lost();
  }

  #channelOf(orderId: string): string {
    return `${this.#prefix}order:${orderId}`;
  }

  #assertUp(connection: RedisConnection): void {
    if (connection.status !== 'ready') throw new Error(`Redis is not connected (${connection.status})`);
  }
}
