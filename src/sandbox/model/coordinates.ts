/**
 * A position on the globe, as the emulator accepts one from a test or the demo (a pinned shopper, a
 * delivery address): finite degrees within ±90 latitude and ±180 longitude. Anything else would make
 * every later answer about that order one the client must refuse (docs/connect-api.md §1.4, §1.5).
 */
import { invalid } from './errors.js';
import type { SandboxCoordinates } from './records.js';

/** Throws `invalid` naming `latitude` or `longitude` (after `prefix`, e.g. `handling`) when off the globe. */
export function checkCoordinates({ latitude, longitude }: SandboxCoordinates, prefix?: string): void {
  const field = (name: string) => prefix ?? name;
  if (!(Number.isFinite(latitude) && latitude >= -90 && latitude <= 90)) throw invalid(field('latitude'), 'latitude must be a number from -90 to 90');
  if (!(Number.isFinite(longitude) && longitude >= -180 && longitude <= 180)) {
    throw invalid(field('longitude'), 'longitude must be a number from -180 to 180');
  }
}
