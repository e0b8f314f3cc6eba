/**
 * Deprivation of target areas (e.g. today's localities) across editions of the English Indices of
 * Deprivation, 2004–2025 (METHODS.md §5; issue 3 "Editions over time"). Scores are not comparable between
 * editions, so only national ranks are used: LSOAs and people in the most deprived 10% and 20%
 * nationally, and the average inverted-rank percentile. Each edition brings its own LSOA vintage (2001,
 * 2011 or 2021 LSOAs) and so its own bridge to the target areas.
 */
import { ModelInputError } from "../errors.ts";
import {
  checkNationalRank,
  type NationalCountOption,
  resolveNationalLsoaCount,
} from "./national-lsoa-count.ts";

/** One row of a bridge from an edition's LSOAs to target areas; `weight` is the LSOA's share (0–1). */
export interface BridgeRow {
  lsoa: string;
  area: string;
  weight: number;
}

/** The national ranks of one edition, with the bridge from its LSOA vintage to the target areas. */
export interface EditionLsoaRanks extends NationalCountOption {
  /** The edition, e.g. 2019; N comes from it unless `n` is given. */
  edition: number;
  /** LSOA codes, one per rank (every LSOA the bridge names must be here). */
  lsoaCodes: readonly string[];
  /** National rank of each LSOA, 1 = most deprived. */
  ranks: ArrayLike<number>;
  /** Population of each LSOA, when known for the edition (else people counts are null). */
  populations?: ArrayLike<number>;
  /** Bridge rows from this edition's LSOAs to the target areas. */
  bridge: readonly BridgeRow[];
}

/** Deprivation of one area in one edition. */
export interface AreaEditionDeprivation {
  area: string;
  edition: number;
  /** National LSOA count used for this edition. */
  n: number;
  /** LSOAs in the area, counted by bridge weight. */
  lsoaCount: number;
  lsoasMostDeprived10: number;
  lsoasMostDeprived20: number;
  /** lsoasMostDeprived10 / lsoaCount. */
  shareLsoasMostDeprived10: number;
  /** lsoasMostDeprived20 / lsoaCount. */
  shareLsoasMostDeprived20: number;
  /** Σ weight × population; null when the edition has no populations. */
  population: number | null;
  peopleMostDeprived10: number | null;
  peopleMostDeprived20: number | null;
  /**
   * Mean of 100·(N + 1 − rank)/N over the area's LSOAs, weighted by bridge weight (not population, which
   * old editions may lack): 50 ≈ the national middle, higher = more deprived.
   */
  averageInvertedRankPercentile: number;
}

/**
 * Deprivation per target area and edition from national ranks and vintage bridges: the (weighted) number
 * of LSOAs and of people in the most deprived 10% (decile 1) and 20% (deciles 1–2) nationally, and the
 * average inverted-rank percentile. Rows are ordered by edition, then by area code. An area appears in an
 * edition only if the bridge gives it a positive weight.
 *
 * @throws {ModelInputError} for duplicate editions, unequal columns, duplicate LSOA codes, a bridge row
 * naming an LSOA absent from its edition, a bridge weight outside [0, 1], a rank outside [1, N], or a
 * negative population.
 * @example deprivationByEdition([{ edition: 2019, lsoaCodes: ["A", "B"], ranks: [100, 20000],
 *   bridge: [{ lsoa: "A", area: "X", weight: 1 }, { lsoa: "B", area: "X", weight: 1 }] }])
 * // [{ area: "X", edition: 2019, n: 32844, lsoaCount: 2, lsoasMostDeprived10: 1, … }]
 */
export function deprivationByEdition(editions: readonly EditionLsoaRanks[]): AreaEditionDeprivation[] {
  const seen = new Set<number>();
  for (const { edition } of editions) {
    if (seen.has(edition))
      throw new ModelInputError(`deprivationByEdition: edition ${edition} is given twice`);
    seen.add(edition);
  }
  const sorted = [...editions].sort((a, b) => a.edition - b.edition);
  return sorted.flatMap((edition) => areasOfEdition(edition));
}

interface AreaAccumulator {
  lsoaCount: number;
  lsoas10: number;
  lsoas20: number;
  population: number;
  people10: number;
  people20: number;
  percentileSum: number;
}

