/**
 * The chart of stage 3: a target indicator's series for one area with its target and the forecast to the
 * target period. The prediction interval is drawn unless it is so wide that it would flatten the series
 * (three points give intervals of ±100 points); then a sentence says so. Also which areas the findings and
 * the chart describe.
 */
import {
  type ChartOutput,
  escapeXml,
  formatNumber,
  type Polarity,
  trendChart,
} from "../../../notebooks/components/index.ts";
import type { PackData } from "./collect-pack.ts";
import { shortName } from "./pack-format.ts";
import { type Block, findTable } from "./pack-section.ts";
import { numeric } from "./pack-table.ts";

type Row = Record<string, unknown>;

function yearOf(period: unknown): number | null {
  const match = /(\d{4})/.exec(String(period ?? ""));
  return match ? Number(match[1]) : null;
}

function polarityOf(data: PackData, indicator: string): Polarity | undefined {
  const polarity = data.catalogue.get(indicator)?.polarity;
  return polarity === "high-is-good" || polarity === "low-is-good" || polarity === "none"
    ? polarity
    : undefined;
}

/**
 * The areas whose forecasts the findings and chart describe: the whole area when it has forecasts,
 * otherwise the localities holding it (priority areas), otherwise its districts, otherwise the county.
 */
export function areasOfInterest(data: PackData, forecasts: Row[]): string[] {
  const has = (code: string) => forecasts.some((row) => row.area_code === code);
  const { headline, localities, districts, county } = data.context;
  for (const group of [[headline], localities.length <= 3 ? localities : [], districts, [county]]) {
    const codes = group.map((area) => area.code).filter(has);
    if (codes.length > 0) return codes;
  }
  return [];
}

/** The prediction interval, unless it is so wide that drawing it would flatten the series (then null). */
function drawableInterval(forecast: Row, points: { value: number | null }[]): [number, number] | null {
  const lower = numeric(forecast.projected_lower);
  const upper = numeric(forecast.projected_upper);
  if (lower === null || upper === null) return null;
  const values = [
    ...points.map((point) => point.value),
    numeric(forecast.target),
    numeric(forecast.projected),
  ].filter((value): value is number => value !== null);
  const spread = Math.max(...values) - Math.min(...values) || Math.abs(values[0] ?? 1);
  return upper - lower > 4 * spread ? null : [lower, upper];
}

/**
 * With the interval left out of the drawing, the chart's own description would give the forecast a
 * range of zero width: say what the interval is instead (in the caption and the SVG's <desc>).
 */
function describeWideInterval(
  forecast: Row,
  interval: [number, number] | null,
  chart: ChartOutput,
): ChartOutput {
  const lower = numeric(forecast.projected_lower);
  const upper = numeric(forecast.projected_upper);
  if (interval || lower === null || upper === null) return chart;
  const description = chart.description.replace(
    /\(range [^)]*\)/,
    `(95% prediction interval ${formatNumber(lower, 1)} to ${formatNumber(upper, 1)}, too wide to draw)`,
  );
  return {
    ...chart,
    description,
    svg: chart.svg.replace(escapeXml(chart.description), escapeXml(description)),
  };
}

export function forecastChart(data: PackData, indicator: string, forecasts: Row[], code: string): Block[] {
  const series = findTable(data, "target-series")?.rows.filter((row) => row.indicator === indicator) ?? [];
  const forecast = forecasts.find((row) => row.area_code === code);
  const points = series
    .filter((row) => row.area_code === code)
    .map((row) => ({
      period: String(row.period),
      year: Number(row.period_year),
      value: numeric(row.value),
      lower: numeric(row.lower95),
      upper: numeric(row.upper95),
    }));
  if (!forecast || points.length < 2)
    return [
      {
        kind: "paragraph",
        text: `${String(forecast?.area_name ?? code)} has ${points.length === 1 ? "one period" : "no periods"} of this indicator, so no trend can be fitted or drawn.`,
      },
    ];
  const last = points.at(-1)!;
  const targetYear = yearOf(forecast.target_period);
  const target = numeric(forecast.target);
  const projected = numeric(forecast.projected);
  const interval = drawableInterval(forecast, points);
  const county =
    code === data.context.county.code
      ? []
      : series.filter((row) => row.area_code === data.context.county.code);
  const polarity = polarityOf(data, indicator);
  const name = String(forecast.area_name);
  const blocks: Block[] = [
    {
      kind: "chart",
      chart: describeWideInterval(
        forecast,
        interval,
        trendChart(points, {
          id: `forecast-${indicator}`,
          title: `${shortName(String(forecast.indicator_name))}: ${name}, trend, forecast and ${forecast.example ? "example " : ""}target`,
          label: name,
          ...(county.length
            ? {
                comparators: [
                  {
                    label: data.context.county.name,
                    points: county.map((row) => ({
                      year: Number(row.period_year),
                      value: numeric(row.value),
                    })),
                  },
                ],
              }
            : {}),
          ...(targetYear !== null && target !== null
            ? {
                target: {
                  year: targetYear,
                  value: target,
                  label: forecast.example ? "Example target" : "Target",
                },
              }
            : {}),
          ...(last.value !== null && targetYear !== null && projected !== null
            ? {
                forecast: [
                  { year: last.year, value: last.value, lower: last.value, upper: last.value },
                  {
                    year: targetYear,
                    value: projected,
                    lower: interval?.[0] ?? projected,
                    upper: interval?.[1] ?? projected,
                  },
                ],
              }
            : {}),
          ...(polarity ? { polarity } : {}),
          width: 680,
        }),
      ),
    },
  ];
  if (!interval && numeric(forecast.projected_lower) !== null)
    blocks.push({
      kind: "paragraph",
      text: `The 95% prediction interval for ${String(forecast.target_period)} (${formatNumber(numeric(forecast.projected_lower), 1)} to ${formatNumber(numeric(forecast.projected_upper), 1)}) is too wide to draw: with ${String(forecast.points_used ?? "few")} points the trend says little about where ${name} will be.`,
    });
  return blocks;
}
