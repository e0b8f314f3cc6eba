/**
 * National ranks, deciles and percentiles of deprivation scores, as the English Indices of Deprivation
 * publish them: rank 1 = most deprived (highest score); decile 1 = the most deprived 10% of LSOAs.
 */
import { ModelInputError } from "../errors.ts";
import { checkNationalLsoaCount, checkNationalRank } from "./national-lsoa-count.ts";

/**
 * Ranks of values from highest (rank 1) to lowest; tied values share the minimum rank of their group
 * (1, 2, 2, 4), the convention of the published IMD ranks, which hold a few such ties. Values that are
 * NaN rank nowhere: callers validate first.
 */
export function rankDescendingWithMinimumTies(values: ArrayLike<number>): Int32Array {
  const order = Array.from({ length: values.length }, (_, row) => row);
  order.sort((a, b) => (values[b] as number) - (values[a] as number));
  const ranks = new Int32Array(values.length);
  for (let position = 0; position < order.length; position++) {
    const row = order[position] as number;
    const previous = order[position - 1];
    const tiedWithPrevious = previous !== undefined && values[previous] === values[row];
    ranks[row] = tiedWithPrevious ? (ranks[previous] as number) : position + 1;
  }
  return ranks;
}

/**
 * National ranks of deprivation scores: 1 = highest score = most deprived; ties get the minimum rank.
 * Pass the scores of every LSOA in England, so the ranks are national ranks.
 *
 * @throws {ModelInputError} when a score is not a finite number.
 * @example rankScores([10, 30, 20, 30]) // Int32Array [4, 1, 3, 1]
 */
export function rankScores(scores: ArrayLike<number>): Int32Array {
  for (let row = 0; row < scores.length; row++) {
    if (!Number.isFinite(scores[row])) {
      throw new ModelInputError(
        `rankScores: score at row ${row} is not a finite number: ${String(scores[row])}`,
      );
    }
  }
  return rankDescendingWithMinimumTies(scores);
}

/**
 * National decile of a national rank: ceil(10·rank/N), 1 = most deprived 10%. This matches the
 * published IMD 2019 and 2025 decile columns for every LSOA: decile 1 holds ranks 1 … floor(N/10)
 * (3,284 of 32,844 in 2019; 3,375 of 33,755 in 2025).
 *
 * @throws {ModelInputError} when n is not a positive integer or rank is not in [1, n].
 * @example decileFromRank(3284, 32844) // 1
 * @example decileFromRank(3285, 32844) // 2
 */
export function decileFromRank(rank: number, n: number): number {
  checkNationalLsoaCount(n, "decileFromRank");
  checkNationalRank(rank, n, "decileFromRank", 0);
  return Math.ceil((10 * rank) / n);
}

/**
 * National deciles for a column of national ranks (see `decileFromRank`).
 *
 * @throws {ModelInputError} when n is not a positive integer or a rank is not in [1, n].
 * @example decilesFromRanks([1, 16422, 32844], 32844) // Int32Array [1, 5, 10]
 */
export function decilesFromRanks(ranks: ArrayLike<number>, n: number): Int32Array {
  checkNationalLsoaCount(n, "decilesFromRanks");
  const deciles = new Int32Array(ranks.length);
  for (let row = 0; row < ranks.length; row++) {
    const rank = checkNationalRank(ranks[row] as number, n, "decilesFromRanks", row);
    deciles[row] = Math.ceil((10 * rank) / n);
  }
  return deciles;
}

/**
 * National percentile of a national rank: ceil(100·rank/N), 1 = most deprived 1%. Used by the extent
 * measure (METHODS.md §5); percentile ≤ 10 ⇔ decile 1.
 *
 * @throws {ModelInputError} when n is not a positive integer or rank is not in [1, n].
 * @example percentileFromRank(5000, 32844) // 16
 */
export function percentileFromRank(rank: number, n: number): number {
  checkNationalLsoaCount(n, "percentileFromRank");
  checkNationalRank(rank, n, "percentileFromRank", 0);
  return Math.ceil((100 * rank) / n);
}
