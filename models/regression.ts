/**
 * Weighted least squares for a straight line y = intercept + slope·x, the building block of the slope
 * index of inequality (weights = population shares), recent trends (weights = 1/SE²) and forecasts
 * (ordinary least squares: all weights 1).
 *
 * Two standard errors are returned because the methods differ in what the weights mean:
 * - `slopeStandardErrorKnownVariance` treats the weights as exact inverse variances (1/SE²), so
 *   Var(slope) = 1 / Σwᵢ(xᵢ − x̄_w)² — the form used for trends fitted to values with known CIs;
 * - `slopeStandardError` scales by the residual variance σ² = Σwᵢeᵢ²/(n − 2) — ordinary (weighted)
 *   regression, used for forecasts and prediction intervals.
 */
import { ModelInputError } from "./errors.ts";

export interface LineFit {
  intercept: number;
  slope: number;
  /** Number of points fitted. */
  n: number;
  /** Σw(x − x̄)², the weighted spread of x about its weighted mean. */
  sumSquaresX: number;
  /** Weighted mean of x. */
  meanX: number;
  /** Σw, the total weight. */
  sumWeights: number;
  /** Residual variance σ² = Σwᵢeᵢ² / (n − 2); NaN when n ≤ 2. */
  residualVariance: number;
  /** √(σ² / Σw(x − x̄)²); NaN when n ≤ 2. */
  slopeStandardError: number;
  /** √(1 / Σw(x − x̄)²): correct when the weights are exact inverse variances. */
  slopeStandardErrorKnownVariance: number;
}

/** Fits y = a + b·x by least squares with weights w (all 1 when omitted). Needs ≥ 2 distinct x. */
export function fitWeightedLine(
  x: readonly number[],
  y: readonly number[],
  weights?: readonly number[],
): LineFit {
  const n = x.length;
  if (y.length !== n || (weights && weights.length !== n)) {
    throw new ModelInputError(
      `fitWeightedLine: x, y and weights must have equal lengths (${n}, ${y.length}, ${weights?.length})`,
    );
  }
  if (n < 2) throw new ModelInputError(`fitWeightedLine: needs at least 2 points (got ${n})`);
  let sumWeights = 0;
  let sumWX = 0;
  let sumWY = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    if (!(w >= 0) || !Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) {
      throw new ModelInputError(
        `fitWeightedLine: point ${i} is not finite or has a negative weight (x=${x[i]}, y=${y[i]}, w=${w})`,
      );
    }
    sumWeights += w;
    sumWX += w * x[i]!;
    sumWY += w * y[i]!;
  }
  if (!(sumWeights > 0)) throw new ModelInputError("fitWeightedLine: the weights sum to zero");
  const meanX = sumWX / sumWeights;
  const meanY = sumWY / sumWeights;
  let sumSquaresX = 0;
  let sumCrossXY = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    const dx = x[i]! - meanX;
    sumSquaresX += w * dx * dx;
    sumCrossXY += w * dx * (y[i]! - meanY);
  }
  if (!(sumSquaresX > 0))
    throw new ModelInputError("fitWeightedLine: x has no spread (all points at the same x)");
  const slope = sumCrossXY / sumSquaresX;
  const intercept = meanY - slope * meanX;
  let residualSum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    const e = y[i]! - intercept - slope * x[i]!;
    residualSum += w * e * e;
  }
  const residualVariance = n > 2 ? residualSum / (n - 2) : Number.NaN;
  return {
    intercept,
    slope,
    n,
    sumSquaresX,
    meanX,
    sumWeights,
    residualVariance,
    slopeStandardError: Math.sqrt(residualVariance / sumSquaresX),
    slopeStandardErrorKnownVariance: Math.sqrt(1 / sumSquaresX),
  };
}
