/**
 * The text description of a spine chart: how many indicators are better, similar or worse than England,
 * and which ones are worse (with the two values), since those are what a reader of a profile looks for.
 */
import { countPhrase, listPhrase } from "./describe-values.ts";
import { type PlacedSpineRow, spineRowDecimals } from "./spine-geometry.ts";
import type { BenchmarkLabel } from "./types.ts";

const SPOKEN: Record<BenchmarkLabel, string> = {
  best: "best (significantly better at 99.8%)",
  better: "better",
  similar: "similar",
  worse: "worse",
  worst: "worst (significantly worse at 99.8%)",
  lower: "lower",
  higher: "higher",
  "not compared": "not compared",
};

export function describeSpine(
  rows: readonly PlacedSpineRow[],
  labels: { areaName: string; englandLabel: string },
): string {
  if (rows.length === 0) return `No indicators to show for ${labels.areaName}.`;
  const counts = new Map<BenchmarkLabel, number>();
  for (const row of rows) counts.set(row.benchmark, (counts.get(row.benchmark) ?? 0) + 1);
  const order: BenchmarkLabel[] = [
    "best",
    "better",
    "similar",
    "worse",
    "worst",
    "lower",
    "higher",
    "not compared",
  ];
  const parts = order
    .filter((label) => counts.has(label))
    .map((label) => `${counts.get(label)} ${SPOKEN[label]}`);
  const sentences = [
    `${labels.areaName} compared with ${labels.englandLabel} on ${countPhrase(rows.length, "indicator")}: ${listPhrase(parts, 8)}.`,
  ];
  const worse = rows.filter((row) => row.benchmark === "worse" || row.benchmark === "worst");
  if (worse.length > 0) {
    const details = worse.map((row) => {
      const { format } = spineRowDecimals(row);
      return `${row.name} (${format(row.value)} against ${format(row.england)})`;
    });
    sentences.push(`Worse than ${labels.englandLabel}: ${listPhrase(details, 6)}.`);
  }
  return sentences.join(" ");
}
