// One endpoint's reads: scheduling after settling, read-once, backoff, Retry-After, pause, latest wins.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/api/api-error.js';
import { Poller } from '../../src/tracking/poller.js';
import { retryDelay } from '../../src/tracking/backoff.js';
import { manualEnvironment } from '../../src/testing/index.js';

type Answer = { data: number } | { error: ApiError } | 'hang';

function setup(answers: Answer[], decide: 'retry' | 'stop' = 'retry', random = () => 0.5, takeIn: (d: number) => void = () => {}) {
  const env = manualEnvironment(random);
  env.clock.settleWith = async () => {
    for (let i = 0; i < 3; i += 1) await Promise.resolve();
  };
  const reads: number[] = [];
  const data: number[] = [];
  const errors: ApiError[] = [];
  const aborted: number[] = [];
  const poller = new Poller<number>({
    env,
    minRefreshGapMs: 5000,
    read: (signal) => {
      reads.push(env.clock.now());
      const answer = answers.shift() ?? { data: 0 };
      signal.addEventListener('abort', () => aborted.push(env.clock.now()));
      if (answer === 'hang') return new Promise(() => {});
      return 'error' in answer ? Promise.reject(answer.error) : Promise.resolve(answer.data);
    },
    onData: (d) => {
      takeIn(d);
      data.push(d);
    },
    onError: (e) => {
      errors.push(e);
      return decide;
    },
  });
  const t0 = env.clock.now();
  const at = () => reads.map((r) => (r - t0) / 1000);
  return { env, poller, reads, data, errors, aborted, at };
}

const server = (status = 503, retryAfterMs?: number) => ({ error: new ApiError({ kind: status === 429 ? 'rate_limited' : 'server', status, message: 'x', retryAfterMs }) });

describe('Poller', () => {
  it('polls every interval, each read scheduled after the previous settled', async () => {
    const { env, poller, at, data } = setup([{ data: 1 }, { data: 2 }, { data: 3 }]);
    poller.setActivity({ kind: 'poll', every: 1 }, 10_000);
    await env.clock.advance(25_000);
    assert.deepEqual(at(), [0, 10, 20]);
    assert.deepEqual(data, [1, 2, 3]);
  });

  it('reads once and then stays idle', async () => {
    const { env, poller, at } = setup([]);
    poller.setActivity({ kind: 'read_once' }, 10_000);
    await env.clock.advance(60_000);
    assert.deepEqual(at(), [0]);
    assert.equal(env.clock.pendingTimers, 0);
  });

  it('backs off with capped exponential delays after failures, then returns to the interval', async () => {
    const { env, poller, at, errors } = setup([server(), server(), server(), server(), server(), { data: 1 }, { data: 2 }], 'retry', () => 0.5);
    poller.setActivity({ kind: 'poll', every: 1 }, 10_000);
    await env.clock.advance(400_000);
    const times = at();
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    // Jitter fixed at 0.5: each wait is half its ceiling min(5 min, 10 s·2^n); the fifth hits the cap.
    assert.deepEqual(gaps.slice(0, 5), [10, 20, 40, 80, 150]);
    assert.equal(gaps[5], 10, 'back to the normal interval after the first success');
    assert.equal(errors.length, 5);
  });

  it('an answer that cannot be taken in is reported and read again, never the end of polling', async () => {
    const takeIn = (d: number) => {
      if (d === 1) throw new TypeError('a bug while showing the answer');
    };
    const { env, poller, at, data, errors } = setup([{ data: 1 }, { data: 2 }, { data: 3 }], 'retry', () => 0.5, takeIn);
    poller.setActivity({ kind: 'poll', every: 1 }, 10_000);
    await env.clock.advance(25_000);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.kind, 'invalid_response');
    assert.ok(errors[0]!.cause instanceof TypeError);
    assert.deepEqual(data, [2, 3]);
    assert.deepEqual(at(), [0, 10, 20], 'the retry waits about one interval, then polling goes on');
  });

  it('never waits longer than the cap, and honours Retry-After as a floor', () => {
    const options = { baseMs: 15_000, capMs: 300_000, minMs: 1000 };
    assert.equal(retryDelay(20, options, 0.999), 299_700);
    assert.equal(retryDelay(1, options, 0), 1000);
    assert.equal(retryDelay(1, options, 0.1, 7000), 7000);
    assert.equal(retryDelay(1, options, 0.9, 7000), 27_000);
  });

  it('a 429 with Retry-After: 7 waits at least 7 s', async () => {
    const { env, poller, at } = setup([server(429, 7000), { data: 1 }], 'retry', () => 0);
    poller.setActivity({ kind: 'poll', every: 1 }, 2_000);
    await env.clock.advance(7_500);
    assert.deepEqual(at(), [0, 7]);
  });

  it('a final answer stops the endpoint for good', async () => {
    const { env, poller, at } = setup([{ error: new ApiError({ kind: 'forbidden', status: 403, message: 'Shopper PII' }) }], 'stop');
    poller.setActivity({ kind: 'poll', every: 1 }, 10_000);
    await env.clock.advance(60_000);
    poller.setActivity({ kind: 'read_once' }, 10_000);
    await env.clock.advance(60_000);
    assert.deepEqual(at(), [0]);
  });

  it('fires nothing while paused, and reads at once when resumed if a read came due', async () => {
    const { env, poller, at } = setup([]);
    poller.setActivity({ kind: 'poll', every: 1 }, 10_000);
    await env.clock.advance(1_000);
    poller.pause();
    await env.clock.advance(600_000);
    assert.deepEqual(at(), [0]);
    poller.resume();
    await env.clock.settle();
    assert.deepEqual(at(), [0, 601]);
  });

  it('a newer read aborts an older one still in flight (the latest wins)', async () => {
    const { env, poller, reads, aborted } = setup(['hang', { data: 2 }]);
    poller.setActivity({ kind: 'poll', every: 1 }, 10_000);
    await env.clock.advance(6_000);
    poller.setActivity({ kind: 'read_once' }, 10_000);
    assert.equal(reads.length, 2);
    assert.equal(aborted.length, 1);
  });

  it('turning off aborts the read in flight and clears the timer', async () => {
    const { env, poller, aborted } = setup(['hang']);
    poller.setActivity({ kind: 'poll', every: 1 }, 10_000);
    poller.setActivity({ kind: 'off' }, 10_000);
    assert.equal(aborted.length, 1);
    assert.equal(env.clock.pendingTimers, 0);
  });
});
