/**
 * Deprivation quantiles on the relative-rank axis of the slope index of inequality (METHODS.md §4):
 * quantile 1 = most deprived at the left, each quantile spanning its share of the population, its middle
 * at the cumulative share before it plus half its own. Also the input types and the SII as text.
 */
import { formatNumber, formatValue } from "./format-number.ts";

export interface DecileRow {
  decile: number;
  value: number | null;
  lower?: number | null;
  upper?: number | null;
  population?: number;
}

export interface SiiFit {
  intercept: number;
  slope: number;
  sii: number;
  lowerSii?: number | null;
  upperSii?: number | null;
}

/** A quantile placed on the relative-rank axis. */
export interface RankedDecile extends DecileRow {
  start: number;
  end: number;
  middle: number;
}

/** Places each quantile on 0..1 by cumulative population share (equal widths when any population is missing). */
export function placeOnRelativeRank(rows: readonly DecileRow[]): RankedDecile[] {
  const sorted = [...rows].sort((a, b) => a.decile - b.decile);
  const usePopulation = sorted.every((row) => typeof row.population === "number" && row.population > 0);
  const total = usePopulation
    ? sorted.reduce((sum, row) => sum + (row.population as number), 0)
    : sorted.length;
  let start = 0;
  return sorted.map((row) => {
    const share = (usePopulation ? (row.population as number) : 1) / total;
    const placed = { ...row, start, end: start + share, middle: start + share / 2 };
    start += share;
    return placed;
  });
}

/** "12.3 (95% CI 10.1 to 14.5)". */
export function siiText(sii: SiiFit, decimals: number, unit: string): string {
  const interval =
    sii.lowerSii != null && sii.upperSii != null
      ? ` (95% CI ${formatNumber(sii.lowerSii, decimals)} to ${formatNumber(sii.upperSii, decimals)})`
      : "";
  return `${formatValue(sii.sii, decimals, unit === "%" ? "percentage points" : unit)}${interval}`;
}
