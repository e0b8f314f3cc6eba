/**
 * The full areas × indicators grid behind a tartan rug: every combination gets a cell (a missing one is
 * "not compared" with no value — an explicit state, never a silent blank), values are formatted with one
 * number of decimals per indicator, and the data table lists the cells in reading order.
 */
import { decimalsFor, formatNumber, roundForTable } from "./format-number.ts";
import type { BenchmarkLabel, DataTable } from "./types.ts";

export interface RugInput {
  areas: { code: string; name: string }[];
  indicators: { id: string; name: string }[];
  cells: { area: string; indicator: string; value: number | null; benchmark: BenchmarkLabel }[];
}

export interface RugCell {
  area: string;
  areaName: string;
  indicator: string;
  indicatorName: string;
  value: number | null;
  benchmark: BenchmarkLabel;
  decimals: number;
  /** The value as printed ("–" when there is none). */
  text: string;
}

export function rugGrid(input: RugInput): RugCell[] {
  const byKey = new Map(input.cells.map((cell) => [`${cell.indicator}\u0000${cell.area}`, cell]));
  return input.indicators.flatMap((indicator) => {
    const decimals = decimalsFor(
      input.cells.filter((cell) => cell.indicator === indicator.id).map((cell) => cell.value),
    );
    return input.areas.map((area) => {
      const cell = byKey.get(`${indicator.id}\u0000${area.code}`);
      const value = cell?.value ?? null;
      return {
        area: area.code,
        areaName: area.name,
        indicator: indicator.id,
        indicatorName: indicator.name,
        value,
        benchmark: cell?.benchmark ?? "not compared",
        decimals,
        text: value === null ? "–" : formatNumber(value, decimals),
      };
    });
  });
}

export function rugTable(grid: readonly RugCell[]): DataTable {
  return {
    columns: ["Indicator", "Area", "Area code", "Value", "Benchmark"],
    rows: grid.map((cell) => [
      cell.indicatorName,
      cell.areaName,
      cell.area,
      roundForTable(cell.value, cell.decimals),
      cell.benchmark,
    ]),
  };
}
