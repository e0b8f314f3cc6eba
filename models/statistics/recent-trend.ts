import { ModelInputError } from "../errors.ts";
import { isPresent } from "./checks.ts";
import { criticalZ } from "./critical-values.ts";
import { chiSquareTestForTrend, type TrendTest, weightedTrendTest } from "./trend-tests.ts";
import type { IndicatorValueType, Polarity } from "./types.ts";

/** One period of an indicator's time series; use null values for a period with no data. */
export interface TrendPoint {
  value?: number | null;
  lower?: number | null;
  upper?: number | null;
  count?: number | null;
  denominator?: number | null;
  /** Optional period number (e.g. the year); when given, the last five must be consecutive. */
  period?: number | null;
}

export type TrendDirection = "increasing" | "decreasing" | "no significant change" | "cannot be calculated";

export interface RecentTrendOptions {
  valueType: IndicatorValueType;
  /** Combines the direction with "getting better/worse"; default "none". */
  polarity?: Polarity;
  /** For proportions from counts: scale of the slope (100 for percentage points per period); default 1. */
  multiplier?: number;
}

export interface RecentTrend {
  direction: TrendDirection;
  /** Change per period (proportions: in proportion × multiplier); null when it cannot be calculated. */
  slope: number | null;
  chiSquare: number | null;
  /** e.g. "decreasing and getting better"; just the direction when the polarity is "none". */
  label: string;
  /** true/false for a significant trend with a polarity; null otherwise. */
  improving: boolean | null;
  method: "chi-square test for trend" | "weighted least squares" | null;
  reason?: string;
}

/** Number of most recent periods a recent trend uses. */
export const RECENT_TREND_POINTS = 5;
/** The χ² a trend must exceed: the 99.8% two-sided critical value squared, 3.090232² ≈ 9.5495. */
export const RECENT_TREND_CHI_SQUARE_THRESHOLD = criticalZ(0.998) ** 2;

type Fit = (indices: readonly number[]) => TrendTest;

/**
 * Recent trend of an indicator over its last five consecutive periods, as the national profiles report it.
 *
 * Proportions with counts and denominators use the chi-square test for trend (slope = change in proportion
 * per period); other values (or proportions without counts) use weighted least squares with
 * w = 1/SE², SE = (upper95 − lower95)/3.92 and χ² = (slope/SE(slope))². The trend is significant when
 * χ² > 9.5495 (99.8%) and the slope keeps its sign in each of the five fits that leave one point out.
 * Fewer than five points, a missing or unusable value among the last five, or non-consecutive periods
 * give "cannot be calculated" with null slope and χ² and a reason.
 * Method: METHODS.md §3; Fingertips "recent trends" methodology.
 *
 * @throws {ModelInputError} when the polarity is unknown or a proportion's count exceeds its denominator.
 * @example
 * recentTrend([20, 18, 16, 14, 12].map((value) => ({ value, lower: value - 1, upper: value + 1 })),
 *   { valueType: "rate", polarity: "low-is-good" })
 * // → { direction: "decreasing", slope: -2, chiSquare: 153.664…, label: "decreasing and getting better", improving: true, … }
 */
export function recentTrend(points: readonly TrendPoint[], options: RecentTrendOptions): RecentTrend {
  const polarity = options.polarity ?? "none";
  if (polarity !== "high-is-good" && polarity !== "low-is-good" && polarity !== "none") {
    throw new ModelInputError(`recentTrend: unknown polarity ${JSON.stringify(polarity)}`);
  }
  if (points.length < RECENT_TREND_POINTS) {
    return notCalculated(`${points.length} points; a recent trend needs ${RECENT_TREND_POINTS}`);
  }
  const recent = points.slice(-RECENT_TREND_POINTS);
  const gap = findPeriodGap(recent);
  if (gap) return notCalculated(gap);
  const chosen = chooseFit(recent, options);
  if (typeof chosen === "string") return notCalculated(chosen);
  const all = recent.map((_, i) => i);
  const { slope, chiSquare } = chosen.fit(all);
  const keepsSign = all.every((left) => {
    const leaveOneOut = chosen.fit(all.filter((i) => i !== left)).slope;
    return Math.sign(leaveOneOut) === Math.sign(slope) && slope !== 0;
  });
  const significant = chiSquare > RECENT_TREND_CHI_SQUARE_THRESHOLD && keepsSign;
  const direction: TrendDirection = !significant
    ? "no significant change"
    : slope > 0
      ? "increasing"
      : "decreasing";
  const improving = significant && polarity !== "none" ? slope > 0 === (polarity === "high-is-good") : null;
  const label = improving === null ? direction : `${direction} and getting ${improving ? "better" : "worse"}`;
  return { direction, slope, chiSquare, label, improving, method: chosen.method };
}

function notCalculated(reason: string): RecentTrend {
  const direction = "cannot be calculated";
  return { direction, slope: null, chiSquare: null, label: direction, improving: null, method: null, reason };
}

function findPeriodGap(recent: readonly TrendPoint[]): string | null {
  const periods = recent.map((point) => point.period);
  if (!periods.every(isPresent)) return null;
  for (let i = 1; i < periods.length; i++) {
    if (periods[i]! - periods[i - 1]! !== 1) {
      return `periods ${periods[i - 1]} and ${periods[i]} are not consecutive`;
    }
  }
  return null;
}

function chooseFit(
  recent: readonly TrendPoint[],
  { valueType, multiplier = 1 }: RecentTrendOptions,
): { fit: Fit; method: NonNullable<RecentTrend["method"]> } | string {
  const hasCounts = recent.every((p) => isPresent(p.count) && isPresent(p.denominator) && p.denominator > 0);
  if (valueType === "proportion" && hasCounts) {
    const fit: Fit = (indices) => {
      const result = chiSquareTestForTrend(
        indices.map((i) => recent[i]!.count!),
        indices.map((i) => recent[i]!.denominator!),
        indices.map((i) => i + 1),
      );
      return { slope: result.slope * multiplier, chiSquare: result.chiSquare };
    };
    return { fit, method: "chi-square test for trend" };
  }
  const missing = recent.findIndex(
    (p) => !isPresent(p.value) || !isPresent(p.lower) || !isPresent(p.upper) || !(p.upper > p.lower),
  );
  if (missing >= 0) {
    const which = RECENT_TREND_POINTS - missing;
    return `point ${which} from the end has no value or no usable 95% interval${valueType === "proportion" ? " (and no counts)" : ""}`;
  }
  const fit: Fit = (indices) =>
    weightedTrendTest(
      indices.map((i) => recent[i]!.value!),
      indices.map((i) => (recent[i]!.upper! - recent[i]!.lower!) / 3.92),
      indices.map((i) => i + 1),
    );
  return { fit, method: "weighted least squares" };
}
