/**
 * The emulator as the sender of event callbacks (docs/connect-api.md §6): every update the model records
 * becomes the callback Connect would send (callback-payloads.ts), POSTed to the retailer's configured URL
 * with its bearer token, one at a time in the order they happened. Development faults make it misbehave the
 * way Connect is documented to: drop callbacks, send one twice, deliver one after the next, or late.
 *
 * The token goes only into the Authorization header: never into the delivery log, an error or the
 * inspect view.
 */
import type { Scheduler } from '../model/autoplay.js';
import { invalid } from '../model/errors.js';
import type { OrderLog, OrderUpdate } from '../model/order-log.js';
import type { OrderRecord } from '../model/records.js';
import { callbackFor, type EventCallbackPayload } from './callback-payloads.js';

/** Where callbacks go, and the bearer token they carry. */
export interface CallbackTarget {
  url: string;
  token: string;
}

/** Misbehaviour on demand: counts apply to the next callbacks; `delayMs` to every one until cleared. */
export interface CallbackFaults {
  /** The next N callbacks are not sent at all. */
  drop?: number;
  /** The next N callbacks are sent twice (the same event_id). */
  duplicate?: number;
  /** The next N callbacks are each held back and sent after the one that follows them. */
  reorder?: number;
  /** Every callback waits this long before it is sent. */
  delayMs?: number;
}

/** What became of one callback. */
export interface CallbackDelivery {
  eventId: string;
  eventName: string;
  orderId: string;
  /** `pending` until answered; `dropped` by a fault; `failed` when the receiver could not be reached. */
  outcome: 'pending' | 'sent' | 'dropped' | 'failed';
  /** The receiver's HTTP status. */
  status?: number;
  /** Model time when it was sent (or dropped). */
  at: number;
}

export interface CallbackSenderOptions {
  now: () => number;
  schedule: Scheduler;
  target?: CallbackTarget;
  /** How callbacks are POSTed. Default the runtime's fetch. */
  fetch?: typeof fetch;
}

/** A held-back callback goes anyway after this long, if no other callback came to overtake it. */
const REORDER_HOLD_MS = 5_000;
const SEND_TIMEOUT_MS = 5_000;
const MAX_DELIVERIES_KEPT = 200;

export class CallbackSender {
  readonly #now: () => number;
  readonly #schedule: Scheduler;
  readonly #fetch: typeof fetch;
  #target: CallbackTarget | undefined;
  #faults: Required<CallbackFaults> = { drop: 0, duplicate: 0, reorder: 0, delayMs: 0 };
  #sequence = 0;
  #queue: Promise<void> = Promise.resolve();
  #inFlight = 0;
  #waiters: (() => void)[] = [];
  #held: { payload: EventCallbackPayload; release: () => void } | undefined;
  readonly #cancels = new Set<() => void>();
  readonly #deliveries: CallbackDelivery[] = [];

