/**
 * One area's forecast against its target (METHODS.md §7), from its series and the county's: the trend
 * and RAG status from `forecastTrend`, the gap to the county from `gapForecast`. Chooses the weighting:
 * with 'auto', 1/SE² weights (SE = (upper95 − lower95)/3.92) when every point of the last k has a 95%
 * interval, else ordinary least squares (published values such as the Fingertips extract have none).
 */
import {
  forecastTrend,
  gapForecast,
  type SeriesPoint,
  type TargetPolarity,
  type TrendWeighting,
} from "../../models/targets/index.ts";
import type { TargetConfig } from "./target-config-schema.ts";

/** One period of a target series as read from `target_series`. */
export interface SeriesValue {
  period: string;
  periodYear: number;
  value: number;
  lower95: number | null;
  upper95: number | null;
  note: string | null;
}

export interface AreaForecastInput {
  series: readonly SeriesValue[];
  countySeries: readonly SeriesValue[] | null;
  target: number;
  targetYear: number;
  polarity: TargetPolarity;
  settings: TargetConfig["forecast"];
}

export interface AreaForecast {
  latest: SeriesValue | null;
  trend: ReturnType<typeof forecastTrend>;
  periodsUsed: string[];
  gap: ReturnType<typeof gapForecast> | null;
  gapProjectedToNarrow: boolean | null;
  notes: string[];
}

function toPoint(value: SeriesValue): SeriesPoint {
  const point: SeriesPoint = { period: value.periodYear, value: value.value };
  if (value.lower95 !== null && value.upper95 !== null && value.upper95 > value.lower95) {
    point.standardError = (value.upper95 - value.lower95) / 3.92;
  }
  return point;
}

/** The last k values by year, oldest first. */
function lastK(series: readonly SeriesValue[], k: number): SeriesValue[] {
  return [...series].sort((a, b) => a.periodYear - b.periodYear).slice(-k);
}

/** 'inverse-variance' when asked, or with 'auto' when every point has a standard error. */
function chooseWeighting(
  points: readonly SeriesPoint[],
  setting: TargetConfig["forecast"]["weighting"],
): TrendWeighting {
  if (setting !== "auto") return setting;
  return points.length > 0 && points.every((point) => point.standardError !== undefined)
    ? "inverse-variance"
    : "ols";
}

/**
 * Forecasts one area.
 *
 * @example areaForecast({ series: [2015, 2016, 2017].map((y, i) => ({ period: String(y), periodYear: y, value: 10 - i, lower95: null, upper95: null, note: null })),
 *   countySeries: null, target: 6, targetYear: 2020, polarity: "low-is-good", settings: { lastK: 5, confidence: 0.95, weighting: "auto" } })
 * // → trend.status "on track" (projected 5 with a zero-width interval), weighting "ols"
 */
export function areaForecast(input: AreaForecastInput): AreaForecast {
  const { settings } = input;
  const used = lastK(input.series, settings.lastK);
  const points = used.map(toPoint);
  const weighting = chooseWeighting(points, settings.weighting);
  const trend = forecastTrend(points, {
    lastK: settings.lastK,
    weighting,
    confidence: settings.confidence,
    targetPeriod: input.targetYear,
    targetValue: input.target,
    polarity: input.polarity,
  });
  const notes = [...new Set(used.map((value) => value.note).filter((note): note is string => Boolean(note)))];
  if (settings.weighting === "auto" && weighting === "ols" && points.length >= 3) {
    notes.push("ordinary least squares: not every point has a confidence interval");
  }
  let gap: AreaForecast["gap"] = null;
  if (input.countySeries) {
    const areaPoints = input.series.map(toPoint);
    const countyPoints = input.countySeries.map(toPoint);
    const gapWeighting =
      weighting === "inverse-variance" && countyPoints.every((point) => point.standardError !== undefined)
        ? "inverse-variance"
        : "ols";
    gap = gapForecast(areaPoints, countyPoints, {
      lastK: settings.lastK,
      weighting: gapWeighting,
      confidence: settings.confidence,
      targetPeriod: input.targetYear,
    });
  }
  const gapProjectedToNarrow =
    gap && gap.projectedAbsoluteGap !== null && gap.latestGap !== null
      ? gap.projectedAbsoluteGap < Math.abs(gap.latestGap)
      : null;
  return {
    latest: used.at(-1) ?? null,
    trend,
    periodsUsed: used.map((value) => value.period),
    gap,
    gapProjectedToNarrow,
    notes,
  };
}
