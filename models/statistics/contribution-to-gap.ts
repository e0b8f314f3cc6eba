import { isPresent, requireNonNegative } from "./checks.ts";
import { exactSum } from "./exact-sum.ts";

/** An area's value with the population (or denominator) that weights it. */
export interface WeightedAreaValue {
  code: string;
  value: number | null | undefined;
  /** Weight for shares; the denominator is used when the population is not given. */
  population?: number | null;
  denominator?: number | null;
}

export interface GapContribution {
  code: string;
  /** The area's share of the total population of the set (null without a population). */
  populationShare: number | null;
  /** value − comparator. */
  gap: number | null;
  /** populationShare × gap. */
  contribution: number | null;
}

export interface ContributionsToGap {
  areas: GapContribution[];
  /** Σ contributions: the population-weighted mean of the areas minus the comparator. */
  total: number | null;
  reason?: string;
}

/**
 * The weight of an area for population shares: its population, else its denominator, else null.
 *
 * @example
 * areaWeight({ denominator: 250 }) // → 250
 */
export function areaWeight(area: Pick<WeightedAreaValue, "population" | "denominator">): number | null {
  if (isPresent(area.population)) return area.population;
  if (isPresent(area.denominator)) return area.denominator;
  return null;
}

/**
 * Each area's contribution to the gap between the whole set (e.g. the county) and a comparator (e.g. England).
 *
 * contributionᵢ = (popᵢ/Σpop) × (valueᵢ − comparator). When every area has a value, the contributions add up
 * to the population-weighted mean of the areas minus the comparator, i.e. the county's gap, so they show
 * which localities account for it (a small locality far from the comparator can matter less than a large
 * one slightly off). Shares are of the whole set's population; areas without a value get a null
 * contribution and make the total null (reported with a reason).
 * Method: METHODS.md §4 ("contribution to the county gap").
 *
 * @throws {ModelInputError} when a population or denominator is negative.
 * @example
 * contributionToGap([{ code: "A", value: 30, population: 100 }, { code: "B", value: 10, population: 300 }], 12)
 * // → contributions A 4.5, B −1.5; total 3
 */
export function contributionToGap(
  areas: readonly WeightedAreaValue[],
  comparatorValue: number | null | undefined,
): ContributionsToGap {
  const weights = areas.map((area, i) => {
    const weight = areaWeight(area);
    if (weight !== null)
      requireNonNegative("contributionToGap", `population of area ${i + 1} (${area.code})`, weight);
    return weight;
  });
  const totalWeight = exactSum(weights.filter(isPresent));
  const rows = areas.map((area, i): GapContribution => {
    const weight = weights[i]!;
    const populationShare = weight !== null && totalWeight > 0 ? weight / totalWeight : null;
    const gap = isPresent(area.value) && isPresent(comparatorValue) ? area.value - comparatorValue : null;
    const contribution = populationShare !== null && gap !== null ? populationShare * gap : null;
    return { code: area.code, populationShare, gap, contribution };
  });
  const missing = rows.filter((row) => row.contribution === null).length;
  if (areas.length === 0 || missing > 0) {
    const reason =
      areas.length === 0
        ? "no areas"
        : `${missing} of ${areas.length} areas have no value, population or comparator`;
    return { areas: rows, total: null, reason };
  }
  return { areas: rows, total: exactSum(rows.map((row) => row.contribution!)) };
}
