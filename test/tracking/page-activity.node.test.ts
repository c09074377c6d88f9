// Whether anyone can use what is read: the tracker pauses while the page is hidden or offline, and must know
// when the customer comes back (to refresh, or to retry a sign-in).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type PageActivityChange, watchPageActivity } from '../../src/tracking/page-activity.js';
import { manualEnvironment } from '../../src/testing/index.js';

describe('watchPageActivity', () => {
  it('reports at once, then each change, and a return only after being away', () => {
    const env = manualEnvironment();
    const seen: PageActivityChange[] = [];
    const stop = watchPageActivity(env, (change) => seen.push(change));
    env.visibility.set(false);
    env.connectivity.set(false);
    env.visibility.set(true);
    env.connectivity.set(true);
    stop();
    env.visibility.set(false);
    assert.deepEqual(
      seen.map((c) => [c.visible, c.online, c.active, c.returned]),
      [
        [true, true, true, false],
        [false, true, false, false],
        [false, false, false, false],
        [true, false, false, false],
        [true, true, true, true],
      ],
    );
  });
});
