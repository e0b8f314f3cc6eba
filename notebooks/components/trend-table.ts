/**
 * The data table behind a trend chart: one row per year (data, comparator, target and forecast years),
 * with a column per series, so a reader can read every point the chart draws.
 */
import { roundForTable } from "./format-number.ts";
import type { TrendChartOptions, TrendPoint } from "./trend-types.ts";
import type { DataTable } from "./types.ts";

export function trendTable(
  sorted: readonly TrendPoint[],
  options: TrendChartOptions & { decimals: number },
): DataTable {
  const { decimals, comparators = [], target, forecast = [], unit } = options;
  const round = (value: number | null | undefined) => roundForTable(value, decimals);
  const years = [
    ...new Set([
      ...sorted.map((point) => point.year),
      ...comparators.flatMap((comparator) => comparator.points.map((point) => point.year)),
      ...forecast.map((point) => point.year),
      ...(target ? [target.year] : []),
    ]),
  ].sort((a, b) => a - b);
  const columns = [
    "Period",
    "Year",
    unit ? `${options.label ?? "Value"} (${unit})` : (options.label ?? "Value"),
    "Lower 95% limit",
    "Upper 95% limit",
  ];
  columns.push(...comparators.map((comparator) => comparator.label));
  if (forecast.length > 0) columns.push("Forecast", "Forecast lower", "Forecast upper");
  if (target) columns.push(target.label ?? "Target");
  const rows = years.map((year) => {
    const point = sorted.find((candidate) => candidate.year === year);
    const row: (string | number | null)[] = [
      point?.period ?? String(year),
      year,
      round(point?.value),
      round(point?.lower),
      round(point?.upper),
    ];
    for (const comparator of comparators)
      row.push(round(comparator.points.find((candidate) => candidate.year === year)?.value));
    if (forecast.length > 0) {
      const predicted = forecast.find((candidate) => candidate.year === year);
      row.push(round(predicted?.value), round(predicted?.lower), round(predicted?.upper));
    }
    if (target) row.push(target.year === year ? round(target.value) : null);
    return row;
  });
  return { columns, rows };
}
