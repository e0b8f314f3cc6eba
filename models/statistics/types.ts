/**
 * Types shared by the statistics models: indicator polarity, value types and the result shapes of
 * estimates with confidence intervals. A result that cannot be computed carries `null` values and a
 * `reason`, never NaN or an exception (bad input, by contrast, throws `ModelInputError`).
 */

/** Which direction is good for an indicator: higher values, lower values, or neither. */
export type Polarity = "high-is-good" | "low-is-good" | "none";

/**
 * The kind of number an indicator holds. Trends treat `proportion` specially (chi-square test for trend
 * on counts); the slope index of inequality simulates `rate` on the log scale and `proportion` on the
 * logit scale; every other type is treated on its natural scale.
 */
export type IndicatorValueType = "proportion" | "rate" | "ratio" | "count" | "mean" | "score" | "other";

/** An estimate with the limits of its confidence interval; `reason` says why a value is missing. */
export interface EstimateWithInterval {
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** Present when `value` (or the limits) could not be computed, e.g. "denominator is 0". */
  reason?: string;
}

/** Lower and upper confidence limits for a count. */
export interface CountInterval {
  lower: number;
  upper: number;
}

/** Which interval a rate or ratio used: Byar's approximation (count ≥ 10) or the exact Poisson limits. */
export type PoissonIntervalMethod = "byar" | "exact";

/** Options shared by every interval: the two-sided confidence level, 0.95 by default. */
export interface ConfidenceOptions {
  confidence?: number;
}
