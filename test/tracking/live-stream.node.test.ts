// The widget's side of the live stream: what it reads when the kit says something changed, when it trusts
// the stream and when it goes back to polling, and how it opens a new one. A fake EventSource, a manual clock.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LiveStream } from '../../src/tracking/live-stream.js';
import { ManualClock, ManualStreams } from '../../src/testing/index.js';

function stream() {
  const clock = new ManualClock();
  const streams = new ManualStreams();
  const sources = streams.opened;
  const changed: string[][] = [];
  const health: boolean[] = [];
  const live = new LiveStream({
    url: '/instacart/events?order=o1',
    open: streams.open,
    clock,
    // Doubling from 5 s, as the tracker's backoff does (with jitter at its middle).
    retryDelay: (failures) => 5_000 * 2 ** (failures - 1),
    onChanged: (resources) => changed.push(resources),
    onHealth: (healthy) => health.push(healthy),
  });
  return { live, clock, sources, changed, health, latest: () => sources.at(-1)! };
}

describe('LiveStream', () => {
  it('is healthy from ready; a change passes on the names it lists, and anything malformed is ignored', () => {
    const { latest, changed, health } = stream();
    latest().send('ready', { order_id: 'o1', heartbeat_ms: 20_000 }, 'a.1');
    latest().send('changed', { resources: ['order', 'items', 42, { evil: true }] }, 'a.2');
    latest().send('changed', '<html>not json');
    latest().send('changed', { resources: 'order' });
    assert.deepEqual(health, [true]);
    assert.deepEqual(changed, [['order', 'items']]);
  });

  it('a refused stream (no live updates here, session over) means polling, and a new try later each time', async () => {
    const { latest, clock, sources, health } = stream();
    latest().fail(true);
    assert.deepEqual(health, []);
    await clock.advance(4_999);
    assert.equal(sources.length, 1, 'not before the first retry delay');
    await clock.advance(1);
    assert.equal(sources.length, 2);
    latest().fail(true);
    await clock.advance(5_000);
    assert.equal(sources.length, 2, 'the second wait is longer');
    await clock.advance(10_000);
    assert.equal(sources.length, 3);
  });

  it('a kit with no live updates (refused every time, never ready) is asked four times, then the page just polls', async () => {
    const { latest, clock, sources } = stream();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      latest().fail(true);
      await clock.advance(3_600_000);
    }
    assert.equal(sources.length, 4);
    assert.equal(latest().closed, true);
  });

  it('a stream that was ready once keeps being retried after refusals (a session that ended, a server restarting)', async () => {
    const { latest, clock, sources } = stream();
    latest().send('ready', { heartbeat_ms: 20_000 });
    for (let attempt = 0; attempt < 6; attempt += 1) {
      latest().fail(true);
      await clock.advance(3_600_000);
    }
    assert.equal(sources.length, 7);
  });

  it('a dropped connection is the browser’s to reopen: unhealthy meanwhile, healthy again at ready', () => {
    const { latest, sources, health } = stream();
    latest().send('ready', { heartbeat_ms: 20_000 });
    latest().fail(false);
    latest().send('ready', { heartbeat_ms: 20_000 });
    assert.deepEqual(health, [true, false, true]);
    assert.equal(sources.length, 1, 'the same EventSource reconnected');
  });

  it('fallback: the kit can no longer push; polling, and a new stream after retry_after, resuming after the last event', async () => {
    const { latest, clock, sources, health } = stream();
    latest().send('ready', { heartbeat_ms: 20_000 }, 'k.1');
    latest().send('changed', { resources: ['order'] }, 'k.2');
    latest().send('fallback', { retry_after: 30 });
    assert.deepEqual(health, [true, false]);
    assert.equal(sources[0]!.closed, true);
    await clock.advance(29_999);
    assert.equal(sources.length, 1);
    await clock.advance(1);
    assert.equal(latest().url, '/instacart/events?order=o1&last_event_id=k.2');
  });

  it('silence for 2.5 heartbeats is a dead stream: a new one at once, resuming', async () => {
    const { latest, clock, sources, health } = stream();
    latest().send('ready', { heartbeat_ms: 1_000 }, 'h.1');
    await clock.advance(2_000);
    latest().send('heartbeat', {});
    await clock.advance(2_499);
    assert.equal(sources.length, 1, 'a heartbeat kept it alive');
    await clock.advance(1);
    assert.deepEqual(health, [true, false]);
    assert.equal(sources[0]!.closed, true);
    assert.equal(latest().url, '/instacart/events?order=o1&last_event_id=h.1');
  });

  it('stop closes it for good', async () => {
    const { live, latest, clock, sources } = stream();
    latest().send('ready', { heartbeat_ms: 1_000 });
    live.stop();
    await clock.advance(3_600_000);
    assert.equal(sources.length, 1);
    assert.equal(sources[0]!.closed, true);
  });
});
