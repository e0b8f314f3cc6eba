import { requireNonNegative } from "./checks.ts";
import { exactSum } from "./exact-sum.ts";

/** One small area's numerator and denominator, optionally apportioned by a lookup weight. */
export interface CountRow {
  count: number | null;
  denominator: number | null;
  /** Share of this row that belongs to the aggregate (apportioned lookups); default 1. */
  weight?: number;
}

/** A pooled numerator and denominator with the value they imply. */
export interface AggregatedCounts {
  count: number | null;
  denominator: number | null;
  /** count / denominator × multiplier; null with a reason when it cannot be formed. */
  value: number | null;
  /** Rows that contributed (weight > 0). */
  rows: number;
  /** Rows whose count or denominator was missing. */
  missingRows: number;
  reason?: string;
}

/**
 * Pooled proportion or rate for an aggregate area from its small areas' numerators and denominators.
 *
 * The value of a ward, locality or district is Σcountᵢ / Σdenominatorᵢ (each weighted by its apportionment
 * share), never an average of the small areas' percentages, which would give small areas too much say.
 * Sums are exact up to one rounding, so the result does not depend on the order of the rows. If any row is
 * missing its count or denominator the aggregate is incomplete, so the value is null with a reason (the
 * complete rows' sums are still not reported, to avoid a silently partial total). A denominator summing to
 * 0 also gives value null with a reason.
 * Method: METHODS.md §2 (aggregation) and ARCHITECTURE.md "derive": sum numerators and denominators.
 *
 * @throws {ModelInputError} when a count, denominator or weight is negative or not finite.
 * @example
 * aggregateCounts([{ count: 1, denominator: 10 }, { count: 9, denominator: 90 }], { multiplier: 100 })
 * // → { count: 10, denominator: 100, value: 10, rows: 2, missingRows: 0 }
 */
export function aggregateCounts(
  rows: readonly CountRow[],
  { multiplier = 1 }: { multiplier?: number } = {},
): AggregatedCounts {
  const counts: number[] = [];
  const denominators: number[] = [];
  let missingRows = 0;
  rows.forEach((row, i) => {
    const weight = row.weight ?? 1;
    requireNonNegative("aggregateCounts", `weight of row ${i + 1}`, weight);
    if (weight === 0) return;
    if (row.count === null || row.denominator === null) {
      missingRows++;
      return;
    }
    requireNonNegative("aggregateCounts", `count of row ${i + 1}`, row.count);
    requireNonNegative("aggregateCounts", `denominator of row ${i + 1}`, row.denominator);
    counts.push(row.count * weight);
    denominators.push(row.denominator * weight);
  });
  const contributing = counts.length + missingRows;
  if (missingRows > 0) {
    const reason = `${missingRows} of ${contributing} rows have no count or denominator`;
    return { count: null, denominator: null, value: null, rows: contributing, missingRows, reason };
  }
  const count = exactSum(counts);
  const denominator = exactSum(denominators);
  if (denominator === 0) {
    const reason = contributing === 0 ? "no rows" : "denominator is 0";
    return { count, denominator, value: null, rows: contributing, missingRows, reason };
  }
  return { count, denominator, value: (count / denominator) * multiplier, rows: contributing, missingRows };
}
