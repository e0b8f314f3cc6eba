/**
 * A table of an evidence pack: its rows as read from the warehouse, how each column is shown and exported,
 * and what statistical disclosure control must know about it (count columns, totals, columns computed
 * from counts). Every table a pack publishes — in the HTML, the XLSX, the CSV and Parquet files — is a
 * `PackTable`, protected once before anything is written.
 */
import type { DependentColumn, TableRow, TotalRelation } from "../disclosure/index.ts";

/**
 * How a column is shown: `text`; `count` (people or households: suppressed when small); `value` (a rate,
 * percentage or score with the indicator's decimals); `share` (0–1, shown as %); `money` (£); `number`
 * (other numbers: ranks, scores, changes); `flag` (yes/no).
 */
export type ColumnKind = "text" | "count" | "value" | "share" | "money" | "number" | "flag";

export interface PackColumn {
  name: string;
  label: string;
  kind: ColumnKind;
  /** Decimal places shown in the HTML (exports keep full precision); default by kind. */
  decimals?: number;
  /** Shown in the HTML table (default true); every column is exported. */
  show?: boolean;
}

export interface PackTable {
  /** File name stem and sheet name: lower-case words with hyphens, unique in the pack. */
  id: string;
  title: string;
  /** What the table holds and where it comes from (the notes sheet and the HTML caption). */
  description: string;
  columns: PackColumn[];
  rows: TableRow[];
  /** Disclosure control: counts are the `count` columns; totals and dependents as declared. */
  totals?: TotalRelation[];
  dependents?: DependentColumn[];
  cellKey?: (row: TableRow, column: string) => string;
  /** At most this many rows in the HTML (all rows are exported); default all. */
  htmlRowLimit?: number;
}

/** A table after disclosure control: published rows (marker in suppressed cells). */
export interface PublishedTable extends Omit<PackTable, "rows"> {
  rows: Record<string, unknown>[];
  suppressedColumns: string[][];
}

export const col = (
  name: string,
  label: string,
  kind: ColumnKind = "text",
  extra: Partial<PackColumn> = {},
): PackColumn => ({ name, label, kind, ...extra });

export function countColumns(table: Pick<PackTable, "columns">): string[] {
  return table.columns.filter((column) => column.kind === "count").map((column) => column.name);
}

/**
 * The key of an indicator's count cell, shared by every table that shows it, so a count hidden in one
 * table is hidden in all. Census household indicators share one denominator (households).
 */
export function indicatorCountKey(
  indicator: string,
  areaCode: string,
  areaType: string,
  period: string,
  column: string,
): string {
  const denominatorGroup =
    column === "denominator" && indicator.startsWith("census-households-") ? "census-households" : indicator;
  return [column === "denominator" ? denominatorGroup : indicator, areaCode, areaType, period, column].join(
    "|",
  );
}

/** cellKey for tables with indicator, area_code, area_type, period and numerator/denominator columns. */
export function indicatorCellKey(row: TableRow, column: string): string {
  return indicatorCountKey(
    String(row.indicator),
    String(row.area_code),
    String(row.area_type),
    String(row.period),
    column,
  );
}

/** The published value as a number, or null when missing or suppressed (for charts and findings). */
export function numeric(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
