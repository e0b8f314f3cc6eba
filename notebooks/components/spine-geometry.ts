/**
 * Where each indicator's values sit on its spine. Every row is scaled on its own: England at 0, and the
 * area furthest from England (worst or best) at -1 or 1, so indicators with different units share one
 * picture. Low-is-good rows are mirrored so "better" is always to the right; no-polarity rows keep low on
 * the left. Also the per-row number format and the chart's data table.
 */
import { decimalsFor, formatValue, roundForTable } from "./format-number.ts";
import type { BenchmarkLabel, DataTable, Polarity } from "./types.ts";

export interface SpineRow {
  id: string;
  name: string;
  polarity: Polarity;
  value: number | null;
  county: number | null;
  england: number | null;
  min: number | null;
  q25: number | null;
  q75: number | null;
  max: number | null;
  benchmark: BenchmarkLabel;
  /** Unit for the row's values ("%", "per 100,000"); optional. */
  unit?: string;
}

export interface SpinePosition {
  worst: number | null;
  best: number | null;
  q25: number | null;
  q75: number | null;
  value: number | null;
  county: number | null;
}

export interface PlacedSpineRow extends SpineRow {
  position: SpinePosition;
}

const finite = (value: number | null | undefined): value is number =>
  typeof value === "number" && Number.isFinite(value);

/** Positions on the spine (-1 worst … 0 England … 1 best); all null when the row has no range. */
export function placeOnSpine(row: SpineRow): PlacedSpineRow {
  const none: SpinePosition = { worst: null, best: null, q25: null, q75: null, value: null, county: null };
  if (!finite(row.min) || !finite(row.max)) return { ...row, position: none };
  const centre = finite(row.england) ? row.england : (row.min + row.max) / 2;
  const halfRange = Math.max(Math.abs(row.max - centre), Math.abs(centre - row.min)) || 1;
  const direction = row.polarity === "low-is-good" ? -1 : 1;
  const place = (value: number | null) => (finite(value) ? (direction * (value - centre)) / halfRange : null);
  const [left, right] = direction === 1 ? [row.min, row.max] : [row.max, row.min];
  const quartileA = place(row.q25);
  const quartileB = place(row.q75);
  const bothQuartiles = quartileA !== null && quartileB !== null;
  return {
    ...row,
    position: {
      worst: place(left),
      best: place(right),
      q25: bothQuartiles ? Math.min(quartileA, quartileB) : null,
      q75: bothQuartiles ? Math.max(quartileA, quartileB) : null,
      value: place(row.value),
      county: place(row.county),
    },
  };
}

/**
 * Decimals for one indicator, chosen from all its numbers so its three value columns line up; values carry
 * "%" but other units are written once beside the indicator's name.
 */
export function spineRowDecimals(row: SpineRow): {
  decimals: number;
  format: (value: number | null) => string;
} {
  const decimals = decimalsFor([row.value, row.county, row.england, row.min, row.q25, row.q75, row.max]);
  return {
    decimals,
    format: (value) => (finite(value) ? formatValue(value, decimals, row.unit === "%" ? "%" : "") : "–"),
  };
}

export function spineTable(
  rows: readonly PlacedSpineRow[],
  labels: { areaName: string; countyLabel: string; englandLabel: string },
): DataTable {
  return {
    columns: [
      "Indicator",
      "Unit",
      labels.areaName,
      labels.countyLabel,
      labels.englandLabel,
      "Lowest",
      "25th percentile",
      "75th percentile",
      "Highest",
      `Compared with ${labels.englandLabel}`,
      "Polarity",
    ],
    rows: rows.map((row) => {
      const { decimals } = spineRowDecimals(row);
      const round = (value: number | null) => roundForTable(value, decimals);
      return [
        row.name,
        row.unit ?? null,
        round(row.value),
        round(row.county),
        round(row.england),
        round(row.min),
        round(row.q25),
        round(row.q75),
        round(row.max),
        row.benchmark,
        row.polarity,
      ];
    }),
  };
}
