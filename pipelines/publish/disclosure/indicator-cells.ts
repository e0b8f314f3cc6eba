/**
 * Indicator counts as cells shared by every output: a locality's numerator of one indicator and period is
 * one cell whether the site's indicator page, its area page, a CSV or `ntg profile` shows it, so it is
 * suppressed in all or none. `indicatorCountTables` lays out the counts of a county's published areas
 * (localities, districts, the county, England) with the totals a reader could use on them: the area
 * hierarchy, and the Census households by number of dimensions of deprivation, which add up to all
 * households (so a count hidden in one dimension cannot be recovered from the others).
 */
import { type AreaHierarchy, areaTotals } from "./area-totals.ts";
import type { DisclosureTable, TableRow } from "./disclosure-types.ts";

/** The sex and age a result means when it has no such column (the published default breakdown). */
export const DEFAULT_SEX = "Persons";
export const DEFAULT_AGE = "All ages";

export type CountColumn = "numerator" | "denominator";

export interface IndicatorCell {
  indicator: string;
  areaCode: string;
  period: string;
  sex?: string | null | undefined;
  age?: string | null | undefined;
}

/** Census household indicators by number of dimensions: parts of all households (their shared denominator). */
const HOUSEHOLD_DIMENSIONS = [
  ["not_deprived", "census-households-not-deprived"],
  ["one", "census-households-deprived-1-dimension"],
  ["two", "census-households-deprived-2-dimensions"],
  ["three", "census-households-deprived-3-dimensions"],
  ["four", "census-households-deprived-4-dimensions"],
  ["one_or_more", "census-households-deprived-1-or-more-dimensions"],
] as const;
const HOUSEHOLD_PREFIX = "census-households-";

/**
 * The key of an indicator's count cell. The Census household indicators share one denominator (all
 * households), so theirs is one cell. Area codes are unique across localities, districts and counties.
 */
export function indicatorCellKey(cell: IndicatorCell, column: CountColumn): string {
  const indicator =
    column === "denominator" && cell.indicator.startsWith(HOUSEHOLD_PREFIX)
      ? "census-households"
      : cell.indicator;
  return [
    indicator,
    cell.areaCode,
    cell.period,
    cell.sex ?? DEFAULT_SEX,
    cell.age ?? DEFAULT_AGE,
    column,
  ].join("|");
}

/** The indicator cell a row describes, or null when it lacks the indicator, area or period. */
export function rowCell(
  row: TableRow,
  areaCode: unknown = row.area_code,
  period: unknown = row.period,
): IndicatorCell | null {
  if (typeof row.indicator !== "string" || areaCode == null || period == null) return null;
  return {
    indicator: row.indicator,
    areaCode: String(areaCode),
    period: String(period),
    sex: typeof row.sex === "string" ? row.sex : null,
    age: typeof row.age === "string" ? row.age : null,
  };
}

/** A row of indicator counts as read from `indicator_value`. */
export interface IndicatorCountRow extends TableRow {
  indicator: string;
  area_code: string;
  area_type?: string;
  period: string;
  sex: string;
  age: string;
  numerator: number | null;
  denominator: number | null;
}

const cellKeyOfRow = (row: TableRow, column: string): string =>
  indicatorCellKey(rowCell(row)!, column as CountColumn);

/** The tables to protect together: every count with the hierarchy totals, and the households partition. */
export function indicatorCountTables(
  rows: readonly IndicatorCountRow[],
  hierarchy: AreaHierarchy,
): DisclosureTable[] {
  const counts = ["numerator", "denominator"];
  const tables: DisclosureTable[] = [
    {
      name: "indicator counts",
      rows,
      counts,
      totals: areaTotals(rows, counts, hierarchy),
      cellKey: cellKeyOfRow,
    },
  ];
  const households = householdRows(rows);
  if (households.length > 0) {
    const parts = HOUSEHOLD_DIMENSIONS.map(([column]) => column).filter((column) => column !== "one_or_more");
    const dimensionOf = new Map<string, string>(HOUSEHOLD_DIMENSIONS);
    tables.push({
      name: "households by dimensions of deprivation",
      rows: households,
      counts: [...parts, "one_or_more", "households"],
      totals: [
        { kind: "columns", parts, total: "households" },
        { kind: "columns", parts: parts.filter((column) => column !== "not_deprived"), total: "one_or_more" },
      ],
      cellKey: (row, column) =>
        indicatorCellKey(
          rowCell({ ...row, indicator: dimensionOf.get(column) ?? HOUSEHOLD_DIMENSIONS[0][1] })!,
          column === "households" ? "denominator" : "numerator",
        ),
    });
  }
  return tables;
}

/** One row per area, period, sex and age with the household dimensions side by side. */
function householdRows(rows: readonly IndicatorCountRow[]): TableRow[] {
  const columnOf = new Map<string, string>(
    HOUSEHOLD_DIMENSIONS.map(([column, indicator]) => [indicator, column]),
  );
  const byArea = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const column = columnOf.get(row.indicator);
    if (!column) continue;
    const key = [row.area_code, row.period, row.sex, row.age].join("|");
    const pivot = byArea.get(key) ?? {
      area_code: row.area_code,
      period: row.period,
      sex: row.sex,
      age: row.age,
    };
    pivot[column] = row.numerator;
    if (row.denominator !== null) pivot.households = row.denominator;
    byArea.set(key, pivot);
  }
  return [...byArea.values()];
}
