import { ModelInputError } from "../errors.ts";
import { fitWeightedLine } from "../regression.ts";

/** The slope of a trend test and its one-degree-of-freedom chi-square statistic. */
export interface TrendTest {
  slope: number;
  chiSquare: number;
}

/**
 * Chi-square test for trend in proportions (Cochran–Armitage), with the change in proportion per step.
 *
 * For counts xᵢ out of nᵢ at scores tᵢ (e.g. years 1..5): p̄ = Σx/Σn, t̄ = Σnt/Σn, Stt = Σn(t − t̄)²,
 * T = Σx(t − t̄); slope = T/Stt (the least-squares slope of xᵢ/nᵢ on tᵢ weighted by nᵢ) and
 * χ² = T²/(p̄(1 − p̄)·Stt), the same statistic as R's `prop.trend.test`. When every count is 0 (or every
 * count equals its denominator) there is no variation: slope and χ² are 0.
 * Method: METHODS.md §3; Armitage (1955) Biometrics 11:375–86; Altman, Practical Statistics for Medical
 * Research, §10.7.4; Fingertips recent trends for proportions.
 *
 * @throws {ModelInputError} when the arrays differ in length, have fewer than 2 entries, a denominator is not
 *   positive or a count is outside 0..denominator.
 * @example
 * chiSquareTestForTrend([83, 90, 129, 70], [86, 93, 136, 82]) // → { slope: -0.033416, chiSquare: 8.224922 }
 */
export function chiSquareTestForTrend(
  counts: readonly number[],
  denominators: readonly number[],
  scores: readonly number[] = counts.map((_, i) => i + 1),
): TrendTest {
  const k = counts.length;
  if (denominators.length !== k || scores.length !== k || k < 2) {
    throw new ModelInputError(
      `chiSquareTestForTrend: needs at least 2 equal-length counts, denominators and scores (${k}, ${denominators.length}, ${scores.length})`,
    );
  }
  counts.forEach((x, i) => {
    const n = denominators[i]!;
    if (!(n > 0 && Number.isFinite(n) && x >= 0 && x <= n)) {
      throw new ModelInputError(
        `chiSquareTestForTrend: point ${i + 1} needs 0 <= count <= denominator and denominator > 0 (count ${x}, denominator ${n})`,
      );
    }
  });
  let total = 0;
  let events = 0;
  let weightedScore = 0;
  for (let i = 0; i < k; i++) {
    total += denominators[i]!;
    events += counts[i]!;
    weightedScore += denominators[i]! * scores[i]!;
  }
  const meanScore = weightedScore / total;
  let spread = 0;
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const d = scores[i]! - meanScore;
    spread += denominators[i]! * d * d;
    statistic += counts[i]! * d;
  }
  const pooled = events / total;
  const binomialVariance = pooled * (1 - pooled);
  if (!(spread > 0)) throw new ModelInputError("chiSquareTestForTrend: the scores have no spread");
  if (binomialVariance === 0) return { slope: 0, chiSquare: 0 };
  return { slope: statistic / spread, chiSquare: (statistic * statistic) / (binomialVariance * spread) };
}

/**
 * Weighted least-squares trend through values with known standard errors.
 *
 * Each point is weighted by 1/SE², SE = (upper95 − lower95)/3.92 (i.e. 2 × 1.96), so precise points count
 * more. χ² = (slope / SE(slope))² with SE(slope) = √(1/Σw(t − t̄)²), the known-variance form.
 * Method: METHODS.md §3; Fingertips recent trends for non-proportions.
 *
 * @throws {ModelInputError} when the arrays differ in length, a standard error is not positive, or there
 *   are fewer than 2 distinct scores.
 * @example
 * weightedTrendTest([10, 12, 14], [1, 1, 1]) // → { slope: 2, chiSquare: 8 }
 */
export function weightedTrendTest(
  values: readonly number[],
  standardErrors: readonly number[],
  scores: readonly number[] = values.map((_, i) => i + 1),
): TrendTest {
  const weights = standardErrors.map((se, i) => {
    if (!(se > 0 && Number.isFinite(se))) {
      throw new ModelInputError(
        `weightedTrendTest: standard error of point ${i + 1} must be > 0 (got ${se})`,
      );
    }
    return 1 / (se * se);
  });
  const fit = fitWeightedLine(scores, values, weights);
  const z = fit.slope / fit.slopeStandardErrorKnownVariance;
  return { slope: fit.slope, chiSquare: z * z };
}
