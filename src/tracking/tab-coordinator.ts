/**
 * One tab polls for all: when the same order is open in several tabs of one browser, the tabs elect a leader
 * with the Web Locks API (a lock is released by the browser when its tab closes, so a closed leader hands over
 * at once), the leader polls, and every answer it gets is shared over a BroadcastChannel. Only the lock's
 * holder reads, from the start: tabs opened in the same instant cost what one tab costs, and the price is one
 * exchange with the browser (not a server) before the first read. A tab that does not get the lock says hello
 * and waits for the leader's data. A tab only competes for the lead while it is visible: a hidden leader steps
 * down so a visible tab takes over. Where either API is missing the tab polls on its own.
 */
import type { OrderResource } from '../api/types.js';
import type { FinalCondition } from './snapshot.js';

/**
 * What the leader shares: Connect's answers as they came (every tab parses them itself), and final
 * conditions. Plain JSON (structured-cloneable).
 */
export type TabMessage =
  | { type: 'answer'; resource: OrderResource; raw: unknown }
  | { type: 'fatal'; condition: FinalCondition }
  /** A new follower asks the leader for what it already has. */
  | { type: 'hello' };

export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface LocksLike {
  request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<void> | void): Promise<unknown>;
}

/** The browser pieces tab coordination needs; null where the browser lacks them. */
export interface TabServices {
  openChannel(name: string): ChannelLike | null;
  locks: LocksLike | null;
}

export const browserTabServices: TabServices = {
  openChannel: (name) => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null),
  locks: typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks as unknown as LocksLike) : null,
};

/**
 * Part of the lock and channel names. Bump it whenever TabMessage or the shapes it carries change: a tab still
 * running an older script (opened before the retailer updated it) then coordinates only with its own version
 * and polls for itself, instead of misreading what a newer leader shares.
 */
const PROTOCOL = 'connect-order-status/v4';

/** Each tab starts alone; `leader` polls and shares; `follower` listens. `solo` cannot share and polls alone. */
export type TabRole = 'solo' | 'leader' | 'follower';

export interface TabCoordinatorOptions {
  key: string;
  services: TabServices;
  onRole(role: TabRole): void;
  onMessage(message: TabMessage): void;
}

export class TabCoordinator {
  #channel: ChannelLike | null = null;
  #role: TabRole = 'solo';
  #releaseLock: (() => void) | undefined;
  #waiting: AbortController | undefined;
  #closed = false;
  #saidHello = false;

  readonly #options: TabCoordinatorOptions;
  /** The lock's and the channel's name: one per order and protocol version. */
  readonly #name: string;

  constructor(options: TabCoordinatorOptions) {
    this.#options = options;
    this.#name = `${PROTOCOL}:${options.key}`;
  }

  /**
   * Joins the other tabs of this order. Returns false where the browser cannot coordinate tabs (the tab reads
   * alone, now); otherwise the role follows through onRole once the browser answers: until then, read nothing.
   */
  start(visible: boolean): boolean {
    const { services } = this.#options;
    if (!services.locks) return false;
    this.#channel = services.openChannel(this.#name);
    if (!this.#channel) return false;
    this.#channel.addEventListener('message', (event) => this.#received(event.data));
    if (visible) {
      void this.#compete();
    } else {
      // A hidden tab reads nothing; whatever a leader has is on screen the moment the tab is shown.
      this.#setRole('follower');
      this.#sayHello();
    }
    return true;
  }

  /** Shares what this tab read (only a leader does). */
  share(message: TabMessage): void {
    if (this.#role === 'leader' && !this.#closed) this.#channel?.postMessage(message);
  }

  /** A hidden tab steps down (or stops waiting); a visible one competes again. */
  visibilityChanged(visible: boolean): void {
    if (!this.#channel || this.#closed) return;
    if (visible) {
      if (this.#role === 'follower' && !this.#waiting) void this.#compete();
    } else {
      this.#waiting?.abort();
      this.#waiting = undefined;
      if (this.#role === 'leader') {
        this.#releaseLock?.();
        this.#releaseLock = undefined;
        this.#setRole('follower');
      }
    }
  }

  stop(): void {
    this.#closed = true;
    this.#waiting?.abort();
    this.#releaseLock?.();
    this.#channel?.close();
  }

  async #compete(): Promise<void> {
    const locks = this.#options.services.locks;
    if (!locks) return;
    // The request's own promise settles only when the lock is released; what matters now is whether we got it.
    const gotIt = await new Promise<boolean>((resolve) => {
      void locks.request(this.#name, { ifAvailable: true }, (lock) => {
        resolve(Boolean(lock));
        return lock ? this.#lead() : undefined;
      });
    });
    if (gotIt || this.#closed) return;
    this.#setRole('follower');
    this.#sayHello();
    const waiting = new AbortController();
    this.#waiting = waiting;
    locks
      .request(this.#name, { signal: waiting.signal }, () => {
        this.#waiting = undefined;
        return this.#lead();
      })
      .catch(() => {
        // Aborted because this tab was hidden or closed: nothing to do.
      });
  }

  /** Holds the lock until released (step down) or the tab closes. */
  #lead(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const held = new Promise<void>((resolve) => {
      this.#releaseLock = resolve;
    });
    this.#setRole('leader');
    return held;
  }

  /** Asks the leader for what it already has (once: its later answers come anyway). */
  #sayHello(): void {
    if (this.#saidHello) return;
    this.#saidHello = true;
    this.#channel?.postMessage({ type: 'hello' } satisfies TabMessage);
  }

  #setRole(role: TabRole): void {
    if (role === this.#role) return;
    this.#role = role;
    this.#options.onRole(role);
  }

  #received(data: unknown): void {
    // Anything else on the channel (another script's, a test's) is not a message of ours.
    if (this.#closed || typeof data !== 'object' || data === null || typeof (data as { type?: unknown }).type !== 'string') return;
    const message = data as TabMessage;
    if (message.type === 'hello') {
      if (this.#role === 'leader') this.#options.onMessage(message);
      return;
    }
    if (this.#role !== 'leader') this.#options.onMessage(message);
  }
}
