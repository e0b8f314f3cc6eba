/**
 * Whether an area's relative position in England improved between the first and last editions of the
 * Indices of Deprivation it appears in. Scores cannot be compared between editions, so the rule uses
 * national positions only, and it is deliberately conservative: both signals must agree (or one be flat).
 *
 * The rule (this project's own, not an official one; a candidate for METHODS.md §5):
 * - signal 1: change in the share of the area's LSOAs in the most deprived 20% nationally;
 * - signal 2: change in the average inverted-rank percentile (100·(N + 1 − rank)/N; 50 ≈ the middle).
 * A signal "falls" when it drops by at least its threshold (default 0.05 = 5 percentage points of LSOAs,
 * about one LSOA in a locality of 20; and 2.5 percentile points), "rises" when it grows by at least it.
 * improving = at least one falls and none rises; worsening = at least one rises and none falls;
 * otherwise no clear change. An area seen in fewer than two editions gets "insufficient editions".
 */
import { ModelInputError } from "../errors.ts";
import type { AreaEditionDeprivation } from "./editions-over-time.ts";

export type RelativePositionChange = "improving" | "worsening" | "no clear change" | "insufficient editions";

/** Thresholds of the rule; both must be finite and > 0. */
export interface PositionChangeThresholds {
  /** Minimum change in the share of LSOAs in the most deprived 20% (a proportion, 0–1). */
  shareMostDeprived20: number;
  /** Minimum change in the average inverted-rank percentile (percentile points). */
  averageInvertedRankPercentile: number;
}

export const DEFAULT_POSITION_CHANGE_THRESHOLDS: Readonly<PositionChangeThresholds> = Object.freeze({
  shareMostDeprived20: 0.05,
  averageInvertedRankPercentile: 2.5,
});

/** The change of one area between its first and last editions. */
export interface AreaPositionChange {
  area: string;
  firstEdition: number;
  lastEdition: number;
  /** Last minus first share of LSOAs in the most deprived 20% (positive = more deprived). */
  changeInShareMostDeprived20: number;
  /** Last minus first average inverted-rank percentile (positive = more deprived). */
  changeInAverageInvertedRankPercentile: number;
  relativePositionChange: RelativePositionChange;
}

/** Differences within this tolerance of a threshold count as reaching it (0.15 − 0.10 is 0.0499…). */
const THRESHOLD_TOLERANCE = 1e-9;

/**
 * Relative position change of every area between its first and last edition (see the rule above).
 * Input rows come from `deprivationByEdition`; output is ordered by area code.
 *
 * @throws {ModelInputError} when a threshold is not a finite number > 0.
 * @example relativePositionChanges([
 *   { area: "X", edition: 2004, shareLsoasMostDeprived20: 0.3, averageInvertedRankPercentile: 60, … },
 *   { area: "X", edition: 2019, shareLsoasMostDeprived20: 0.2, averageInvertedRankPercentile: 59, … },
 * ]) // [{ area: "X", firstEdition: 2004, lastEdition: 2019, relativePositionChange: "improving", … }]
 */
export function relativePositionChanges(
  rows: readonly AreaEditionDeprivation[],
  thresholds: Partial<PositionChangeThresholds> = {},
): AreaPositionChange[] {
  const resolved = resolveThresholds(thresholds);
  const byArea = new Map<string, AreaEditionDeprivation[]>();
  for (const row of rows) {
    const editions = byArea.get(row.area);
    if (editions === undefined) byArea.set(row.area, [row]);
    else editions.push(row);
  }
  return [...byArea.keys()].sort().map((area) => {
    const editions = [...(byArea.get(area) ?? [])].sort((a, b) => a.edition - b.edition);
    const first = editions[0] as AreaEditionDeprivation;
    const last = editions[editions.length - 1] as AreaEditionDeprivation;
    const changeInShare = last.shareLsoasMostDeprived20 - first.shareLsoasMostDeprived20;
    const changeInPercentile = last.averageInvertedRankPercentile - first.averageInvertedRankPercentile;
    return {
      area,
      firstEdition: first.edition,
      lastEdition: last.edition,
      changeInShareMostDeprived20: changeInShare,
      changeInAverageInvertedRankPercentile: changeInPercentile,
      relativePositionChange:
        editions.length < 2 ? "insufficient editions" : classify(changeInShare, changeInPercentile, resolved),
    };
  });
}

function classify(
  changeInShare: number,
  changeInPercentile: number,
  thresholds: PositionChangeThresholds,
): RelativePositionChange {
  const signals = [
    signalOf(changeInShare, thresholds.shareMostDeprived20),
    signalOf(changeInPercentile, thresholds.averageInvertedRankPercentile),
  ];
  const falls = signals.includes(-1);
  const rises = signals.includes(1);
  if (falls && !rises) return "improving";
  if (rises && !falls) return "worsening";
  return "no clear change";
}

/** −1 when the change is a fall of at least the threshold, +1 for such a rise, 0 otherwise. */
function signalOf(change: number, threshold: number): -1 | 0 | 1 {
  if (change <= -threshold + THRESHOLD_TOLERANCE) return -1;
  if (change >= threshold - THRESHOLD_TOLERANCE) return 1;
  return 0;
}

function resolveThresholds(thresholds: Partial<PositionChangeThresholds>): PositionChangeThresholds {
  const resolved = { ...DEFAULT_POSITION_CHANGE_THRESHOLDS, ...thresholds };
  for (const [name, value] of Object.entries(resolved)) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new ModelInputError(
        `relativePositionChanges: threshold ${name} must be a finite number > 0, got ${value}`,
      );
    }
  }
  return resolved;
}
