/**
 * Memoised critical values. The shared quantile functions invert their CDFs by bisection, which is accurate
 * but costs ~100 CDF evaluations; the derive step asks for the same few values (z for 95% and 99.8%,
 * chi-square quantiles for counts 0–9) hundreds of thousands of times, so they are cached here.
 * Caching does not change any result: the functions stay pure.
 */
import { chiSquareQuantile, zForConfidence } from "../distributions.ts";

const zCache = new Map<number, number>();
const chiSquareCache = new Map<string, number>();

/** The two-sided standard normal critical value for a confidence level (0.95 → 1.959964). */
export function criticalZ(confidence: number): number {
  let z = zCache.get(confidence);
  if (z === undefined) {
    z = zForConfidence(confidence);
    zCache.set(confidence, z);
  }
  return z;
}

/** Chi-square quantile with memoisation; `degreesOfFreedom` 0 gives 0 (the point mass at zero, as in R). */
export function chiSquareQuantileCached(p: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom === 0) return 0;
  const key = `${p}|${degreesOfFreedom}`;
  let q = chiSquareCache.get(key);
  if (q === undefined) {
    q = chiSquareQuantile(p, degreesOfFreedom);
    chiSquareCache.set(key, q);
  }
  return q;
}
