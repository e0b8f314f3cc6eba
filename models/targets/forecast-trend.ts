/**
 * Forecast against a target with a red/amber/green status — METHODS.md §7.
 */
import { ModelInputError } from "../errors.ts";
import { improvementSign } from "./polarity-direction.ts";
import type { TargetPolarity } from "./target-types.ts";
import {
  checkProjectionSettings,
  projectLine,
  recentPoints,
  type SeriesPoint,
  type TrendWeighting,
} from "./trend-projection.ts";

export type ForecastStatus = "on track" | "at risk" | "off track" | "cannot be calculated";

export interface ForecastOptions {
  /** How many of the most recent points to fit (default 5, at least 3). */
  lastK?: number;
  /** 'ols' (default) or 'inverse-variance' (weights 1/SE², every point needs a standardError). */
  weighting?: TrendWeighting;
  targetPeriod: number;
  targetValue: number;
  polarity: TargetPolarity;
  /** Level of the prediction interval (default 0.95). */
  confidence?: number;
}

export interface TrendForecast {
  status: ForecastStatus;
  /** Why the status is 'cannot be calculated'; null otherwise. */
  reason: string | null;
  slope: number | null;
  intercept: number | null;
  projectedValue: number | null;
  lowerPrediction: number | null;
  upperPrediction: number | null;
  /** The fitted slope: change per period unit (a year when periods are years). */
  achievedAnnualChange: number | null;
  /** (target − latest value) / (target period − latest period); null when the target period is not later. */
  requiredAnnualChange: number | null;
  pointsUsed: number;
  periodsUsed: number[];
  confidence: number;
  weighting: TrendWeighting;
}

/**
 * Trend forecast with RAG status: fits a straight line to the last k points (ordinary least squares, or
 * weighted by 1/SE²), projects it to the target period with a t-based prediction interval (n − 2
 * degrees of freedom) and compares the target with the interval. Status: 'on track' (green) when the
 * target is met even at the pessimistic bound (the lower bound when high is good, the upper when low
 * is good; meeting it exactly counts); 'at risk' (amber) when the target lies inside the interval
 * otherwise (bounds included); 'off track' (red) when even the optimistic bound misses it. Fewer than 3
 * points → 'cannot be calculated' with a reason. Tells the partnership each quarter which targets need
 * attention, and sets the achieved annual change next to the required one.
 *
 * Method: METHODS.md §7; prediction interval of simple linear regression (e.g. Draper & Smith, ch. 1).
 *
 * @throws {ModelInputError} for invalid points (non-finite, repeated periods), unknown polarity or
 *   weighting, missing standard errors with inverse-variance weighting, or a confidence outside (0, 1).
 * @example
 * forecastTrend([{ period: 2020, value: 10 }, { period: 2021, value: 12 }, { period: 2022, value: 14 }],
 *   { targetPeriod: 2025, targetValue: 18, polarity: "high-is-good" })
 * // → { slope: 2, projectedValue: 20, lowerPrediction: 20, upperPrediction: 20, status: "on track",
 * //     achievedAnnualChange: 2, requiredAnnualChange: 1.3333, pointsUsed: 3, … }
 */
export function forecastTrend(points: readonly SeriesPoint[], options: ForecastOptions): TrendForecast {
  const { targetPeriod, targetValue, polarity, weighting = "ols", confidence = 0.95 } = options;
  const sign = improvementSign(polarity, "forecastTrend");
  checkProjectionSettings(weighting, confidence, "forecastTrend");
  if (!Number.isFinite(targetPeriod) || !Number.isFinite(targetValue)) {
    throw new ModelInputError(
      `forecastTrend: targetPeriod and targetValue must be finite (got ${targetPeriod}, ${targetValue})`,
    );
  }
  const used = recentPoints(points, options.lastK ?? 5, "forecastTrend");
  const latest = used.at(-1);
  const base = {
    requiredAnnualChange:
      latest && targetPeriod > latest.period
        ? (targetValue - latest.value) / (targetPeriod - latest.period)
        : null,
    pointsUsed: used.length,
    periodsUsed: used.map((point) => point.period),
    confidence,
    weighting,
  };
  if (used.length < 3) {
    const reason = `needs at least 3 points to fit a trend with a prediction interval (got ${used.length})`;
    return { ...base, ...noForecast, status: "cannot be calculated", reason };
  }
  const projection = projectLine(used, weighting, targetPeriod, confidence, "forecastTrend");
  const { lowerPrediction, upperPrediction } = projection;
  return {
    ...base,
    status: ragStatus(lowerPrediction, upperPrediction, targetValue, sign),
    reason: null,
    slope: projection.fit.slope,
    intercept: projection.fit.intercept,
    projectedValue: projection.projectedValue,
    lowerPrediction,
    upperPrediction,
    achievedAnnualChange: projection.fit.slope,
  };
}

/** The fitted fields of a forecast that cannot be calculated. */
const noForecast = {
  slope: null,
  intercept: null,
  projectedValue: null,
  lowerPrediction: null,
  upperPrediction: null,
  achievedAnnualChange: null,
};

/**
 * RAG status of a target against a prediction interval [lower, upper] (METHODS.md §7).
 *
 * @example ragStatus(9, 11, 10, 1) // → "at risk"
 */
export function ragStatus(lower: number, upper: number, target: number, sign: 1 | -1): ForecastStatus {
  const pessimistic = sign === 1 ? lower : upper;
  if (sign * (pessimistic - target) >= 0) return "on track";
  if (target >= lower && target <= upper) return "at risk";
  return "off track";
}
