/**
 * The extent of deprivation (IoD 2019 technical report, local authority district summaries;
 * METHODS.md §5): the share of an area's population living in the most deprived 30% of LSOAs nationally,
 * counting people in the most deprived 10% fully and those in the next 20% on a sliding scale, so the
 * measure does not jump when an LSOA crosses a threshold.
 */
import { checkNationalLsoaCount, checkNationalRank } from "./national-lsoa-count.ts";

/**
 * Extent weight of an LSOA from its national rank: with percentile p = ceil(100·rank/N), weight 1 for
 * p ≤ 10, then 0.95 at p = 11 falling by 0.9/19 per percentile to 0.05 at p = 30, and 0 for p > 30.
 *
 * @throws {ModelInputError} when n is not a positive integer or rank is not in [1, n].
 * @example extentWeight(100, 32844) // 1
 * @example extentWeight(5000, 32844) // 0.713157894736842 (percentile 16: 0.95 − 5·0.9/19)
 * @example extentWeight(20000, 32844) // 0
 */
export function extentWeight(rank: number, n: number): number {
  checkNationalLsoaCount(n, "extentWeight");
  checkNationalRank(rank, n, "extentWeight", 0);
  return extentWeightUnchecked(rank, n);
}

/** `extentWeight` without input checks, for callers that validated the ranks already. */
export function extentWeightUnchecked(rank: number, n: number): number {
  const percentile = Math.ceil((100 * rank) / n);
  if (percentile <= 10) return 1;
  if (percentile > 30) return 0;
  return 0.95 - (0.9 / 19) * (percentile - 11);
}
