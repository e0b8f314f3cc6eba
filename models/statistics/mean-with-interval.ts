import { studentTQuantile } from "../distributions.ts";
import { requireConfidence, requireFinite } from "./checks.ts";
import { exactSum } from "./exact-sum.ts";
import type { EstimateWithInterval } from "./types.ts";

/** A mean with its t-based confidence interval, the number of values and their standard deviation. */
export interface MeanWithInterval extends EstimateWithInterval {
  n: number;
  standardDeviation: number | null;
}

/**
 * Mean with a Student's t confidence interval: x̄ ± t(1 − α/2; n − 1)·s/√n.
 *
 * For indicators that are averages of individual values (e.g. mean scores), where the t distribution allows
 * for estimating the spread from the same small sample. No values give value null; a single value gives
 * the mean with null limits (the spread cannot be estimated), each with a reason.
 * Method: METHODS.md §1; PHEindicatormethods `calculate_mean` (`phe_mean`).
 *
 * @throws {ModelInputError} when a value is not finite or the confidence is not in (0, 1).
 * @example
 * meanWithInterval([1, 2, 3, 4, 5]) // → { value: 3, lower: 1.036757, upper: 4.963243, n: 5, standardDeviation: 1.581139 }
 */
export function meanWithInterval(
  values: readonly number[],
  { confidence = 0.95 }: { confidence?: number } = {},
): MeanWithInterval {
  requireConfidence("meanWithInterval", confidence);
  values.forEach((value, i) => {
    requireFinite("meanWithInterval", `value ${i + 1}`, value);
  });
  const n = values.length;
  if (n === 0) {
    return { value: null, lower: null, upper: null, n, standardDeviation: null, reason: "no values" };
  }
  const mean = exactSum(values) / n;
  if (n === 1) {
    const reason = "one value: the spread cannot be estimated";
    return { value: mean, lower: null, upper: null, n, standardDeviation: null, reason };
  }
  const variance = exactSum(values.map((value) => (value - mean) ** 2)) / (n - 1);
  const standardDeviation = Math.sqrt(variance);
  const halfWidth = (studentTQuantile(1 - (1 - confidence) / 2, n - 1) * standardDeviation) / Math.sqrt(n);
  return { value: mean, lower: mean - halfWidth, upper: mean + halfWidth, n, standardDeviation };
}
