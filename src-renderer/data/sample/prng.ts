/**
 * A seeded pseudo-random generator (mulberry32) for sample data and benchmarks: the same seed gives the same
 * company on every machine, which makes benchmark figures comparable and test failures reproducible. Never
 * used for anything secret (document number keys of real devices come from crypto.getRandomValues).
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(probability: number): boolean
  /**
   * A decimal string with `places` decimals in [min, max], e.g. money(5, 500, 2) → '123.45'. The bounds are only
   * a range to draw from; the result is built from whole minor units, never formatted from a float.
   */
  money(min: number, max: number, places: number): string
  /** `n` bytes, for a deterministic numbering key. */
  bytes(n: number): Uint8Array
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0
  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)]
      if (item === undefined) throw new RangeError('pick from an empty list')
      return item
    },
    chance: (p) => next() < p,
    money(min, max, places) {
      // Whole minor units, so the text is exact: no float is ever formatted into money.
      const scale = 10 ** places
      const units = int(Math.ceil(min * scale), Math.floor(max * scale))
      const whole = Math.floor(units / scale)
      const frac = String(units % scale).padStart(places, '0')
      return places > 0 ? `${whole}.${frac}` : String(whole)
    },
    bytes: (n) => Uint8Array.from({ length: n }, () => int(0, 255)),
  }
}
