import { poissonCountInterval } from "./byar-interval.ts";
import { requireConfidence, requireNonNegative } from "./checks.ts";
import type { PoissonIntervalMethod } from "./types.ts";

export interface RateOptions {
  /** Rate per this many of the denominator; default 100,000. */
  multiplier?: number;
  /** Two-sided confidence level; default 0.95. */
  confidence?: number;
}

/** A crude rate with its confidence limits and the count interval used. */
export interface RateWithInterval {
  value: number | null;
  lower: number | null;
  upper: number | null;
  method: PoissonIntervalMethod;
  reason?: string;
}

/**
 * Crude rate with a Poisson confidence interval: value = O / n × multiplier.
 *
 * The interval for the count O is Byar's when O ≥ 10 and the exact chi-square interval when O < 10; both
 * limits are divided by n and multiplied by the multiplier. O = 0 gives a lower limit of 0.
 * Method: METHODS.md §1; PHEindicatormethods `phe_rate` / `calculate_rate`.
 *
 * A denominator of 0 gives `value: null` with a reason rather than an error.
 *
 * @throws {ModelInputError} when count or denominator is negative or not finite, or the confidence is not
 *   in (0, 1).
 * @example
 * rateWithInterval(3, 10000) // → { value: 30, lower: 6.186721, upper: 87.672731, method: "exact" }
 */
export function rateWithInterval(
  count: number,
  denominator: number,
  { multiplier = 100_000, confidence = 0.95 }: RateOptions = {},
): RateWithInterval {
  requireNonNegative("rateWithInterval", "count", count);
  requireNonNegative("rateWithInterval", "denominator", denominator);
  requireConfidence("rateWithInterval", confidence);
  const interval = poissonCountInterval(count, { confidence });
  if (denominator === 0) {
    return { value: null, lower: null, upper: null, method: interval.method, reason: "denominator is 0" };
  }
  const scale = multiplier / denominator;
  return {
    value: count * scale,
    lower: interval.lower * scale,
    upper: interval.upper * scale,
    method: interval.method,
  };
}
