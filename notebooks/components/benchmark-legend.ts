/**
 * The benchmark key shared by the charts: one item per label present in the data (in the fixed good-to-bad
 * order), each showing the colour and the shape that the chart uses.
 */
import {
  BENCHMARK_COLOURS,
  BENCHMARK_ORDER,
  BENCHMARK_SYMBOLS,
  benchmarkPhrase,
  MARKER_OUTLINE,
} from "./benchmark-colours.ts";
import type { LegendItem } from "./legend.ts";
import type { BenchmarkLabel } from "./types.ts";

/** Marker-style items (a coloured shape with an outline), for charts that draw benchmark markers. */
export function benchmarkLegend(labels: readonly BenchmarkLabel[], comparator?: string): LegendItem[] {
  const present = new Set(labels);
  return BENCHMARK_ORDER.filter((label) => present.has(label)).map((label) => ({
    label: benchmarkPhrase(label, comparator),
    marker: {
      symbol: BENCHMARK_SYMBOLS[label],
      fill: BENCHMARK_COLOURS[label],
      stroke: MARKER_OUTLINE,
      area: 80,
    },
  }));
}
