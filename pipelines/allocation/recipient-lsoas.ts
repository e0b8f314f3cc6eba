/**
 * The 2011 LSOAs of each recipient, as SQL: every need measure is built from them. A recipient's LSOAs
 * are its `area_link` children of type lsoa11 with their weights (1 for nested and best-fit links, the
 * apportioned share otherwise); an lsoa11 recipient is its own single LSOA.
 */
import { quoteLiteral } from "../warehouse/warehouse.ts";
import type { RecipientArea } from "./recipient-areas.ts";

/** The IoD edition and indicators the need measures come from. */
export const NEED_SOURCES = {
  edition: 2019,
  lsoaType: "lsoa11",
  /** Population the IoD 2019 averages (score, extent) are weighted by: File 6, mid-2015. */
  iodPopulationPeriod: "mid-2015",
  incomeIndicator: "iod2019-income-deprived-people",
  employmentIndicator: "iod2019-employment-deprived-people",
} as const;

/**
 * CTEs `recipient(code, type)` and `member(code, type, lsoa, weight)` for the given areas; append
 * further CTEs or a SELECT after them.
 */
export function recipientLsoasCte(areas: readonly RecipientArea[]): string {
  const values = areas.map((area) => `(${quoteLiteral(area.code)}, ${quoteLiteral(area.type)})`).join(", ");
  return `WITH
  recipient (code, type) AS (VALUES ${values}),
  member AS (
    SELECT r.code, r.type, l.child AS lsoa, l.weight
    FROM recipient r JOIN area_link l ON l.parent = r.code AND l.parent_type = r.type
      AND l.child_type = ${quoteLiteral(NEED_SOURCES.lsoaType)} AND l.weight > 0
    UNION ALL
    SELECT code, type, code AS lsoa, 1::DOUBLE AS weight FROM recipient WHERE type = ${quoteLiteral(NEED_SOURCES.lsoaType)})`;
}

/** SQL joining LSOA population of `period` (a quoted literal) as alias `alias` onto `member m`. */
export function populationJoin(alias: string, periodLiteral: string): string {
  return `LEFT JOIN population ${alias} ON ${alias}.area_code = m.lsoa AND ${alias}.area_type = ${quoteLiteral(NEED_SOURCES.lsoaType)}
      AND ${alias}.period = ${periodLiteral} AND ${alias}.age_band = 'all' AND ${alias}.sex = 'Persons'`;
}
