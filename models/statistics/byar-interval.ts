import { requireConfidence, requireNonNegative } from "./checks.ts";
import { chiSquareQuantileCached, criticalZ } from "./critical-values.ts";
import type { ConfidenceOptions, CountInterval, PoissonIntervalMethod } from "./types.ts";

/**
 * Byar's approximation to the Poisson confidence interval for a count O.
 *
 * The standard interval for counts of events (deaths, admissions) in the national profiles; it is close to
 * the exact Poisson interval for O ≥ 10 and needs no iteration.
 * lower = O·(1 − 1/(9O) − z/(3√O))³; upper = (O+1)·(1 − 1/(9(O+1)) + z/(3√(O+1)))³.
 * Method: METHODS.md §1; PHEindicatormethods `byars_lower` / `byars_upper`.
 * For O = 0 the lower limit is defined as 0 (the formula is 0·∞ there).
 *
 * @throws {ModelInputError} when the count is negative or not finite, or the confidence is not in (0, 1).
 * @example
 * byarInterval(10) // → { lower: 4.787450, upper: 18.391459 } (to 6 d.p.)
 */
export function byarInterval(count: number, { confidence = 0.95 }: ConfidenceOptions = {}): CountInterval {
  requireNonNegative("byarInterval", "count", count);
  requireConfidence("byarInterval", confidence);
  const z = criticalZ(confidence);
  const lower = count === 0 ? 0 : count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  const next = count + 1;
  const upper = next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3;
  return { lower: Math.max(0, lower), upper };
}

/**
 * Exact Poisson confidence interval for a count O, from chi-square quantiles.
 *
 * Used instead of Byar's for small counts (O < 10), where the approximation is poorer.
 * lower = χ²(α/2; 2O)/2 (0 when O = 0), upper = χ²(1 − α/2; 2O + 2)/2.
 * Method: METHODS.md §1; PHEindicatormethods `phe_rate` (counts under 10).
 *
 * @throws {ModelInputError} when the count is negative or not finite, or the confidence is not in (0, 1).
 * @example
 * exactPoissonInterval(3) // → { lower: 0.618672, upper: 8.767273 } (to 6 d.p.)
 */
export function exactPoissonInterval(
  count: number,
  { confidence = 0.95 }: ConfidenceOptions = {},
): CountInterval {
  requireNonNegative("exactPoissonInterval", "count", count);
  requireConfidence("exactPoissonInterval", confidence);
  const alpha = 1 - confidence;
  return {
    lower: chiSquareQuantileCached(alpha / 2, 2 * count) / 2,
    upper: chiSquareQuantileCached(1 - alpha / 2, 2 * count + 2) / 2,
  };
}

/** A count interval together with the method that produced it. */
export interface PoissonCountInterval extends CountInterval {
  method: PoissonIntervalMethod;
}

/**
 * Poisson confidence interval for a count, choosing the method as the national profiles do.
 *
 * Byar's approximation when O ≥ 10, the exact chi-square interval when O < 10. This is the count interval
 * behind rates and indirectly standardised ratios. Method: METHODS.md §1; PHEindicatormethods `phe_rate`,
 * `calculate_ISRatio`.
 *
 * @throws {ModelInputError} when the count is negative or not finite, or the confidence is not in (0, 1).
 * @example
 * poissonCountInterval(3) // → { lower: 0.618672, upper: 8.767273, method: "exact" }
 */
export function poissonCountInterval(count: number, options: ConfidenceOptions = {}): PoissonCountInterval {
  if (count >= 10) return { ...byarInterval(count, options), method: "byar" };
  return { ...exactPoissonInterval(count, options), method: "exact" };
}
