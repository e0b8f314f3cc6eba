/**
 * The inputs of the trend chart and the small pieces of its look shared by its marks and legend: the
 * series colour, the comparator line styles (black and grey, each with its own dash pattern so they part
 * in greyscale) and the year axis ticks labelled with period names.
 */
import type { CommonChartOptions, Polarity } from "./types.ts";

export interface TrendPoint {
  period: string;
  year: number;
  value: number | null;
  lower?: number | null;
  upper?: number | null;
}

export interface TrendComparator {
  label: string;
  points: { year: number; value: number | null }[];
}

export interface TrendForecastPoint {
  year: number;
  value: number;
  lower: number;
  upper: number;
}

export interface TrendChartOptions extends CommonChartOptions {
  title: string;
  unit?: string;
  /** Name of the main series in the legend (default "Value"). */
  label?: string;
  comparators?: TrendComparator[];
  target?: { year: number; value: number; label?: string };
  forecast?: TrendForecastPoint[];
  /** With a polarity the description says whether the forecast meets the target. */
  polarity?: Polarity;
}

export const SERIES = "#2166ac";
export const COMPARATOR_STYLES = [
  { stroke: "#000000", dash: "6,4" },
  { stroke: "#595959", dash: "2,3" },
  { stroke: "#000000", dash: "12,3,2,3" },
  { stroke: "#595959", dash: "8,2" },
] as const;

/** Ticks at each year, labelled with the period name ("2019/20") where the data gives one. */
export function yearTicks(
  points: readonly TrendPoint[],
  extraYears: readonly number[],
): { ticks: number[]; label: (year: number) => string } {
  const periodByYear = new Map(points.map((point) => [point.year, point.period]));
  const years = [...new Set([...points.map((point) => point.year), ...extraYears])].sort((a, b) => a - b);
  const step = Math.ceil(years.length / 10);
  const ticks = years.filter((_year, index) => index % step === 0 || index === years.length - 1);
  return { ticks, label: (year) => periodByYear.get(year) ?? String(year) };
}
