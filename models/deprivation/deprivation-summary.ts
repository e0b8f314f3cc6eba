/**
 * Deprivation summary measures for any set of LSOAs — a ward, locality, district, county or a custom
 * priority area — following the local authority district summaries of the English Indices of
 * Deprivation (IoD 2019 technical report, section 5 and the "Local Authority District Summaries" files;
 * METHODS.md §5). All ranks are national: an area is placed against England, never against itself.
 */
import { ModelInputError } from "../errors.ts";
import { extentWeightUnchecked } from "./extent.ts";
import { localConcentrationUnchecked } from "./local-concentration.ts";
import { type CheckedLsoaColumns, checkLsoaColumns, type LsoaDeprivationColumns } from "./lsoa-columns.ts";
import { type NationalCountOption, resolveNationalLsoaCount } from "./national-lsoa-count.ts";

/** The summary measures of one area. */
export interface DeprivationSummary {
  /** Apportioned population: Σ weight × population. */
  population: number;
  /** Population-weighted mean LSOA score. */
  averageScore: number;
  /** Population-weighted mean inverted national rank N + 1 − rank (higher = more deprived). */
  averageRank: number;
  /** Share of the area's LSOAs (counted by apportionment weight) in the most deprived 10% nationally. */
  proportionMostDeprived10: number;
  /** Share of the area's LSOAs (counted by apportionment weight) in the most deprived 20% nationally. */
  proportionMostDeprived20: number;
  /** Population-weighted share in the most deprived 30% nationally, on the extent sliding scale; 0–1. */
  extent: number;
  /** Mean inverted rank of the most deprived LSOAs holding 10% of the population. */
  localConcentration: number;
  /** People income deprived (Σ weight × income numerator); null when any numerator is missing. */
  incomeScale: number | null;
  /** People employment deprived (Σ weight × employment numerator); null when any is missing. */
  employmentScale: number | null;
  /** Number of LSOAs whose income numerator is missing (all of them when the column is not given). */
  incomeNumeratorsMissing: number;
  /** Number of LSOAs whose employment numerator is missing (all of them when the column is not given). */
  employmentNumeratorsMissing: number;
  /** Number of LSOAs, counted by apportionment weight (a half-split LSOA counts 0.5). */
  lsoaCount: number;
}

/**
 * Deprivation summary of a set of LSOAs: population-weighted average score and average (inverted) rank,
 * proportion of LSOAs in the most deprived 10% and 20% nationally, extent, local concentration, and
 * income and employment scale.
 *
 * "Most deprived 10%" means national decile 1, i.e. ceil(10·rank/N) = 1 ⇔ rank ≤ floor(N/10), which
 * matches the published decile columns (the largest decile-1 rank in IMD 2019 is 3,284 of 32,844);
 * likewise 20% means decile ≤ 2. Proportions are count shares, not population shares.
 *
 * @param lsoas the area's LSOAs as columns (see `LsoaDeprivationColumns`).
 * @param options the national LSOA count as `{ n }` or `{ edition }`.
 * @throws {ModelInputError} for no LSOAs, unequal columns, ranks outside [1, N], non-finite scores,
 * negative populations or numerators, weights outside [0, 1], a zero total population, or no N.
 * @example deprivationSummary({ ranks: [100, 5000, 20000], populations: [1000, 2000, 1000],
 *   scores: [60, 30, 10] }, { n: 32844 })
 * // { population: 4000, averageScore: 32.5, averageRank: 25320, proportionMostDeprived10: 1/3,
 * //   extent: 0.606579…, localConcentration: 32745, incomeScale: null, lsoaCount: 3, … }
 */
export function deprivationSummary(
  lsoas: LsoaDeprivationColumns,
  options: NationalCountOption,
): DeprivationSummary {
  const n = resolveNationalLsoaCount(options, "deprivationSummary");
  const checked = checkLsoaColumns(lsoas, n, "deprivationSummary");
  const income = scaleOfNumerators(lsoas.incomeNumerators, checked.weights, "incomeNumerators");
  const employment = scaleOfNumerators(lsoas.employmentNumerators, checked.weights, "employmentNumerators");
  return {
    population: checked.totalPopulation,
    ...populationWeightedMeasures(checked, n),
    ...proportionsMostDeprived(checked, n),
    localConcentration: localConcentrationUnchecked(
      checked.ranks,
      checked.weightedPopulations,
      checked.totalPopulation,
      n,
    ),
    incomeScale: income.scale,
    employmentScale: employment.scale,
    incomeNumeratorsMissing: income.missing,
    employmentNumeratorsMissing: employment.missing,
    lsoaCount: checked.totalWeight,
  };
}

function populationWeightedMeasures(
  checked: CheckedLsoaColumns,
  n: number,
): Pick<DeprivationSummary, "averageScore" | "averageRank" | "extent"> {
  let scoreSum = 0;
  let invertedRankSum = 0;
  let extentSum = 0;
  for (let row = 0; row < checked.rowCount; row++) {
    const population = checked.weightedPopulations[row] as number;
    const rank = checked.ranks[row] as number;
    scoreSum += population * (checked.scores[row] as number);
    invertedRankSum += population * (n + 1 - rank);
    extentSum += population * extentWeightUnchecked(rank, n);
  }
  const total = checked.totalPopulation;
  return { averageScore: scoreSum / total, averageRank: invertedRankSum / total, extent: extentSum / total };
}

function proportionsMostDeprived(
  checked: CheckedLsoaColumns,
  n: number,
): Pick<DeprivationSummary, "proportionMostDeprived10" | "proportionMostDeprived20"> {
  let inDecile1 = 0;
  let inDeciles1To2 = 0;
  for (let row = 0; row < checked.rowCount; row++) {
    const decile = Math.ceil((10 * (checked.ranks[row] as number)) / n);
    const weight = checked.weights[row] as number;
    if (decile <= 1) inDecile1 += weight;
    if (decile <= 2) inDeciles1To2 += weight;
  }
  return {
    proportionMostDeprived10: inDecile1 / checked.totalWeight,
    proportionMostDeprived20: inDeciles1To2 / checked.totalWeight,
  };
}

/** Σ weight × numerator, or null (with the count of missing rows) when any numerator is missing. */
function scaleOfNumerators(
  numerators: ArrayLike<number | null> | undefined,
  weights: Float64Array,
  column: string,
): { scale: number | null; missing: number } {
  if (numerators === undefined) return { scale: null, missing: weights.length };
  let sum = 0;
  let missing = 0;
  for (let row = 0; row < weights.length; row++) {
    const value = numerators[row];
    if (value === null || value === undefined || Number.isNaN(value)) {
      missing++;
    } else if (!(Number.isFinite(value) && value >= 0)) {
      throw new ModelInputError(
        `deprivationSummary: ${column} at row ${row} must be a finite number ≥ 0 or null, got ${String(value)}`,
      );
    } else {
      sum += (weights[row] as number) * value;
    }
  }
  return { scale: missing > 0 ? null : sum, missing };
}
