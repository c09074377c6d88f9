/**
 * The browser's tab services in memory, for running several tabs of one order in Node: BroadcastChannels that
 * deliver a copy of each message to every other channel of the same name a microtask later, and exclusive Web
 * Locks.
 */
import type { ChannelLike, TabServices } from '../tracking/tab-coordinator.js';
import { FakeLocks } from './fake-locks.js';

export interface MemoryTabs extends TabServices {
  /** Posts anything on a channel, as another script of the site could. */
  post(name: string, message: unknown): void;
  /** Names of the channels opened so far. */
  readonly names: string[];
}

/**
 * `lockDelay`: the browser answers a lock request across processes, later than a fetch starts; a test that
 * is about what goes out before the election settles delays each answer by a macrotask.
 */
export function memoryTabs(options: { lockDelay?: boolean } = {}): MemoryTabs {
  const listeners = new Map<string, Set<(event: MessageEvent) => void>>();
  const names: string[] = [];
  const deliver = (name: string, message: unknown, except?: (event: MessageEvent) => void) => {
    const copy = structuredClone(message);
    for (const listener of listeners.get(name) ?? []) {
      if (listener !== except) queueMicrotask(() => listener(new MessageEvent('message', { data: copy })));
    }
  };
  const fakeLocks = new FakeLocks();
  const locks: TabServices['locks'] = options.lockDelay
    ? { request: (name, opts, callback) => new Promise((resolve) => setTimeout(resolve, 0)).then(() => fakeLocks.request(name, opts, callback)) }
    : fakeLocks;
  return {
    locks,
    names,
    post: (name, message) => deliver(name, message),
    openChannel(name): ChannelLike {
      names.push(name);
      const own = new Set<(event: MessageEvent) => void>();
      const receive = (event: MessageEvent) => own.forEach((listener) => listener(event));
      const everyone = listeners.get(name) ?? new Set();
      listeners.set(name, everyone);
      everyone.add(receive);
      return {
        postMessage: (message) => deliver(name, message, receive),
        addEventListener: (_type, listener) => own.add(listener),
        close: () => everyone.delete(receive),
      };
    },
  };
}

/** Lets queued messages, and the replies they cause, arrive. */
export async function messagesDelivered(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