function areasOfEdition(edition: EditionLsoaRanks): AreaEditionDeprivation[] {
  const functionName = `deprivationByEdition (edition ${edition.edition})`;
  const n = resolveNationalLsoaCount(edition, functionName);
  const rowOfLsoa = indexLsoaCodes(edition, functionName);
  const areas = new Map<string, AreaAccumulator>();
  for (const { lsoa, area, weight } of edition.bridge) {
    const row = rowOfLsoa.get(lsoa);
    if (row === undefined) {
      throw new ModelInputError(
        `${functionName}: bridge names LSOA "${lsoa}" which has no rank in this edition`,
        "Each edition needs the bridge of its own LSOA vintage (2001 LSOAs for 2004–2010, 2011 for 2015–2019, 2021 for 2025).",
      );
    }
    if (!(weight >= 0 && weight <= 1)) {
      throw new ModelInputError(
        `${functionName}: bridge weight of "${lsoa}" → "${area}" must be in [0, 1], got ${weight}`,
      );
    }
    if (weight === 0) continue;
    const rank = checkNationalRank(edition.ranks[row] as number, n, functionName, row);
    const population = edition.populations === undefined ? 0 : (edition.populations[row] as number);
    const accumulator = areas.get(area) ?? emptyAccumulator();
    addLsoa(accumulator, Math.ceil((10 * rank) / n), weight, weight * population, (100 * (n + 1 - rank)) / n);
    areas.set(area, accumulator);
  }
  const hasPopulation = edition.populations !== undefined;
  return [...areas.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([area, total]) => toAreaEdition(area, edition.edition, n, total, hasPopulation));
}

function indexLsoaCodes(edition: EditionLsoaRanks, functionName: string): Map<string, number> {
  const { lsoaCodes, ranks, populations } = edition;
  if (
    ranks.length !== lsoaCodes.length ||
    (populations !== undefined && populations.length !== lsoaCodes.length)
  ) {
    throw new ModelInputError(
      `${functionName}: lsoaCodes (${lsoaCodes.length}), ranks (${ranks.length}) and populations (${populations?.length ?? "absent"}) must have equal lengths`,
    );
  }
  const rowOfLsoa = new Map<string, number>();
  lsoaCodes.forEach((code, row) => {
    if (rowOfLsoa.has(code)) throw new ModelInputError(`${functionName}: LSOA "${code}" appears twice`);
    const population = populations?.[row];
    if (population !== undefined && !(Number.isFinite(population) && population >= 0)) {
      throw new ModelInputError(`${functionName}: population of "${code}" must be ≥ 0, got ${population}`);
    }
    rowOfLsoa.set(code, row);
  });
  return rowOfLsoa;
}

function emptyAccumulator(): AreaAccumulator {
  return { lsoaCount: 0, lsoas10: 0, lsoas20: 0, population: 0, people10: 0, people20: 0, percentileSum: 0 };
}

function addLsoa(
  total: AreaAccumulator,
  decile: number,
  weight: number,
  people: number,
  percentile: number,
): void {
  total.lsoaCount += weight;
  total.population += people;
  total.percentileSum += weight * percentile;
  if (decile <= 1) {
    total.lsoas10 += weight;
    total.people10 += people;
  }
  if (decile <= 2) {
    total.lsoas20 += weight;
    total.people20 += people;
  }
}

function toAreaEdition(
  area: string,
  edition: number,
  n: number,
  total: AreaAccumulator,
  hasPopulation: boolean,
): AreaEditionDeprivation {
  return {
    area,
    edition,
    n,
    lsoaCount: total.lsoaCount,
    lsoasMostDeprived10: total.lsoas10,
    lsoasMostDeprived20: total.lsoas20,
    shareLsoasMostDeprived10: total.lsoas10 / total.lsoaCount,
    shareLsoasMostDeprived20: total.lsoas20 / total.lsoaCount,
    population: hasPopulation ? total.population : null,
    peopleMostDeprived10: hasPopulation ? total.people10 : null,
    peopleMostDeprived20: hasPopulation ? total.people20 : null,
    averageInvertedRankPercentile: total.percentileSum / total.lsoaCount,
  };
}
