/**
 * The number of LSOAs in England for each edition of the English Indices of Deprivation: the N in every
 * national rank, decile and percentile. Ranks are always national (METHODS.md §5), so N is the size of
 * the national ranking, never the number of LSOAs in the area being summarised.
 */
import { ModelInputError } from "../errors.ts";

/** The editions of the English Indices of Deprivation the project knows. */
export type IndexEdition = 2004 | 2007 | 2010 | 2015 | 2019 | 2025;

/**
 * National LSOA count per edition: 2001 LSOAs for 2004–2010, 2011 LSOAs for 2015–2019, 2021 LSOAs
 * for 2025 (the IoD technical reports; the row counts of the published files).
 */
export const NATIONAL_LSOA_COUNT: Readonly<Record<IndexEdition, number>> = Object.freeze({
  2004: 32_482,
  2007: 32_482,
  2010: 32_482,
  2015: 32_844,
  2019: 32_844,
  2025: 33_755,
});

/** How a caller names N: the count itself, or the edition whose count to use. */
export interface NationalCountOption {
  /** Number of LSOAs nationally; wins over `edition` when both are given. */
  n?: number;
  /** Edition of the indices, used to look up N when `n` is not given. */
  edition?: number;
}

/**
 * National LSOA count for an edition of the English Indices of Deprivation.
 *
 * @throws {ModelInputError} when the edition is not one of 2004, 2007, 2010, 2015, 2019, 2025.
 * @example nationalLsoaCount(2019) // 32844
 */
export function nationalLsoaCount(edition: number): number {
  const count = (NATIONAL_LSOA_COUNT as Readonly<Record<number, number>>)[edition];
  if (count === undefined) {
    throw new ModelInputError(
      `nationalLsoaCount: unknown edition ${String(edition)}`,
      `Known editions: ${Object.keys(NATIONAL_LSOA_COUNT).join(", ")}; or pass the national count n explicitly.`,
    );
  }
  return count;
}

/**
 * Checks an explicit national count N: a positive integer.
 *
 * @throws {ModelInputError} naming `functionName` when N is not a positive integer.
 * @example checkNationalLsoaCount(32844, "extent") // 32844
 */
export function checkNationalLsoaCount(n: number, functionName: string): number {
  if (!Number.isInteger(n) || n < 1) {
    throw new ModelInputError(
      `${functionName}: national LSOA count n must be a positive integer, got ${String(n)}`,
      "Use nationalLsoaCount(edition), e.g. 32844 for IMD 2019.",
    );
  }
  return n;
}

/**
 * Resolves N from `{ n }` or `{ edition }` (n wins when both are given).
 *
 * @throws {ModelInputError} when neither is given, n is not a positive integer or the edition is unknown.
 * @example resolveNationalLsoaCount({ edition: 2025 }, "deprivationSummary") // 33755
 */
export function resolveNationalLsoaCount(option: NationalCountOption, functionName: string): number {
  if (option.n !== undefined) return checkNationalLsoaCount(option.n, functionName);
  if (option.edition !== undefined) return nationalLsoaCount(option.edition);
  throw new ModelInputError(
    `${functionName}: give the national LSOA count as { n } or { edition }`,
    "N is the number of LSOAs in England in the edition, e.g. { edition: 2019 } or { n: 32844 }.",
  );
}

/**
 * Checks one national rank: a finite number in [1, N].
 *
 * @throws {ModelInputError} naming the function, the row and the value when the rank is out of range.
 * @example checkNationalRank(100, 32844, "extent", 0) // 100
 */
export function checkNationalRank(rank: number, n: number, functionName: string, row: number): number {
  if (!Number.isFinite(rank) || rank < 1 || rank > n) {
    throw new ModelInputError(
      `${functionName}: national rank at row ${row} must be between 1 and ${n}, got ${String(rank)}`,
      "Ranks are national (1 = most deprived); check the edition's N and that ranks are not recomputed locally.",
    );
  }
  return rank;
}
