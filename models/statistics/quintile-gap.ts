import { isPresent } from "./checks.ts";
import { areaWeight, type WeightedAreaValue } from "./contribution-to-gap.ts";
import { exactSum } from "./exact-sum.ts";

/** A small area with its deprivation quintile (1 = most deprived) and, where known, its counts. */
export interface QuintileArea extends WeightedAreaValue {
  deprivationQuintile: number | null | undefined;
  count?: number | null;
}

export interface QuintileGap {
  /** Value of the most deprived quintile (pooled). */
  mostDeprived: number | null;
  /** Value of the other four quintiles together (pooled). */
  rest: number | null;
  /** mostDeprived − rest. */
  absoluteGap: number | null;
  /** (mostDeprived − rest) / rest. */
  relativeGap: number | null;
  /** mostDeprived / rest. */
  ratio: number | null;
  /** "counts" when pooled from numerators and denominators, "population-weighted" otherwise. */
  pooling: "counts" | "population-weighted" | null;
  reason?: string;
}

/**
 * The gap between the most deprived quintile and the rest of an area set (e.g. the county's LSOAs).
 *
 * Both sides are pooled: from numerators and denominators (Σcount/Σdenominator × multiplier) when every area
 * has them, otherwise as the population-weighted mean of the values; never a plain mean of percentages.
 * Areas without a quintile are left out. Gives nulls with a reason when either side is empty or cannot be
 * pooled.
 * Method: METHODS.md §4 ("most-deprived quintile vs the rest"); NI 153-style worst-neighbourhood gaps.
 *
 * @example
 * mostDeprivedQuintileGap([
 *   { code: "A", value: 20, count: 20, denominator: 100, deprivationQuintile: 1 },
 *   { code: "B", value: 10, count: 30, denominator: 300, deprivationQuintile: 3 },
 * ], { multiplier: 100 }) // → { mostDeprived: 20, rest: 10, absoluteGap: 10, relativeGap: 1, ratio: 2, pooling: "counts" }
 */
export function mostDeprivedQuintileGap(
  areas: readonly QuintileArea[],
  { multiplier = 1 }: { multiplier?: number } = {},
): QuintileGap {
  const ranked = areas.filter((area) => isPresent(area.deprivationQuintile));
  const useCounts = ranked.every((area) => isPresent(area.count) && isPresent(area.denominator));
  const pooling = useCounts ? "counts" : "population-weighted";
  const pool = (group: readonly QuintileArea[]) =>
    useCounts ? pooledCounts(group, multiplier) : weightedMean(group);
  const mostDeprived = pool(ranked.filter((area) => area.deprivationQuintile === 1));
  const rest = pool(ranked.filter((area) => area.deprivationQuintile !== 1));
  if (mostDeprived === null || rest === null) {
    const side = mostDeprived === null ? "the most deprived quintile" : "the other quintiles";
    return { ...emptyGap(), mostDeprived, rest, pooling, reason: `no value could be pooled for ${side}` };
  }
  const absoluteGap = mostDeprived - rest;
  return {
    mostDeprived,
    rest,
    absoluteGap,
    relativeGap: rest === 0 ? null : absoluteGap / rest,
    ratio: rest === 0 ? null : mostDeprived / rest,
    pooling,
  };
}

function emptyGap(): QuintileGap {
  return { mostDeprived: null, rest: null, absoluteGap: null, relativeGap: null, ratio: null, pooling: null };
}

function pooledCounts(group: readonly QuintileArea[], multiplier: number): number | null {
  const denominator = exactSum(group.map((area) => area.denominator!));
  if (!(denominator > 0)) return null;
  return (exactSum(group.map((area) => area.count!)) / denominator) * multiplier;
}

function weightedMean(group: readonly QuintileArea[]): number | null {
  if (group.length === 0) return null;
  const weights = group.map(areaWeight);
  if (!group.every((area, i) => isPresent(area.value) && weights[i] !== null)) return null;
  const total = exactSum(weights as number[]);
  if (!(total > 0)) return null;
  return exactSum(group.map((area, i) => area.value! * weights[i]!)) / total;
}
