/**
 * Seeded pseudo-random numbers, so every simulation (SII intervals, allocation sensitivity) is
 * reproducible: the same seed gives the same draws on every machine.
 *
 * Generator: mulberry32 (a 32-bit multiply-xorshift generator; period 2^32), adequate for Monte Carlo
 * intervals of tens of thousands of draws. Normal deviates by the Box–Muller transform.
 */
export interface SeededRandom {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal deviate. */
  normal(): number;
  /** The seed this generator started from, to report next to simulated results. */
  readonly seed: number;
}

/** A reproducible generator from an integer seed (any number; it is reduced to 32 bits). */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  let spareNormal: number | undefined;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spareNormal !== undefined) {
      const value = spareNormal;
      spareNormal = undefined;
      return value;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const v = uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
  return { uniform, normal, seed: seed >>> 0 };
}

/** The default seed used when a caller does not give one (reported with every simulated result). */
export const DEFAULT_SEED = 20080401;
