/**
 * Read side of the deprivation tables, for `ntg deprivation`: rows of `deprivation_summary`,
 * `deprivation_trend`, and LSOA scores, for the areas of one level inside a given area. Each function
 * returns column names (the CLI contract's required columns first, extras after) and rows.
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { OFFICIAL_INDEX_ID } from "./local-index-config.ts";

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
}

/** The columns of the CLI contract for area summaries, in order. */
export const SUMMARY_COLUMNS = [
  "area_code",
  "area_name",
  "population",
  "average_score",
  "average_rank",
  "rank_of_average_score",
  "proportion_most_deprived_10",
  "proportion_most_deprived_20",
  "extent",
  "local_concentration",
  "income_scale",
  "employment_scale",
] as const;

/** Extra summary columns, printed after the contract's columns. */
export const SUMMARY_EXTRA_COLUMNS = [
  "peer_group",
  "peer_count",
  "lsoa_count",
  "income_numerators_missing",
  "employment_numerators_missing",
  "illustrative",
] as const;

export const TREND_COLUMNS = [
  "area_code",
  "area_name",
  "edition",
  "lsoa_type",
  "lsoa_count",
  "lsoas_most_deprived_10",
  "lsoas_most_deprived_20",
  "people_most_deprived_10",
  "people_most_deprived_20",
  "population",
  "average_inverted_rank_percentile",
  "relative_position_change",
  "first_edition",
  "last_edition",
  "change_in_share_most_deprived_20",
  "change_in_average_inverted_rank_percentile",
  "population_basis",
  "illustrative",
] as const;

/** Areas of `areaType` that are `within` or linked below it. */
const INSIDE_WITHIN = `(area_code = $within OR area_code IN (SELECT child FROM area_link WHERE parent = $within))`;

export async function summaryRows(
  warehouse: Warehouse,
  options: { edition: number; indexId: string; areaType: string; within: string },
): Promise<QueryResult> {
  return warehouse.table(
    `SELECT ${[...SUMMARY_COLUMNS, ...SUMMARY_EXTRA_COLUMNS].join(", ")} FROM deprivation_summary
     WHERE edition = $edition AND index_id = $index AND area_type = $type AND ${INSIDE_WITHIN}
     ORDER BY area_code`,
    { edition: options.edition, index: options.indexId, type: options.areaType, within: options.within },
  );
}

export async function trendRows(
  warehouse: Warehouse,
  options: { areaType: string; within: string },
): Promise<QueryResult> {
  return warehouse.table(
    `SELECT ${TREND_COLUMNS.join(", ")} FROM deprivation_trend
     WHERE area_type = $type AND ${INSIDE_WITHIN} ORDER BY area_code, edition`,
    { type: options.areaType, within: options.within },
  );
}

/**
 * LSOA scores, national ranks and deciles (`area_code, score, rank, decile`, then `area_name`) of the
 * official IMD or a local index; `withinCountry` takes every LSOA of the edition.
 */
export async function lsoaRows(
  warehouse: Warehouse,
  options: { edition: number; indexId: string; lsoaType: string; within: string; withinCountry: boolean },
): Promise<QueryResult> {
  const scores =
    options.indexId === OFFICIAL_INDEX_ID
      ? `SELECT lsoa, lsoa_type, score, rank, decile FROM deprivation
         WHERE edition = $edition AND domain = 'imd' AND lsoa_type = $type`
      : `SELECT lsoa, lsoa_type, score, rank, decile FROM deprivation_local_index
         WHERE edition = $edition AND index_id = $index AND lsoa_type = $type`;
  const filter = options.withinCountry
    ? ""
    : "WHERE s.lsoa IN (SELECT child FROM area_link WHERE parent = $within AND child_type = $type)";
  return warehouse.table(
    `SELECT s.lsoa AS area_code, s.score, s.rank, s.decile, coalesce(a.name, b.name) AS area_name
     FROM (${scores}) s LEFT JOIN area a ON a.code = s.lsoa AND a.type = s.lsoa_type
     LEFT JOIN (SELECT area_code, area_type, any_value(name) AS name FROM boundary GROUP BY ALL) b
       ON b.area_code = s.lsoa AND b.area_type = s.lsoa_type
     ${filter} ORDER BY s.lsoa`,
    {
      edition: options.edition,
      type: options.lsoaType,
      ...(options.indexId === OFFICIAL_INDEX_ID ? {} : { index: options.indexId }),
      ...(options.withinCountry ? {} : { within: options.within }),
    },
  );
}
