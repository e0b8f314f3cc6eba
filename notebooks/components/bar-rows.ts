/**
 * Rows of the bar chart: their shape, the drawing order (highest value at the top, missing values last,
 * ties by name; or alphabetical) and the data table in that order, rounded as the labels show them.
 */
import { roundForTable } from "./format-number.ts";
import type { BenchmarkLabel, CommonChartOptions, DataTable } from "./types.ts";

export interface BarRow {
  code: string;
  name: string;
  /** The value; null when missing. A disclosure marker ("*") is accepted too: not drawn, shown in the table. */
  value: number | null;
  lower?: number | null;
  upper?: number | null;
  benchmark?: BenchmarkLabel;
}

export interface BarWithIntervalsOptions extends CommonChartOptions {
  title: string;
  unit?: string;
  comparator?: { label: string; value: number };
  /** "value" (default): highest at the top; "name": alphabetical. */
  sort?: "value" | "name";
  /** Code of the area to emphasise. */
  highlight?: string;
}

/** Rows in drawing order. */
export function sortBarRows(rows: readonly BarRow[], sort: "value" | "name"): BarRow[] {
  const byName = (a: BarRow, b: BarRow) =>
    a.name.localeCompare(b.name, "en-GB") || a.code.localeCompare(b.code);
  if (sort === "name") return [...rows].sort(byName);
  return [...rows].sort((a, b) => {
    if (a.value === null || b.value === null)
      return a.value === null ? (b.value === null ? byName(a, b) : 1) : -1;
    return b.value - a.value || byName(a, b);
  });
}

export function barTable(
  sorted: readonly BarRow[],
  decimals: number,
  unit: string,
  comparator: { label: string } | undefined,
): DataTable {
  return {
    columns: [
      "Area",
      "Code",
      unit ? `Value (${unit})` : "Value",
      "Lower 95% limit",
      "Upper 95% limit",
      comparator ? `Compared with ${comparator.label}` : "Benchmark",
    ],
    rows: sorted.map((row) => [
      row.name,
      row.code,
      roundForTable(row.value, decimals),
      roundForTable(row.lower, decimals),
      roundForTable(row.upper, decimals),
      row.benchmark ?? null,
    ]),
  };
}
