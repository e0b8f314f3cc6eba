import type { BenchmarkResult } from "./benchmark.ts";
import type { RecentTrend } from "./recent-trend.ts";

/**
 * "Worse than the comparator and getting worse": the flag the quarterly exception report leads with.
 *
 * True when the benchmark is "worse" or "worst" and the recent trend is significant in the bad direction
 * (`improving === false`); false otherwise, including when either could not be calculated.
 * Method: METHODS.md §3 ("a first-class flag") and §7 (exception reporting).
 *
 * @example
 * isWorseAndGettingWorse("worse", { improving: false }) // → true
 */
export function isWorseAndGettingWorse(
  comparison: BenchmarkResult,
  trend: Pick<RecentTrend, "improving">,
): boolean {
  return (comparison === "worse" || comparison === "worst") && trend.improving === false;
}
