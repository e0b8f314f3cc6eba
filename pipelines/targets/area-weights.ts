/**
 * Weights wᵢ of METHODS.md §6 (Σwᵢτᵢ/Σwᵢ = T): each area's population (summed from 2011 LSOAs through
 * `area_link`, times the link's weight) or the denominator of its value in the series at the baseline
 * period. Deprivation ranks for 'quintile-gap' and 'graded' come from `deprivation_summary`.
 */
import { SourceError } from "../../models/errors.ts";
import { displayPath } from "../config/read-yaml-config.ts";
import { quoteLiteral, type Warehouse } from "../warehouse/warehouse.ts";
import type { LoadedTargetConfig } from "./target-config-schema.ts";

/** How the weights were measured, for the check block and every output. */
export function weightsBasis(config: LoadedTargetConfig): string {
  const { weights } = config;
  if (weights.kind === "denominator") return `denominator of the ${config.baseline.period} value`;
  return `population ${weights.period}, age ${weights.ageBands.join(" + ")} (sum of 2011 LSOAs)`;
}

/**
 * Weights of the scope areas of one type (`district` or `locality`), by code.
 *
 * @throws {SourceError} naming the file and the areas without a weight.
 */
export async function areaWeights(
  warehouse: Warehouse,
  config: LoadedTargetConfig,
  areaType: string,
): Promise<Map<string, number>> {
  const { weights } = config;
  const rows =
    weights.kind === "population"
      ? await warehouse.rows<{ code: string; weight: number | null }>(
          `SELECT s.area_code AS code, sum(p.population * l.weight) AS weight
           FROM target_scope s
           LEFT JOIN area_link l ON l.parent = s.area_code AND l.parent_type = s.area_type AND l.child_type = 'lsoa11'
           LEFT JOIN population p ON p.area_code = l.child AND p.area_type = 'lsoa11' AND p.sex = 'Persons'
             AND p.period = $1 AND p.age_band IN (${weights.ageBands.map(quoteLiteral).join(", ")})
           WHERE s.area_type = $2 GROUP BY 1 ORDER BY 1`,
          [weights.period, areaType],
        )
      : await warehouse.rows<{ code: string; weight: number | null }>(
          `SELECT s.area_code AS code, max(t.denominator) AS weight
           FROM target_scope s LEFT JOIN target_series t
             ON t.area_code = s.area_code AND t.area_type = s.area_type AND t.indicator = $1 AND t.period_year = $2
           WHERE s.area_type = $3 GROUP BY 1 ORDER BY 1`,
          [config.indicator, config.baseline.period, areaType],
        );
  const missing = rows.filter((row) => !(row.weight !== null && row.weight > 0)).map((row) => row.code);
  if (missing.length > 0) {
    throw new SourceError(
      `${displayPath(config.file)}: no ${weightsBasis(config)} for ${missing.length} ${areaType}(s): ${missing.slice(0, 8).join(", ")}`,
      weights.kind === "denominator"
        ? "The series has no denominators (e.g. published values): use weights: { kind: population }."
        : "Check weights.period and weights.ageBands against the population table (ntg query).",
    );
  }
  return new Map(rows.map((row) => [row.code, row.weight!]));
}

/**
 * Rank of each scope area of a type by its average deprivation score (1 = most deprived), from
 * `deprivation_summary` for the configured edition and index.
 *
 * @throws {SourceError} when an area has no rank.
 */
export async function deprivationRanks(
  warehouse: Warehouse,
  config: LoadedTargetConfig,
  areaType: string,
): Promise<Map<string, number>> {
  const rows = await warehouse.rows<{ code: string; rank: number | null }>(
    `SELECT s.area_code AS code, min(d.rank_of_average_score)::DOUBLE AS rank
     FROM target_scope s LEFT JOIN deprivation_summary d
       ON d.area_code = s.area_code AND d.area_type = s.area_type AND d.edition = $1 AND d.index_id = $2
     WHERE s.area_type = $3 GROUP BY 1`,
    [config.deprivation.edition, config.deprivation.index, areaType],
  );
  const missing = rows.filter((row) => row.rank === null).map((row) => row.code);
  if (missing.length > 0) {
    throw new SourceError(
      `${displayPath(config.file)}: no ${config.deprivation.index} ${config.deprivation.edition} deprivation rank for ${missing.join(", ")}`,
      "quintile-gap and graded targets order areas by deprivation_summary.rank_of_average_score.",
    );
  }
  return new Map(rows.map((row) => [row.code, row.rank!]));
}
