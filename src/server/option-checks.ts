/** The one check every numeric option shares, so a mistake fails at start-up with the option's name. */

/** `value`, or `fallback` when it is absent; a TypeError naming the option when it is not a positive number. */
export function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isFinite(value) && value > 0)) throw new TypeError(`${name} must be a positive number`);
  return value;
}
