import { ModelInputError } from "../errors.ts";
import { DEFAULT_SEED } from "../random.ts";
import { fitWeightedLine } from "../regression.ts";
import { requireConfidence } from "./checks.ts";
import { exactSum } from "./exact-sum.ts";
import {
  findUnusableGroup,
  type InequalityGroup,
  simulationScale,
  standardErrorsOnScale,
  toSimulationScale,
} from "./sii-groups.ts";
import { simulatedLimits, simulateWeightedLines } from "./sii-simulation.ts";
import type { IndicatorValueType } from "./types.ts";

export type { InequalityGroup } from "./sii-groups.ts";

export interface SlopeIndexOptions {
  /** "rate" is simulated on the log scale, "proportion" (values in 0..1) on the logit scale, others as is. */
  valueType: IndicatorValueType;
  /** Confidence level of the simulated interval; default 0.95. */
  confidence?: number;
  /** Number of simulated draws (at least 1,000); default 100,000. */
  simulations?: number;
  /** Seed of the draws; default `DEFAULT_SEED`. */
  seed?: number;
  /** Scale applied to the SII, its limits and the intercept (e.g. 100 for percentage points); default 1. */
  multiplier?: number;
}

export interface SlopeIndexOfInequality {
  sii: number | null;
  rii: number | null;
  /** The fitted value at relative rank 0 (the most deprived end). */
  intercept: number | null;
  lowerSii: number | null;
  upperSii: number | null;
  lowerRii: number | null;
  upperRii: number | null;
  seed: number;
  simulations: number;
  confidence: number;
  /** Why the SII is null. */
  reason?: string;
  /** Why the interval is null (e.g. a group without confidence limits). */
  intervalReason?: string;
}

/**
 * Slope index of inequality (SII) and relative index of inequality (RII) across deprivation quantiles.
 *
 * Groups are ordered from most to least deprived. aᵢ = popᵢ/Σpop, relative rank bᵢ = cumulative share before
 * i + aᵢ/2; y = β₀ + β₁b is fitted by least squares weighted by aᵢ. SII = β₁, the modelled change from the
 * most deprived end (b = 0) to the least deprived (b = 1): positive when values rise as deprivation falls.
 * RII = (β₀ + β₁)/β₀, the least-deprived end relative to the most deprived. The interval is simulated:
 * each group's value is drawn from Normal(value, SE) on the log scale for rates and the logit scale for
 * proportions (values must then be proportions in 0..1; use `multiplier: 100` to report percentage
 * points), SE from the group's own 95% interval on that scale, (T(upper) − T(lower))/(2 × 1.959964); the line is
 * refitted per draw and the round(n·α/2)-th and round(n·(1 − α/2))-th smallest slopes (and RIIs) are the limits.
 * Without limits for every group (or when a limit cannot be transformed, e.g. a rate's lower limit of 0),
 * the interval fields are null with `intervalReason`. Fewer than two groups, a missing value or a zero
 * population give a null SII with `reason`.
 * Method: METHODS.md §4; PHEindicatormethods `phe_sii`; Low & Low (2004) J Public Health 26:388–95.
 *
 * @throws {ModelInputError} for a negative population, a proportion outside 0..1, a negative rate, fewer
 *   than 1,000 simulations or a confidence outside (0, 1).
 * @example
 * slopeIndexOfInequality([{ population: 100, value: 30 }, { population: 100, value: 20 }], { valueType: "other" })
 * // → { sii: -20, rii: 0.428571, intercept: 35, lowerSii: null, … }
 */
export function slopeIndexOfInequality(
  groups: readonly InequalityGroup[],
  options: SlopeIndexOptions,
): SlopeIndexOfInequality {
  const { confidence, simulations, seed, multiplier } = resolveOptions(options);
  const scale = simulationScale(options.valueType);
  const base = { seed: seed >>> 0, simulations, confidence };
  const unusable = findUnusableGroup(groups, scale);
  if (unusable) return { sii: null, rii: null, intercept: null, ...noInterval(), ...base, reason: unusable };
  const values = groups.map((group) => group.value!);
  const totalPopulation = exactSum(groups.map((group) => group.population));
  const shares = groups.map((group) => group.population / totalPopulation);
  const ranks = relativeRanks(shares);
  const fit = fitWeightedLine(ranks, values, shares);
  const rii = fit.intercept === 0 ? null : (fit.intercept + fit.slope) / fit.intercept;
  const point = { sii: fit.slope * multiplier, rii, intercept: fit.intercept * multiplier, ...base };
  const standardErrors = standardErrorsOnScale(groups, scale);
  if (typeof standardErrors === "string")
    return { ...point, ...noInterval(), intervalReason: standardErrors };
  const centres = values.map(toSimulationScale(scale));
  const lines = simulateWeightedLines({ shares, ranks, centres, standardErrors, scale, simulations, seed });
  const siiLimits = simulatedLimits(lines.slopes, confidence);
  const riiLimits =
    rii === null ? null : simulatedLimits(relativeIndices(lines.slopes, lines.intercepts), confidence);
  return {
    ...point,
    lowerSii: siiLimits.lower * multiplier,
    upperSii: siiLimits.upper * multiplier,
    lowerRii: riiLimits?.lower ?? null,
    upperRii: riiLimits?.upper ?? null,
  };
}

function resolveOptions(options: SlopeIndexOptions): Required<Omit<SlopeIndexOptions, "valueType">> {
  const { confidence = 0.95, simulations = 100_000, seed = DEFAULT_SEED, multiplier = 1 } = options;
  requireConfidence("slopeIndexOfInequality", confidence);
  if (!(Number.isInteger(simulations) && simulations >= 1000)) {
    throw new ModelInputError(
      `slopeIndexOfInequality: simulations must be an integer >= 1000 (got ${simulations})`,
    );
  }
  if (!(Number.isFinite(multiplier) && multiplier > 0)) {
    throw new ModelInputError(`slopeIndexOfInequality: multiplier must be > 0 (got ${multiplier})`);
  }
  return { confidence, simulations, seed, multiplier };
}

function noInterval() {
  return { lowerSii: null, upperSii: null, lowerRii: null, upperRii: null };
}

/**
 * Relative rank of each group for the SII: the cumulative population share before it plus half its own share
 * (the midpoint of the group's range in the cumulative population). Method: METHODS.md §4.
 *
 * @example
 * relativeRanks([0.12, 0.1]) // → [0.06, 0.17]
 */
export function relativeRanks(shares: readonly number[]): number[] {
  let before = 0;
  return shares.map((share) => {
    const rank = before + share / 2;
    before += share;
    return rank;
  });
}

function relativeIndices(slopes: Float64Array, intercepts: Float64Array): Float64Array {
  return slopes.map((slope, i) => (intercepts[i]! + slope) / intercepts[i]!);
}
