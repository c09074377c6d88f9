/**
 * The shopper's marker glides from one polled position to the next instead of jumping, as couriers do in the
 * trackers people know. Under `prefers-reduced-motion: reduce` it moves at once. Frames and time are injected
 * so a test can play a glide frame by frame.
 */
import type { LatLngTuple } from 'leaflet';

export interface MovableMarker {
  getLatLng(): { lat: number; lng: number };
  setLatLng(latLng: LatLngTuple): unknown;
}

export interface GlideOptions {
  durationMs: number;
  reducedMotion: boolean;
  requestFrame?: (callback: (time: number) => void) => number;
  cancelFrame?: (handle: number) => void;
  now?: () => number;
}

/** Ease-out: fast start, gentle arrival. */
const easeOut = (t: number) => 1 - (1 - t) ** 3;

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Moves `marker` to `to`; returns a function that stops the glide where it is. */
export function glide(marker: MovableMarker, to: LatLngTuple, options: GlideOptions): () => void {
  const from = marker.getLatLng();
  if (options.reducedMotion || options.durationMs <= 0 || (from.lat === to[0] && from.lng === to[1])) {
    marker.setLatLng(to);
    return () => {};
  }
  const requestFrame = options.requestFrame ?? ((cb) => requestAnimationFrame(cb));
  const cancelFrame = options.cancelFrame ?? ((handle) => cancelAnimationFrame(handle));
  const now = options.now ?? (() => performance.now());
  const start = now();
  let handle = 0;
  const step = () => {
    const t = Math.min(1, (now() - start) / options.durationMs);
    const k = easeOut(t);
    marker.setLatLng([from.lat + (to[0] - from.lat) * k, from.lng + (to[1] - from.lng) * k]);
    if (t < 1) handle = requestFrame(step);
  };
  handle = requestFrame(step);
  return () => cancelFrame(handle);
}
