import { ModelInputError } from "../errors.ts";
import { requireConfidence, requireNonNegative } from "./checks.ts";
import { criticalZ } from "./critical-values.ts";
import type { EstimateWithInterval } from "./types.ts";

export interface WilsonOptions {
  /** Two-sided confidence level; default 0.95. */
  confidence?: number;
  /** Scale of the result, e.g. 100 for a percentage; default 1. */
  multiplier?: number;
}

/**
 * Wilson score interval for a proportion p = count / denominator.
 *
 * The interval used for every proportion in the national public health profiles: unlike the normal
 * approximation it stays inside 0..1 and behaves well for counts of 0 or near the denominator.
 * Limits = (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)), all multiplied by `multiplier`.
 * Method: METHODS.md §1; PHEindicatormethods `phe_proportion` / `wilson_lower` / `wilson_upper`.
 *
 * A denominator of 0 gives `{ value: null, lower: null, upper: null, reason }` rather than an error.
 *
 * @throws {ModelInputError} when count or denominator is negative or not finite, when count > denominator,
 *   or when the confidence is not between 0 and 1.
 * @example
 * wilsonInterval(65, 100) // → { value: 0.65, lower: 0.552544, upper: 0.736358 } (to 6 d.p.)
 */
export function wilsonInterval(
  count: number,
  denominator: number,
  { confidence = 0.95, multiplier = 1 }: WilsonOptions = {},
): EstimateWithInterval {
  requireNonNegative("wilsonInterval", "count", count);
  requireNonNegative("wilsonInterval", "denominator", denominator);
  requireConfidence("wilsonInterval", confidence);
  if (count > denominator) {
    throw new ModelInputError(
      `wilsonInterval: count ${count} is greater than denominator ${denominator}`,
      "a proportion needs 0 <= count <= denominator; check that numerator and denominator are aligned",
    );
  }
  if (denominator === 0) {
    return { value: null, lower: null, upper: null, reason: "denominator is 0" };
  }
  const z = criticalZ(confidence);
  const zSquared = z * z;
  const spread = z * Math.sqrt(zSquared + 4 * count * (1 - count / denominator));
  const scale = 2 * (denominator + zSquared);
  const centre = 2 * count + zSquared;
  return {
    value: (count / denominator) * multiplier,
    lower: (Math.max(0, centre - spread) / scale) * multiplier,
    upper: (Math.min(scale, centre + spread) / scale) * multiplier,
  };
}
