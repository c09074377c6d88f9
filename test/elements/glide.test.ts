// The shopper's marker glides between polled positions, frame by frame, and jumps at once for customers who
// asked their system for reduced motion.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { glide, prefersReducedMotion } from '../../src/elements/shopper-map/glide.js';

function fakeMarker(lat: number, lng: number) {
  const positions: [number, number][] = [];
  let current = { lat, lng };
  return {
    positions,
    getLatLng: () => current,
    setLatLng: ([a, b]: [number, number]) => {
      current = { lat: a, lng: b };
      positions.push([a, b]);
    },
  };
}

function frames() {
  let time = 0;
  const queue: ((t: number) => void)[] = [];
  return {
    now: () => time,
    requestFrame: (cb: (t: number) => void) => queue.push(cb),
    cancelFrame: () => queue.splice(0),
    /** Runs the next frame, 16 ms after the previous one. */
    tick() {
      time += 16;
      const next = queue.shift();
      next?.(time);
      return Boolean(next);
    },
  };
}

describe('shopper marker glide', () => {
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('moves through intermediate positions and arrives exactly, easing out', () => {
    const marker = fakeMarker(38.70, -89.95);
    const f = frames();
    glide(marker, [38.69, -89.98], { durationMs: 160, reducedMotion: false, ...f });
    while (f.tick());
    expect(marker.positions.length).to.equal(10);
    expect(marker.positions.at(-1)).to.deep.equal([38.69, -89.98]);
    const [first, second] = marker.positions;
    const stepOne = Math.abs(first![1] - -89.95);
    const stepTwo = Math.abs(second![1] - first![1]);
    expect(stepOne).to.be.greaterThan(stepTwo, 'fast start, gentle arrival');
  });

  it('jumps at once under reduced motion', () => {
    const marker = fakeMarker(38.70, -89.95);
    const f = frames();
    glide(marker, [38.69, -89.98], { durationMs: 1200, reducedMotion: true, ...f });
    expect(marker.positions).to.deep.equal([[38.69, -89.98]]);
    expect(f.tick()).to.equal(false, 'no frame was asked for');
  });

  it('a new position stops the glide in progress', () => {
    const marker = fakeMarker(38.70, -89.95);
    const f = frames();
    const stop = glide(marker, [38.69, -89.98], { durationMs: 1000, reducedMotion: false, ...f });
    f.tick();
    stop();
    expect(f.tick()).to.equal(false);
  });

  it('reads the customer’s reduced-motion preference', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(prefersReducedMotion()).to.equal(true);
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(prefersReducedMotion()).to.equal(false);
  });
});
