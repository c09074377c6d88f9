/**
 * An in-memory Web Locks manager (exclusive locks, FIFO waiters, `ifAvailable`, abort while waiting), for
 * running tab coordination where `navigator.locks` does not exist, such as Node.
 */
import type { LocksLike } from '../tracking/tab-coordinator.js';

interface Waiter {
  grant: () => void;
}

/** Give one instance to every simulated tab of one browser: they then compete for the same locks. */
export class FakeLocks implements LocksLike {
  readonly #held = new Set<string>();
  readonly #queues = new Map<string, Waiter[]>();

  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown> {
    const run = async () => {
      this.#held.add(name);
      try {
        return await callback({ name });
      } finally {
        this.#held.delete(name);
        const next = this.#queues.get(name)?.shift();
        next?.grant();
      }
    };
    if (!this.#held.has(name)) return run();
    if (options.ifAvailable) return Promise.resolve(callback(null));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { grant: () => void run().then(resolve, reject) };
      const queue = this.#queues.get(name) ?? [];
      queue.push(waiter);
      this.#queues.set(name, queue);
      options.signal?.addEventListener('abort', () => {
        const q = this.#queues.get(name) ?? [];
        const index = q.indexOf(waiter);
        if (index >= 0) q.splice(index, 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  }
}
