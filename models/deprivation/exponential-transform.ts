/**
 * The exponential transformation the English Indices of Deprivation apply to each domain's national rank
 * before the domains are combined into the Index of Multiple Deprivation (IoD 2019 technical report,
 * section 3; METHODS.md §5).
 *
 * The transformation stretches the deprived end of the distribution: a high score on one domain is not
 * cancelled out by a low score on another, and the most deprived LSOAs are well separated.
 */
import { checkNationalLsoaCount, checkNationalRank } from "./national-lsoa-count.ts";

/** 1 − e^(−100/23): the constant that makes the most deprived rank transform to exactly 100. */
const TRANSFORM_SCALE = 1 - Math.exp(-100 / 23);

/**
 * Exponentially transformed domain rank: with R = (N + 1 − rank)/N (1 for the most deprived LSOA, 1/N for
 * the least), X = −23·ln(1 − R·(1 − e^(−100/23))). X runs from about 0 (least deprived) to 100 (most
 * deprived), so most LSOAs score low and the most deprived tenth take the range 50.4–100.
 *
 * @param rank national domain rank, 1 = most deprived.
 * @param n number of LSOAs nationally in the edition (see `nationalLsoaCount`).
 * @throws {ModelInputError} when n is not a positive integer or rank is not in [1, n].
 * @example exponentialTransformOfRank(1, 32844) // 99.99999999999996 (100 up to floating-point rounding)
 * @example exponentialTransformOfRank(16422.5, 32844) // 15.647… (the median LSOA)
 */
export function exponentialTransformOfRank(rank: number, n: number): number {
  checkNationalLsoaCount(n, "exponentialTransformOfRank");
  checkNationalRank(rank, n, "exponentialTransformOfRank", 0);
  return transformRankUnchecked(rank, n);
}

/** The transformation without input checks, for callers that validated whole columns already. */
export function transformRankUnchecked(rank: number, n: number): number {
  const rankProportion = (n + 1 - rank) / n;
  return -23 * Math.log(1 - rankProportion * TRANSFORM_SCALE);
}
