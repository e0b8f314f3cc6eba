/**
 * The benchmark palette. Blue for better, yellow for similar and orange for worse (darker navy and
 * red-brown for best and worst) are told apart by readers with any common colour-vision deficiency, and
 * their lightness differs (L* 42 / 84 / 62 for better / similar / worse) so three-level charts survive
 * greyscale printing. Every label also has its own marker shape, and text on each colour uses the ink that
 * gives at least WCAG AA contrast (4.5:1): measured ratios are in the comments. No-polarity comparisons
 * (lower / higher) use purples so they are never read as good or bad.
 */
import {
  type ChartSymbol,
  circleSymbol,
  crossSymbol,
  dashSymbol,
  diamondSymbol,
  squareSymbol,
  starSymbol,
  triangleDownSymbol,
  triangleUpSymbol,
} from "./chart-symbols.ts";
import type { BenchmarkLabel } from "./types.ts";

export const BENCHMARK_COLOURS: Record<BenchmarkLabel, string> = {
  best: "#08306b", // white text 12.8:1
  better: "#2166ac", // white text 5.9:1
  similar: "#f5cf4a", // black text 13.9:1
  worse: "#e8743b", // black text 7.0:1
  worst: "#8c1d0e", // white text 9.1:1
  lower: "#c9bfe3", // black text 12.1:1
  higher: "#54318c", // white text 9.6:1
  "not compared": "#ededed", // black text 17.9:1
};

/** Text colour to write on each benchmark colour (the one with the higher contrast, always ≥ 4.5:1). */
export const BENCHMARK_INK: Record<BenchmarkLabel, string> = {
  best: "#ffffff",
  better: "#ffffff",
  similar: "#000000",
  worse: "#000000",
  worst: "#ffffff",
  lower: "#000000",
  higher: "#ffffff",
  "not compared": "#000000",
};

/** The marker shape for each label: the cue that does not depend on colour at all. */
export const BENCHMARK_SYMBOLS: Record<BenchmarkLabel, ChartSymbol> = {
  best: starSymbol,
  better: triangleUpSymbol,
  similar: circleSymbol,
  worse: triangleDownSymbol,
  worst: crossSymbol,
  lower: squareSymbol,
  higher: diamondSymbol,
  "not compared": dashSymbol,
};

/** Legend order: good to bad, then the no-polarity labels, then "not compared". */
export const BENCHMARK_ORDER: readonly BenchmarkLabel[] = [
  "best",
  "better",
  "similar",
  "worse",
  "worst",
  "lower",
  "higher",
  "not compared",
];

/** Legend wording: "Better than England" when a comparator is named, else "Better". */
export function benchmarkPhrase(label: BenchmarkLabel, comparator?: string): string {
  if (!comparator || label === "not compared") return BENCHMARK_WORDS[label];
  const relation = label === "similar" ? "to" : "than";
  const strength = label === "best" || label === "worst" ? " (99.8%)" : "";
  const word = label === "best" ? "better" : label === "worst" ? "worse" : label;
  return `${capitalise(word)} ${relation} ${comparator}${strength}`;
}

const BENCHMARK_WORDS: Record<BenchmarkLabel, string> = {
  best: "Best (99.8%)",
  better: "Better",
  similar: "Similar",
  worse: "Worse",
  worst: "Worst (99.8%)",
  lower: "Lower",
  higher: "Higher",
  "not compared": "Not compared",
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Dark outline for markers and cells, so light colours (yellow, grey) still meet 3:1 against white. */
export const MARKER_OUTLINE = "#333333";
