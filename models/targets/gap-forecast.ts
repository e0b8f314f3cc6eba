/**
 * "Is the gap projected to narrow?" — METHODS.md §7, by projecting the gap series itself.
 */
import { ModelInputError } from "../errors.ts";
import {
  checkProjectionSettings,
  projectLine,
  recentPoints,
  type SeriesPoint,
  sortedSeries,
  type TrendWeighting,
} from "./trend-projection.ts";

export type GapClassification = "narrowing" | "widening" | "no clear change" | "cannot be calculated";

export interface GapForecastOptions {
  /** How many of the most recent shared periods to fit (default 5, at least 3). */
  lastK?: number;
  /** 'ols' (default) or 'inverse-variance' (gap SE = √(SE_area² + SE_comparator²)). */
  weighting?: TrendWeighting;
  /** Level of the slope's confidence interval and the projection's prediction interval (default 0.95). */
  confidence?: number;
  /** Optional period to project the absolute gap to (e.g. the target period). */
  targetPeriod?: number;
}

export interface GapForecast {
  classification: GapClassification;
  reason: string | null;
  /** Change in the absolute gap |area − comparator| per period unit; negative = narrowing. */
  slope: number | null;
  slopeLower: number | null;
  slopeUpper: number | null;
  /** Latest signed gap, area − comparator. */
  latestGap: number | null;
  projectedAbsoluteGap: number | null;
  lowerPrediction: number | null;
  upperPrediction: number | null;
  pointsUsed: number;
  periodsUsed: number[];
}

/** The gap series |area − comparator| at the periods both series share. */
function absoluteGapSeries(
  area: readonly SeriesPoint[],
  comparator: readonly SeriesPoint[],
): (SeriesPoint & { signedGap: number })[] {
  const byPeriod = new Map(comparator.map((point) => [point.period, point]));
  return area.flatMap((point) => {
    const other = byPeriod.get(point.period);
    if (!other) return [];
    const bothSe = point.standardError !== undefined && other.standardError !== undefined;
    const gap: SeriesPoint & { signedGap: number } = {
      period: point.period,
      value: Math.abs(point.value - other.value),
      signedGap: point.value - other.value,
    };
    if (bothSe) gap.standardError = Math.hypot(point.standardError!, other.standardError!);
    return [gap];
  });
}

/**
 * Gap forecast: forms the gap between an area and its comparator at every period both have, takes the
 * absolute gap |area − comparator| over the last k shared periods, fits a straight line (OLS or
 * inverse-variance weighted) and classifies its slope by its t-based confidence interval: 'narrowing'
 * when the whole interval is below 0, 'widening' when it is above 0, 'no clear change' otherwise;
 * fewer than 3 shared periods → 'cannot be calculated'. Optionally projects the absolute gap to a target
 * period with a prediction interval. Caveat: if the area overtakes the comparator, |gap| turns upward
 * although the area kept improving; `latestGap` keeps the sign so a reader can tell.
 *
 * Method: METHODS.md §7 ("is the gap narrowing?" from projecting the gap itself).
 *
 * @throws {ModelInputError} for invalid points or options (see forecastTrend).
 * @example
 * gapForecast([{ period: 1, value: 10 }, { period: 2, value: 11 }, { period: 3, value: 12 }],
 *   [{ period: 1, value: 20 }, { period: 2, value: 20 }, { period: 3, value: 20 }])
 * // → { classification: "narrowing", slope: -1, latestGap: -8, pointsUsed: 3, … }
 */
export function gapForecast(
  areaPoints: readonly SeriesPoint[],
  comparatorPoints: readonly SeriesPoint[],
  options: GapForecastOptions = {},
): GapForecast {
  const { targetPeriod, weighting = "ols", confidence = 0.95 } = options;
  checkProjectionSettings(weighting, confidence, "gapForecast");
  if (targetPeriod !== undefined && !Number.isFinite(targetPeriod)) {
    throw new ModelInputError(`gapForecast: targetPeriod must be finite when given (got ${targetPeriod})`);
  }
  const gapSeries = absoluteGapSeries(
    sortedSeries(areaPoints, "gapForecast"),
    sortedSeries(comparatorPoints, "gapForecast"),
  );
  const gaps = recentPoints(gapSeries, options.lastK ?? 5, "gapForecast");
  const base = {
    latestGap: gaps.at(-1)?.signedGap ?? null,
    pointsUsed: gaps.length,
    periodsUsed: gaps.map((gap) => gap.period),
  };
  if (gaps.length < 3) {
    const reason = `needs at least 3 periods with both the area and the comparator (got ${gaps.length})`;
    return { ...base, ...noProjection, classification: "cannot be calculated", reason };
  }
  const lastPeriod = gaps.at(-1)!.period;
  const projection = projectLine(gaps, weighting, targetPeriod ?? lastPeriod, confidence, "gapForecast");
  const { slopeLower, slopeUpper, projectedValue, lowerPrediction, upperPrediction } = projection;
  return {
    ...base,
    ...(targetPeriod === undefined
      ? noProjection
      : { projectedAbsoluteGap: projectedValue, lowerPrediction, upperPrediction }),
    classification: slopeUpper < 0 ? "narrowing" : slopeLower > 0 ? "widening" : "no clear change",
    reason: null,
    slope: projection.fit.slope,
    slopeLower,
    slopeUpper,
  };
}

/** The projection fields left empty when no target period is given or nothing can be fitted. */
const noProjection = {
  projectedAbsoluteGap: null,
  lowerPrediction: null,
  upperPrediction: null,
  slope: null,
  slopeLower: null,
  slopeUpper: null,
};
