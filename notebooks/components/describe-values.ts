/**
 * Small helpers for the generated text descriptions: finding the highest and lowest values, joining names
 * into a readable list, counting with the right plural. Descriptions are built from the data so a screen
 * reader user gets the chart's main message, not just its title.
 */

export interface Extremes<T> {
  highest: T;
  lowest: T;
}

/** The rows with the highest and lowest value (first in input order on ties); null when none has a value. */
export function findExtremes<T>(
  rows: readonly T[],
  valueOfRow: (row: T) => number | null | undefined,
): Extremes<T> | null {
  let highest: T | undefined;
  let lowest: T | undefined;
  for (const row of rows) {
    const value = valueOfRow(row);
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    if (highest === undefined || value > (valueOfRow(highest) as number)) highest = row;
    if (lowest === undefined || value < (valueOfRow(lowest) as number)) lowest = row;
  }
  return highest === undefined || lowest === undefined ? null : { highest, lowest };
}

/** "A", "A and B", "A, B and C"; more than `limit` names end "and N others". */
export function listPhrase(items: readonly string[], limit = 5): string {
  if (items.length <= 1) return items[0] ?? "";
  if (items.length > limit) {
    const shown = items.slice(0, limit - 1);
    return `${shown.join(", ")} and ${items.length - shown.length} others`;
  }
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "1 area", "3 areas". */
export function countPhrase(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(position: number): string {
  const lastTwo = position % 100;
  const last = position % 10;
  const suffix =
    lastTwo >= 11 && lastTwo <= 13 ? "th" : last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th";
  return `${position}${suffix}`;
}

/** True for a finite number (the charts' test for "has a value"). */
export function hasValue(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