  constructor(log: OrderLog, options: CallbackSenderOptions) {
    this.#now = options.now;
    this.#schedule = options.schedule;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    if (options.target) this.configure(options.target);
    log.listen((order, update) => this.#heard(order, update));
  }

  /** Sends callbacks to `target` from now on; null stops sending. */
  configure(target: CallbackTarget | null): void {
    if (target === null) {
      this.#target = undefined;
      return;
    }
    let url: URL;
    try {
      url = new URL(target.url);
    } catch {
      throw invalid('url', 'url must be an absolute http(s) URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url', 'url must be an absolute http(s) URL');
    if (typeof target.token !== 'string' || !/^[\x21-\x7e]{1,4096}$/.test(target.token)) throw invalid('token', 'token must be visible ASCII, without spaces');
    this.#target = { url: url.href, token: target.token };
  }

  /** Where callbacks go (the token is never shown), or null when they are off. */
  get url(): string | null {
    return this.#target?.url ?? null;
  }

  get faults(): Required<CallbackFaults> {
    return { ...this.#faults };
  }

  /** Adds to the fault counts and sets the delay (given fields only). */
  injectFaults(faults: CallbackFaults): void {
    for (const key of ['drop', 'duplicate', 'reorder', 'delayMs'] as const) {
      const value = faults[key];
      if (value === undefined) continue;
      if (!(Number.isInteger(value) && value >= 0 && value <= 3_600_000)) throw invalid(key, 'must be a whole number from 0');
      this.#faults[key] = key === 'delayMs' ? value : this.#faults[key] + value;
    }
  }

  clearFaults(): void {
    this.#faults = { drop: 0, duplicate: 0, reorder: 0, delayMs: 0 };
  }

  /** The latest callbacks (at most 200), oldest first. */
  deliveries(): CallbackDelivery[] {
    return this.#deliveries.map((delivery) => ({ ...delivery }));
  }

  /** Resolves once every callback heard so far has been answered (held and delayed ones included). */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Forgets the log and the faults and cancels what waits (the target stays). */
  reset(): void {
    this.dispose();
    this.clearFaults();
    this.#deliveries.length = 0;
  }

  /** Cancels delayed and held callbacks (they are not sent). */
  dispose(): void {
    for (const cancel of this.#cancels) cancel();
    this.#cancels.clear();
    this.#held = undefined;
    this.#inFlight = 0;
    this.#settle();
  }

  #heard(order: OrderRecord, update: OrderUpdate): void {
    if (!this.#target) return;
    const payload = callbackFor(order, update, (this.#sequence += 1), this.#now());
    if (!payload) return;
    if (this.#faults.drop > 0) {
      this.#faults.drop -= 1;
      this.#record(payload, 'dropped');
      return;
    }
    const copies = this.#faults.duplicate > 0 ? 2 : 1;
    if (copies === 2) this.#faults.duplicate -= 1;
    this.#inFlight += copies;
    if (this.#faults.delayMs === 0) return this.#inOrder(payload, copies);
    this.#later(() => this.#inOrder(payload, copies), this.#faults.delayMs);
  }

  /** Holds one back (with its duplicate) when asked to, and sends it after the next one. */
  #inOrder(payload: EventCallbackPayload, copies: number): void {
    const held = this.#held;
    if (held) {
      this.#held = undefined;
      this.#enqueue(payload, copies);
      held.release();
      return;
    }
    if (this.#faults.reorder > 0) {
      this.#faults.reorder -= 1;
      const cancel = this.#later(() => {
        if (this.#held?.payload === payload) this.#held.release();
      }, REORDER_HOLD_MS);
      this.#held = {
        payload,
        release: () => {
          cancel();
          if (this.#held?.payload === payload) this.#held = undefined;
          this.#enqueue(payload, copies);
        },
      };
      return;
    }
    this.#enqueue(payload, copies);
  }

  #enqueue(payload: EventCallbackPayload, copies: number): void {
    for (let copy = 0; copy < copies; copy += 1) this.#queue = this.#queue.then(() => this.#post(payload)).finally(() => this.#done());
  }

  async #post(payload: EventCallbackPayload): Promise<void> {
    const target = this.#target;
    if (!target) return;
    const delivery = this.#record(payload, 'pending');
    try {
      const response = await this.#fetch(target.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${target.token}` },
        body: payload.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await response.body?.cancel();
      delivery.outcome = 'sent';
      delivery.status = response.status;
    } catch {
      delivery.outcome = 'failed';
    }
  }

  #record(payload: EventCallbackPayload, outcome: CallbackDelivery['outcome']): CallbackDelivery {
    const delivery: CallbackDelivery = { eventId: payload.eventId, eventName: payload.eventName, orderId: payload.orderId, outcome, at: this.#now() };
    this.#deliveries.push(delivery);
    if (this.#deliveries.length > MAX_DELIVERIES_KEPT) this.#deliveries.shift();
    return delivery;
  }

  #later(step: () => void, ms: number): () => void {
    const cancel = this.#schedule(() => {
      this.#cancels.delete(cancel);
      step();
    }, ms);
    this.#cancels.add(cancel);
    return () => {
      cancel();
      this.#cancels.delete(cancel);
    };
  }

  #done(): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    this.#settle();
  }

  #settle(): void {
    if (this.#inFlight > 0) return;
    for (const resolve of this.#waiters.splice(0)) resolve();
  }
}
