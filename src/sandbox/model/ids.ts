/**
 * Identifiers the sandbox hands out, from a seedable generator so a test that passes a seed gets the same
 * ids every run. Not cryptographic: these are development tokens for an emulator.
 */

/** mulberry32: a tiny, good-enough PRNG with 32 bits of state. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class IdGenerator {
  readonly #random: () => number;

  constructor(seed: number) {
    this.#random = seededRandom(seed);
  }

  #hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.#random() * 0x100000000).toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  /** A version-4-shaped UUID, like Connect's order ids. */
  uuid(): string {
    const h = this.#hex(32);
    const variant = ((Number.parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** Line item ids look like the tutorial's `1234-5678-9012-abcd`. */
  lineItemId(): string {
    const h = this.#hex(16);
    return `${h.slice(0, 4)}-${h.slice(4, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}`;
  }

  token(prefix: string): string {
    return `${prefix}_${this.#hex(40)}`;
  }
}
