/**
 * Rank of each area among its peers on a summary measure, as the IoD local authority district summaries
 * publish "rank of average score", "rank of extent" and so on: 1 = most deprived.
 */
import { ModelInputError } from "../errors.ts";
import type { DeprivationSummary } from "./deprivation-summary.ts";
import { rankDescendingWithMinimumTies } from "./national-rank.ts";

/** The summary measures areas can be ranked on; on every one of them a higher value = more deprived. */
export type RankableMeasure =
  | "averageScore"
  | "averageRank"
  | "proportionMostDeprived10"
  | "proportionMostDeprived20"
  | "extent"
  | "localConcentration"
  | "incomeScale"
  | "employmentScale";

const RANKABLE_MEASURES: readonly RankableMeasure[] = [
  "averageScore",
  "averageRank",
  "proportionMostDeprived10",
  "proportionMostDeprived20",
  "extent",
  "localConcentration",
  "incomeScale",
  "employmentScale",
];

/**
 * Rank of each area among the given peers on one measure: 1 = highest value = most deprived; tied areas
 * share the minimum rank (1, 2, 2, 4). Areas whose measure is null (e.g. income scale with missing
 * numerators) get a null rank and do not take a place; the others are ranked among themselves.
 *
 * @param summaries one summary per area (from `deprivationSummary`), all for the same edition and index.
 * @param measure the measure to rank on.
 * @throws {ModelInputError} for an unknown measure or a value that is not a finite number or null.
 * @example rankAreasBySummary([{ averageScore: 12 }, { averageScore: 30 }, { averageScore: 12 }],
 *   "averageScore") // [2, 1, 2]
 */
export function rankAreasBySummary<Measure extends RankableMeasure>(
  summaries: readonly Readonly<Pick<DeprivationSummary, Measure>>[],
  measure: Measure,
): (number | null)[] {
  if (!RANKABLE_MEASURES.includes(measure)) {
    throw new ModelInputError(
      `rankAreasBySummary: unknown measure "${String(measure)}"`,
      `Measures: ${RANKABLE_MEASURES.join(", ")}.`,
    );
  }
  const present: number[] = [];
  const values: number[] = [];
  summaries.forEach((summary, row) => {
    const value: number | null = summary[measure];
    if (value === null) return;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new ModelInputError(
        `rankAreasBySummary: ${measure} of area ${row} is not finite: ${String(value)}`,
      );
    }
    present.push(row);
    values.push(value);
  });
  const ranks = rankDescendingWithMinimumTies(values);
  const result: (number | null)[] = summaries.map(() => null);
  present.forEach((row, position) => {
    result[row] = ranks[position] as number;
  });
  return result;
}
