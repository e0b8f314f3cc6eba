/**
 * The columnar input of the deprivation summaries: one entry per LSOA (or per LSOA share, when a lookup
 * splits an LSOA between areas), checked once at the boundary (METHODS.md §5).
 */
import { ModelInputError } from "../errors.ts";
import { checkNationalRank } from "./national-lsoa-count.ts";

/** The LSOAs of one area, as equal-length columns. */
export interface LsoaDeprivationColumns {
  /** Population of each LSOA (the whole LSOA, before apportionment). */
  populations: ArrayLike<number>;
  /** National rank of each LSOA, 1 = most deprived. */
  ranks: ArrayLike<number>;
  /** Deprivation score of each LSOA (IMD or a local index). */
  scores: ArrayLike<number>;
  /** People income deprived in each LSOA (income domain numerator); null or NaN = missing. */
  incomeNumerators?: ArrayLike<number | null>;
  /** People employment deprived in each LSOA (employment domain numerator); null or NaN = missing. */
  employmentNumerators?: ArrayLike<number | null>;
  /**
   * Share of each LSOA that belongs to the area (0–1; 1 when omitted): multiplies its population, its
   * numerators and its count. Best-fit lookups have weight 1.
   */
  apportionmentWeights?: ArrayLike<number>;
}

/** Validated columns with the apportionment applied to populations. */
export interface CheckedLsoaColumns {
  rowCount: number;
  ranks: ArrayLike<number>;
  scores: ArrayLike<number>;
  weights: Float64Array;
  weightedPopulations: Float64Array;
  totalWeight: number;
  totalPopulation: number;
}

/**
 * Checks the LSOA columns and applies the apportionment weights.
 *
 * @throws {ModelInputError} naming `functionName` for no rows, columns of different lengths, a rank not
 * in [1, n], a non-finite score, a negative population, a weight outside [0, 1], or a zero total
 * population (the population-weighted measures are undefined).
 */
export function checkLsoaColumns(
  lsoas: LsoaDeprivationColumns,
  n: number,
  functionName: string,
): CheckedLsoaColumns {
  const rowCount = lsoas.ranks.length;
  if (rowCount === 0) throw new ModelInputError(`${functionName}: the area has no LSOAs`);
  checkColumnLengths(lsoas, rowCount, functionName);
  const weights = new Float64Array(rowCount);
  const weightedPopulations = new Float64Array(rowCount);
  let totalWeight = 0;
  let totalPopulation = 0;
  for (let row = 0; row < rowCount; row++) {
    checkNationalRank(lsoas.ranks[row] as number, n, functionName, row);
    const score = lsoas.scores[row] as number;
    if (!Number.isFinite(score)) failRow(functionName, "score", row, score, "a finite number");
    const population = lsoas.populations[row] as number;
    if (!(Number.isFinite(population) && population >= 0)) {
      failRow(functionName, "population", row, population, "a finite number ≥ 0");
    }
    const weight = lsoas.apportionmentWeights === undefined ? 1 : (lsoas.apportionmentWeights[row] as number);
    if (!(weight >= 0 && weight <= 1))
      failRow(functionName, "apportionment weight", row, weight, "in [0, 1]");
    weights[row] = weight;
    weightedPopulations[row] = weight * population;
    totalWeight += weight;
    totalPopulation += weight * population;
  }
  if (!(totalPopulation > 0)) {
    throw new ModelInputError(
      `${functionName}: the area's total (apportioned) population is ${totalPopulation}`,
      "Population-weighted measures need people: check the population column and apportionment weights.",
    );
  }
  return {
    rowCount,
    ranks: lsoas.ranks,
    scores: lsoas.scores,
    weights,
    weightedPopulations,
    totalWeight,
    totalPopulation,
  };
}

function checkColumnLengths(lsoas: LsoaDeprivationColumns, rowCount: number, functionName: string): void {
  const columns: [string, ArrayLike<unknown> | undefined][] = [
    ["populations", lsoas.populations],
    ["scores", lsoas.scores],
    ["incomeNumerators", lsoas.incomeNumerators],
    ["employmentNumerators", lsoas.employmentNumerators],
    ["apportionmentWeights", lsoas.apportionmentWeights],
  ];
  for (const [name, column] of columns) {
    if (column !== undefined && column.length !== rowCount) {
      throw new ModelInputError(
        `${functionName}: column ${name} has ${column.length} rows but ranks has ${rowCount}`,
        "Every column must hold one value per LSOA, in the same order.",
      );
    }
  }
}

function failRow(functionName: string, column: string, row: number, value: number, expected: string): never {
  throw new ModelInputError(
    `${functionName}: ${column} at row ${row} must be ${expected}, got ${String(value)}`,
  );
}
