/**
 * The three differential shapes of METHODS.md §6, before any minimum standard is applied. Each returns
 * one target per area (in the order given) whose weighted mean is the county target T by construction.
 * B̄ below is the weighted mean of the area baselines, W the total weight and p the narrowing fraction.
 */
import { ModelInputError } from "../errors.ts";
import type { DeprivationPosition } from "./deprivation-position.ts";
import { weightedMean } from "./polarity-direction.ts";

export interface ShapeInput {
  codes: readonly string[];
  baselines: readonly number[];
  weights: readonly number[];
  meanBaseline: number;
  countyTarget: number;
  narrowBy: number;
  positions: ReadonlyMap<string, DeprivationPosition> | null;
}

/**
 * Gap-to-county shape: τᵢ = T + (1 − p)(bᵢ − B̄). Each area's gap to the county (area − county mean)
 * at target is exactly (1 − p) times its baseline gap, and Σwᵢτᵢ/W = T because Σwᵢ(bᵢ − B̄) = 0.
 *
 * @example gapToCountyShape({ baselines: [10, 20], weights: [1, 1], meanBaseline: 15, countyTarget: 18, narrowBy: 0.2, … })
 * // → [14, 22]
 */
export function gapToCountyShape(input: ShapeInput): number[] {
  const { baselines, meanBaseline, countyTarget, narrowBy } = input;
  return baselines.map((baseline) => countyTarget + (1 - narrowBy) * (baseline - meanBaseline));
}

/**
 * Quintile-gap shape: with Q the most deprived quintile (by weight) and R the rest, baseline group means
 * b̄_Q, b̄_R and gap G₀ = b̄_Q − b̄_R, the group means at target are t_Q = T + (W_R/W)(1 − p)G₀ and
 * t_R = T − (W_Q/W)(1 − p)G₀, so t_Q − t_R = (1 − p)G₀ and W_Q·t_Q + W_R·t_R = W·T. Every area moves by
 * its group's uniform change (t_Q − b̄_Q or t_R − b̄_R), keeping the spread within each group.
 *
 * @throws {ModelInputError} when deprivation ranks leave no area outside the most deprived quintile.
 * @example quintileGapShape(…5 equal-weight areas, most deprived at 10, others at 20, T = 20, p = 0.5)
 * // → [16, 21, 21, 21, 21]  (gap −10 → −5; mean 20)
 */
export function quintileGapShape(input: ShapeInput): number[] {
  const { codes, baselines, weights, countyTarget, narrowBy } = input;
  const inQuintile = codes.map((code) => input.positions?.get(code)?.inMostDeprivedQuintile === true);
  const group = (wanted: boolean) => {
    const indices = inQuintile.flatMap((flag, i) => (flag === wanted ? [i] : []));
    const groupWeights = indices.map((i) => weights[i]!);
    return {
      weight: groupWeights.reduce((sum, w) => sum + w, 0),
      mean: weightedMean(
        indices.map((i) => baselines[i]!),
        groupWeights,
      ),
    };
  };
  const quintile = group(true);
  const rest = group(false);
  if (!(rest.weight > 0) || !(quintile.weight > 0)) {
    throw new ModelInputError(
      "differentialTargets: 'quintile-gap' needs areas both inside and outside the most deprived quintile " +
        `(found ${codes.length} area(s), all with the same deprivation rank or only one area)`,
    );
  }
  const totalWeight = quintile.weight + rest.weight;
  const targetGap = (1 - narrowBy) * (quintile.mean - rest.mean);
  const quintileTarget = countyTarget + (rest.weight / totalWeight) * targetGap;
  const restTarget = countyTarget - (quintile.weight / totalWeight) * targetGap;
  return baselines.map((baseline, i) =>
    inQuintile[i] ? baseline + (quintileTarget - quintile.mean) : baseline + (restTarget - rest.mean),
  );
}

/**
 * Graded (proportionate universalism) shape: each area's change is k·gᵢ with the graded factor
 * gᵢ = (1 + p) − 2p·rᵢ, rᵢ its weighted relative deprivation rank (0 = most deprived end, 1 = least).
 * The factor runs from 1 + p at the most deprived end to 1 − p at the least deprived, with weighted mean
 * exactly 1, so k = (T − B̄)·W / Σwᵢgᵢ equals the county's required change: the most deprived areas are
 * asked for up to (1 + p) times the county's change, the least deprived for (1 − p) times it.
 *
 * @example gradedShape(…2 equal-weight areas ranked 1 and 2, baselines [10, 20], T = 17, p = 0.5)
 * // → r = [0.25, 0.75], g = [1.25, 0.75], k = 2 → [12.5, 21.5]
 */
export function gradedShape(input: ShapeInput): number[] {
  const { codes, baselines, weights, meanBaseline, countyTarget, narrowBy } = input;
  const factors = codes.map((code) => {
    const relativeRank = input.positions?.get(code)?.relativeRank ?? 0.5;
    return 1 + narrowBy - 2 * narrowBy * relativeRank;
  });
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const weightedFactorSum = factors.reduce((sum, factor, i) => sum + weights[i]! * factor, 0);
  const scale = ((countyTarget - meanBaseline) * totalWeight) / weightedFactorSum;
  return baselines.map((baseline, i) => baseline + scale * factors[i]!);
}
