/**
 * Time, injected into a real page: installed before any of the page's scripts run, it keeps the page's pending
 * timeouts so that a test can run them at once instead of waiting for them. Running every pending timer is
 * what waiting until "later" would do: a tracker still alive polls, a stopped one does not.
 */
import type { Page } from 'puppeteer-core';

/**
 * Keeps the page's pending setTimeout callbacks (run by `runPendingTimers`). Given as source text: a function
 * would be serialised from its transpiled form, which may call helpers the page does not have.
 */
const KEEP_PENDING_TIMERS = `(() => {
  const pending = new Map();
  const set = window.setTimeout.bind(window);
  const clear = window.clearTimeout.bind(window);
  window.setTimeout = (callback, ms, ...args) => {
    const id = set(() => {
      pending.delete(id);
      if (typeof callback === 'function') callback(...args);
    }, ms);
    if (typeof callback === 'function') {
      pending.set(id, () => {
        pending.delete(id);
        clear(id);
        callback(...args);
      });
    }
    return id;
  };
  window.clearTimeout = (id) => {
    pending.delete(id);
    clear(id);
  };
  Object.defineProperty(window, '__runPendingTimers', {
    value: () => {
      const due = [...pending.values()];
      for (const run of due) run();
      return due.length;
    },
  });
})();`;

export async function injectPageTimers(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(KEEP_PENDING_TIMERS);
}

/**
 * Runs every pending timer, `rounds` times over (a timer that schedules the next one runs too), letting the
 * page's promises settle in between. Returns how many timers ran.
 */
export async function runPendingTimers(page: Page, rounds = 3): Promise<number> {
  let ran = 0;
  for (let round = 0; round < rounds; round += 1) {
    ran += (await page.evaluate('window.__runPendingTimers()')) as number;
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
  }
  return ran;
}
