/**
 * The charts of stage 2: an indicator's latest values as bars with 95% intervals against the county (the
 * focus areas where the indicator exists for them, otherwise the county's districts) and its trend for the
 * whole area (or, with district data only, its own district or the worst district) against the county
 * and England.
 */
import { type BenchmarkLabel, trendChart } from "../../../notebooks/components/index.ts";
import type { PackData } from "./collect-pack.ts";
import { highlightedLabel, shortName } from "./pack-format.ts";
import type { Block } from "./pack-section.ts";
import { findTable } from "./pack-section.ts";
import { numeric } from "./pack-table.ts";

type Row = Record<string, unknown>;

const BENCHMARKS = new Set([
  "better",
  "similar",
  "worse",
  "best",
  "worst",
  "lower",
  "higher",
  "not compared",
]);

function benchmarkOf(value: unknown): BenchmarkLabel | undefined {
  return typeof value === "string" && BENCHMARKS.has(value) ? (value as BenchmarkLabel) : undefined;
}

export function barRows(rows: Row[], highlight: string) {
  return rows.map((row) => {
    const benchmark = benchmarkOf(row.benchmark_county);
    return {
      code: String(row.area_code),
      name: row.area_code === highlight ? highlightedLabel(String(row.area_name)) : String(row.area_name),
      value: numeric(row.value),
      lower: numeric(row.lower95),
      upper: numeric(row.upper95),
      ...(benchmark ? { benchmark } : {}),
    };
  });
}

/** The rows a bar chart compares: the focus areas when the indicator has them, otherwise the districts. */
export function comparedRows(data: PackData, rows: Row[]): Row[] {
  const focus = new Set(data.context.focus.map((area) => area.code));
  const atFocus = rows.filter(
    (row) => focus.has(String(row.area_code)) && row.area_code !== data.context.county.code,
  );
  if (atFocus.length >= 2) return atFocus;
  const around = rows.filter(
    (row) =>
      ["focus area", "whole area", "locality"].includes(String(row.role)) &&
      row.area_code !== data.context.county.code,
  );
  const districts = rows.filter((row) => row.area_type === "district");
  return around.length >= 2 ? around : districts.length >= 2 ? districts : [...around, ...districts];
}

export function trendBlock(data: PackData, indicator: string, name: string, unit: string): Block[] {
  const rows = findTable(data, "indicator-trends")?.rows.filter((row) => row.indicator === indicator) ?? [];
  const points = (code: string) =>
    rows
      .filter((row) => row.area_code === code)
      .map((row) => ({
        period: String(row.period),
        year: Number(row.period_year),
        value: numeric(row.value),
        lower: numeric(row.lower95),
        upper: numeric(row.upper95),
      }));
  const latest = (code: string) => numeric(points(code).at(-1)?.value);
  const polarity = data.catalogue.get(indicator)?.polarity;
  const worstFirst = [...data.context.countyDistricts].sort((a, b) => {
    const x = latest(a.code) ?? Number.NaN;
    const y = latest(b.code) ?? Number.NaN;
    return (polarity === "high-is-good" ? x - y : y - x) || 0;
  });
  const own = data.context.districts.length === 1 ? data.context.districts : [];
  const candidates = [data.context.headline, ...own, data.context.county, ...worstFirst];
  const main = candidates.find((area) => points(area.code).length >= 2);
  if (!main) return [];
  const comparators = [data.context.county, data.context.england]
    .filter((area) => area !== null && area.code !== main.code)
    .map((area) => ({ label: area!.name, points: points(area!.code) }))
    .filter((comparator) => comparator.points.length > 0);
  return [
    {
      kind: "chart",
      chart: trendChart(points(main.code), {
        id: `trend-${indicator}`,
        title: `${shortName(name)}: ${main.name} over time`,
        unit,
        label: main.name,
        comparators,
        width: 680,
      }),
    },
  ];
}
