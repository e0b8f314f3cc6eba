import { ModelInputError } from "../errors.ts";
import { poissonCountInterval } from "./byar-interval.ts";
import { requireConfidence, requireNonNegative } from "./checks.ts";
import { exactSum } from "./exact-sum.ts";
import type { EstimateWithInterval, PoissonIntervalMethod } from "./types.ts";

export interface IndirectlyStandardisedRatioOptions {
  /** Two-sided confidence level; default 0.95. */
  confidence?: number;
  /**
   * Value that a ratio of 1 is reported as; default 1, so the result is the plain ratio O/E (as
   * PHEindicatormethods `calculate_ISRatio` with its default `refvalue = 1`). Pass 100 for an SMR-style
   * figure where 100 = as expected.
   */
  referenceValue?: number;
}

/** An indirectly standardised ratio with its confidence interval and the count interval used. */
export interface IndirectlyStandardisedRatio extends EstimateWithInterval {
  method: PoissonIntervalMethod;
  observed: number;
  expected: number;
}

/**
 * Indirectly standardised ratio (standardised mortality/admission ratio) O/E with confidence limits.
 *
 * Compares an area's observed events O with the number E expected if the reference population's age-specific
 * rates applied to the area's population; useful when counts are too small for direct standardisation.
 * The limits are the Poisson limits of O (Byar's when O ≥ 10, exact when O < 10) divided by E.
 * The value is the ratio (1 = as expected) unless `referenceValue` says otherwise.
 * `observed` and `expected` may be totals or per-band arrays (summed). E = 0 gives value null with a reason.
 * Method: METHODS.md §1; PHEindicatormethods `calculate_ISRatio`. See `expectedEvents` for E.
 *
 * @throws {ModelInputError} when O or E is negative or not finite, or the confidence is not in (0, 1).
 * @example
 * indirectlyStandardisedRatio(3, 2) // → { value: 1.5, lower: 0.309336, upper: 4.383637, method: "exact", … }
 */
export function indirectlyStandardisedRatio(
  observed: number | readonly number[],
  expected: number | readonly number[],
  { confidence = 0.95, referenceValue = 1 }: IndirectlyStandardisedRatioOptions = {},
): IndirectlyStandardisedRatio {
  requireConfidence("indirectlyStandardisedRatio", confidence);
  const totalObserved = typeof observed === "number" ? observed : exactSum(observed);
  const totalExpected = typeof expected === "number" ? expected : exactSum(expected);
  requireNonNegative("indirectlyStandardisedRatio", "observed", totalObserved);
  requireNonNegative("indirectlyStandardisedRatio", "expected", totalExpected);
  const interval = poissonCountInterval(totalObserved, { confidence });
  const base = { method: interval.method, observed: totalObserved, expected: totalExpected };
  if (totalExpected === 0) {
    return { value: null, lower: null, upper: null, reason: "expected count is 0", ...base };
  }
  const scale = referenceValue / totalExpected;
  return {
    value: totalObserved * scale,
    lower: interval.lower * scale,
    upper: interval.upper * scale,
    ...base,
  };
}

/**
 * Expected events for indirect standardisation: E = Σ(reference rateᵢ × populationᵢ).
 *
 * The reference rates are per person (e.g. deaths / population in England for each age band).
 * Method: METHODS.md §1.
 *
 * @throws {ModelInputError} when the arrays differ in length or hold negative or non-finite values.
 * @example
 * expectedEvents([0.001, 0.01], [1000, 200]) // → 3
 */
export function expectedEvents(referenceRates: readonly number[], populations: readonly number[]): number {
  if (referenceRates.length !== populations.length) {
    throw new ModelInputError(
      `expectedEvents: referenceRates and populations must have equal lengths (${referenceRates.length}, ${populations.length})`,
    );
  }
  return exactSum(
    referenceRates.map((rate, i) => {
      requireNonNegative("expectedEvents", `reference rate ${i + 1}`, rate);
      requireNonNegative("expectedEvents", `population ${i + 1}`, populations[i]!);
      return rate * populations[i]!;
    }),
  );
}
