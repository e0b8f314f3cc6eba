import { ModelInputError } from "../errors.ts";
import { byarInterval } from "./byar-interval.ts";
import { requireConfidence, requireNonNegative } from "./checks.ts";
import { exactSum } from "./exact-sum.ts";
import type { EstimateWithInterval } from "./types.ts";

/**
 * European Standard Population 2013: weights of the 19 five-year age bands 0–4, 5–9, …, 85–89, 90+
 * (total 100,000). Source: Eurostat, "Revision of the European Standard Population" (2013), as used by
 * the national public health profiles and listed in METHODS.md §1.
 */
export const EUROPEAN_STANDARD_POPULATION_2013: readonly number[] = Object.freeze([
  5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500,
  1000,
]);

/** The age-band labels matching `EUROPEAN_STANDARD_POPULATION_2013`. */
export const EUROPEAN_STANDARD_POPULATION_2013_BANDS: readonly string[] = Object.freeze([
  ...Array.from({ length: 18 }, (_, i) => `${i * 5}-${i * 5 + 4}`),
  "90+",
]);

export interface DirectlyStandardisedRateOptions {
  /** Rate per this many people; default 100,000. */
  multiplier?: number;
  /** Two-sided confidence level; default 0.95. */
  confidence?: number;
}

/** The smallest total count for which a directly standardised rate is published. */
export const MINIMUM_COUNT_FOR_DSR = 10;

/**
 * Directly standardised rate with Dobson's confidence interval.
 *
 * The age-standardised rate lets areas with different age structures be compared: each band's crude rate
 * xᵢ/nᵢ is weighted by a standard population wᵢ. DSR = Σ(xᵢwᵢ/nᵢ)/Σwᵢ; Var = Σ(xᵢ(wᵢ/nᵢ)²)/(Σwᵢ)²;
 * O = Σxᵢ; limit = DSR + √(Var/O)·(Byar's limit(O) − O). The rate is suppressed (value null, with a
 * reason) when O < 10, as in the national profiles. A band with no population and no events contributes
 * nothing; a missing (null) count is taken as 0, as PHEindicatormethods does.
 * Method: METHODS.md §1; Dobson et al. (1991) Stat Med 10:457–62; PHEindicatormethods `calculate_dsr`.
 *
 * @throws {ModelInputError} when the three arrays differ in length, a value is negative or not finite, or a
 *   band has events but no population.
 * @example
 * directlyStandardisedRate([5, 10], [1000, 2000], [1, 1]) // → { value: 500, lower: 266.28, upper: 844.42 } (2 d.p.)
 */
export function directlyStandardisedRate(
  counts: readonly (number | null)[],
  populations: readonly number[],
  standardPopulation: readonly number[],
  { multiplier = 100_000, confidence = 0.95 }: DirectlyStandardisedRateOptions = {},
): EstimateWithInterval {
  requireConfidence("directlyStandardisedRate", confidence);
  const bands = counts.length;
  if (populations.length !== bands || standardPopulation.length !== bands) {
    throw new ModelInputError(
      `directlyStandardisedRate: counts, populations and standardPopulation must have equal lengths (${bands}, ${populations.length}, ${standardPopulation.length})`,
      "give one entry per age band, in the same band order as the standard population",
    );
  }
  const { weightedRates, varianceTerms } = bandTerms(counts, populations, standardPopulation);
  const totalCount = exactSum(counts.map((count) => count ?? 0));
  const totalWeight = exactSum(standardPopulation);
  if (totalCount < MINIMUM_COUNT_FOR_DSR) {
    return { value: null, lower: null, upper: null, reason: `total count ${totalCount} is under 10` };
  }
  if (!(totalWeight > 0)) {
    throw new ModelInputError("directlyStandardisedRate: the standard population weights sum to 0");
  }
  const rate = exactSum(weightedRates) / totalWeight;
  const variance = exactSum(varianceTerms) / totalWeight ** 2;
  const limits = byarInterval(totalCount, { confidence });
  const spread = Math.sqrt(variance / totalCount);
  return {
    value: rate * multiplier,
    lower: (rate + spread * (limits.lower - totalCount)) * multiplier,
    upper: (rate + spread * (limits.upper - totalCount)) * multiplier,
  };
}

/** Each band's xᵢwᵢ/nᵢ and xᵢ(wᵢ/nᵢ)², checking the band's inputs; empty bands contribute nothing. */
function bandTerms(
  counts: readonly (number | null)[],
  populations: readonly number[],
  standardPopulation: readonly number[],
): { weightedRates: number[]; varianceTerms: number[] } {
  const weightedRates: number[] = [];
  const varianceTerms: number[] = [];
  counts.forEach((maybeCount, i) => {
    const count = maybeCount ?? 0;
    const population = populations[i]!;
    const weight = standardPopulation[i]!;
    requireNonNegative("directlyStandardisedRate", `count in band ${i + 1}`, count);
    requireNonNegative("directlyStandardisedRate", `population in band ${i + 1}`, population);
    requireNonNegative("directlyStandardisedRate", `standard population in band ${i + 1}`, weight);
    if (population === 0) {
      if (count > 0) {
        throw new ModelInputError(
          `directlyStandardisedRate: band ${i + 1} has ${count} events but a population of 0`,
        );
      }
      return;
    }
    weightedRates.push((count * weight) / population);
    varianceTerms.push(count * (weight / population) ** 2);
  });
  return { weightedRates, varianceTerms };
}
