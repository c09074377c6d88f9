// The real clock the elements use in a browser.
import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { browserClock, MAX_TIMER_DELAY_MS } from '../../src/common/clock.js';

describe('browserClock', () => {
  it('never asks for a timer longer than a browser keeps: a huge poll-interval must not poll in a loop', () => {
    // Browsers (and Node) run a timer of 2^31 ms or more at once; poll-interval="1000000" is 4e9 ms in brand_new.
    const delays: number[] = [];
    const setTimeoutMock = mock.method(globalThis, 'setTimeout', (_callback: () => void, ms: number) => {
      delays.push(ms);
      return 0 as unknown as ReturnType<typeof setTimeout>;
    });
    try {
      browserClock.setTimeout(() => {}, 4 * 1_000_000 * 1000);
      browserClock.setTimeout(() => {}, 15_000);
    } finally {
      setTimeoutMock.mock.restore();
    }
    assert.deepEqual(delays, [MAX_TIMER_DELAY_MS, 15_000]);
  });
});
