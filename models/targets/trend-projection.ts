/**
 * The straight-line projection behind forecasts and gap forecasts (METHODS.md §7): choose the last k
 * points, fit by ordinary or inverse-variance weighted least squares, and project with a t-based
 * prediction interval.
 */
import { studentTQuantile } from "../distributions.ts";
import { ModelInputError } from "../errors.ts";
import { fitWeightedLine, type LineFit } from "../regression.ts";

export type TrendWeighting = "ols" | "inverse-variance";

export interface SeriesPoint {
  period: number;
  value: number;
  standardError?: number;
}

export interface LineProjection {
  fit: LineFit;
  projectedValue: number;
  lowerPrediction: number;
  upperPrediction: number;
  slopeLower: number;
  slopeUpper: number;
}

/**
 * Checks a series and returns it sorted by period.
 *
 * @throws {ModelInputError} for a non-finite period or value, or a repeated period.
 * @example sortedSeries([{ period: 2, value: 1 }, { period: 1, value: 0 }], "f") // → periods [1, 2]
 */
export function sortedSeries<Point extends SeriesPoint>(points: readonly Point[], caller: string): Point[] {
  if (!Array.isArray(points)) throw new ModelInputError(`${caller}: points must be an array (got ${points})`);
  const sorted = [...points].sort((a, b) => a.period - b.period);
  sorted.forEach((point, i) => {
    if (!Number.isFinite(point.period) || !Number.isFinite(point.value)) {
      throw new ModelInputError(
        `${caller}: every point needs a finite period and value (got period ${point.period}, value ${point.value})`,
        "Drop missing or suppressed values before forecasting.",
      );
    }
    if (i > 0 && sorted[i - 1]!.period === point.period) {
      throw new ModelInputError(`${caller}: period ${point.period} appears twice in the series`);
    }
  });
  return sorted;
}

/**
 * The last `lastK` points of a series by period, sorted by period.
 *
 * @throws {ModelInputError} for an invalid series (see sortedSeries) or lastK not a whole number ≥ 3.
 * @example recentPoints([{ period: 2, value: 1 }, { period: 1, value: 0 }], 5, "f") // → periods [1, 2]
 */
export function recentPoints<Point extends SeriesPoint>(
  points: readonly Point[],
  lastK: number,
  caller: string,
): Point[] {
  if (!Number.isInteger(lastK) || lastK < 3) {
    throw new ModelInputError(`${caller}: lastK must be a whole number of at least 3 (got ${lastK})`);
  }
  return sortedSeries(points, caller).slice(-lastK);
}

/**
 * Checks the weighting and confidence level of a projection, before any point is looked at.
 *
 * @throws {ModelInputError} for a weighting other than 'ols' or 'inverse-variance', or a confidence
 *   level outside (0, 1) (e.g. 95 instead of 0.95).
 * @example checkProjectionSettings("ols", 0.95, "f") // → undefined (no error)
 */
export function checkProjectionSettings(weighting: TrendWeighting, confidence: number, caller: string): void {
  if (weighting !== "ols" && weighting !== "inverse-variance") {
    throw new ModelInputError(`${caller}: weighting must be 'ols' or 'inverse-variance' (got ${weighting})`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new ModelInputError(`${caller}: confidence must be between 0 and 1, e.g. 0.95 (got ${confidence})`);
  }
}

/** Weights for the fit: all 1 for OLS, 1/SE² for inverse-variance. */
function fitWeights(points: readonly SeriesPoint[], weighting: TrendWeighting, caller: string): number[] {
  if (weighting === "ols") return points.map(() => 1);
  return points.map((point) => {
    const se = point.standardError;
    if (se === undefined || !(se > 0) || !Number.isFinite(se)) {
      throw new ModelInputError(
        `${caller}: inverse-variance weighting needs a positive standard error at period ${point.period} (got ${se})`,
        "Use weighting 'ols' when standard errors are missing.",
      );
    }
    return 1 / (se * se);
  });
}

/**
 * Fits a line to at least 3 points and projects it to `period` with a two-sided prediction interval:
 * ŷ₀ ± t(1 − α/2; n − 2)·√(σ²·(v₀ + 1/Σw + (x₀ − x̄_w)²/Σw(x − x̄_w)²)), where σ² = Σwe²/(n − 2) and
 * v₀ = mean(1/wᵢ) is the relative variance of a new observation (1 for OLS, so the textbook
 * σ²(1 + 1/n + (x₀ − x̄)²/Sxx); for inverse-variance weights, the points' mean squared SE). The slope's
 * confidence interval b ± t·SE(b) comes with it.
 *
 * @throws {ModelInputError} for bad weights or settings (see checkProjectionSettings).
 * @example projectLine([{period:1,value:1},{period:2,value:3},{period:3,value:2}], "ols", 3, 0.95, "f").projectedValue // → 2.5
 */
export function projectLine(
  points: readonly SeriesPoint[],
  weighting: TrendWeighting,
  period: number,
  confidence: number,
  caller: string,
): LineProjection {
  checkProjectionSettings(weighting, confidence, caller);
  const weights = fitWeights(points, weighting, caller);
  const fit = fitWeightedLine(
    points.map((point) => point.period),
    points.map((point) => point.value),
    weights,
  );
  const t = studentTQuantile(1 - (1 - confidence) / 2, fit.n - 2);
  const newObservationVariance = weights.reduce((sum, w) => sum + 1 / w, 0) / weights.length;
  const distance = period - fit.meanX;
  const predictionStandardError = Math.sqrt(
    fit.residualVariance *
      (newObservationVariance + 1 / fit.sumWeights + (distance * distance) / fit.sumSquaresX),
  );
  const projectedValue = fit.intercept + fit.slope * period;
  return {
    fit,
    projectedValue,
    lowerPrediction: projectedValue - t * predictionStandardError,
    upperPrediction: projectedValue + t * predictionStandardError,
    slopeLower: fit.slope - t * fit.slopeStandardError,
    slopeUpper: fit.slope + t * fit.slopeStandardError,
  };
}
