/**
 * The text description of a population pyramid: the total and its split by sex, the largest age band,
 * and the shares aged under 16 and 65 and over (compared with the comparator's when there is one).
 */
import { formatNumber } from "./format-number.ts";
import { ageStart, type PyramidRow, totalPopulation } from "./pyramid-data.ts";

/** Percentage of the population in bands starting in [from, to). */
function shareAged(rows: readonly PyramidRow[], from: number, to: number): number {
  const total = totalPopulation(rows);
  if (total === 0) return 0;
  const inRange = rows.filter((row) => ageStart(row.age) >= from && ageStart(row.age) < to);
  return (100 * totalPopulation(inRange)) / total;
}

/** True when a band starts exactly at `boundary`, so the share on either side of it is exact. */
function bandsSplitAt(ages: readonly string[], boundary: number): boolean {
  return ages.some((age) => ageStart(age) === boundary);
}

export function describePyramid(
  rows: readonly PyramidRow[],
  ages: readonly string[],
  options: { label: string; comparator?: { label: string; rows: PyramidRow[] } },
): string {
  const total = totalPopulation(rows);
  if (total === 0) return "There is no population to show.";
  const male = totalPopulation(rows, "Male");
  const female = totalPopulation(rows, "Female");
  const sentences = [
    `${options.label} totals ${formatNumber(total, 0)}: ${formatNumber(male, 0)} male (${formatNumber((100 * male) / total, 1)}%) and ${formatNumber(female, 0)} female (${formatNumber((100 * female) / total, 1)}%).`,
  ];
  const bandTotals = ages.map((age) => ({
    age,
    count: totalPopulation(rows.filter((row) => String(row.age) === age)),
  }));
  const largest = bandTotals.reduce(
    (best, band) => (band.count > best.count ? band : best),
    bandTotals[0] ?? { age: "", count: 0 },
  );
  const bandName = /^\d+$/.test(largest.age) ? `age ${largest.age}` : largest.age;
  sentences.push(`The largest age band is ${bandName} (${formatNumber((100 * largest.count) / total, 1)}%).`);
  const childBoundary = [16, 15].find((boundary) => bandsSplitAt(ages, boundary));
  const shares: [number, number, string][] = [];
  if (childBoundary !== undefined) shares.push([0, childBoundary, `under ${childBoundary}`]);
  if (bandsSplitAt(ages, 65)) shares.push([65, Number.POSITIVE_INFINITY, "65 and over"]);
  for (const [from, to, phrase] of shares) {
    const comparatorText = options.comparator
      ? ` (${options.comparator.label}: ${formatNumber(shareAged(options.comparator.rows, from, to), 1)}%)`
      : "";
    sentences.push(`${formatNumber(shareAged(rows, from, to), 1)}% are aged ${phrase}${comparatorText}.`);
  }
  return sentences.join(" ");
}
