/**
 * Bar chart of areas (localities, districts) with 95% confidence intervals and a comparator line, sorted so
 * the highest value is at the top. Bars take the benchmark colour and the benchmark shape sits beside each
 * value, so the comparison reads without colour; one area can be highlighted (bold name, outlined bar).
 */
import * as Plot from "@observablehq/plot";
import { describeBars } from "./bar-description.ts";
import { type BarRow, type BarWithIntervalsOptions, barTable, sortBarRows } from "./bar-rows.ts";
import { BENCHMARK_COLOURS, BENCHMARK_SYMBOLS, MARKER_OUTLINE } from "./benchmark-colours.ts";
import { benchmarkLegend } from "./benchmark-legend.ts";
import { chartId } from "./chart-id.ts";
import { composeChart } from "./compose-chart.ts";
import { decimalsFor, formatValue } from "./format-number.ts";
import { renderPlot } from "./plot-document.ts";
import { drawable, type Markers, noteMarkers, restoreMarkers } from "./suppressed-values.ts";
import { estimateTextWidth, truncateText } from "./text-layout.ts";
import type { BenchmarkLabel, ChartOutput } from "./types.ts";

export type { BarRow, BarWithIntervalsOptions } from "./bar-rows.ts";

/** Colour of bars with no benchmark: a mid blue-grey that keeps 3:1 against white. */
const NEUTRAL_BAR = "#7a8fa6";
const ROW_HEIGHT = 24;

export function barWithIntervals(input: readonly BarRow[], options: BarWithIntervalsOptions): ChartOutput {
  const { title, unit = "", highlight } = options;
  // A suppressed comparator (its marker instead of a number) is left out, like a missing one.
  const comparator = drawable(options.comparator?.value) === null ? undefined : options.comparator;
  const markers: Markers = new Map();
  const rows = input.map((row): BarRow => {
    noteMarkers(markers, row.code, 2, [row.value, row.lower, row.upper]);
    return { ...row, value: drawable(row.value), lower: drawable(row.lower), upper: drawable(row.upper) };
  });
  const width = options.width ?? 720;
  const sorted = sortBarRows(rows, options.sort ?? "value");
  const decimals =
    options.decimals ??
    decimalsFor(sorted.flatMap((row) => [row.value, row.lower, row.upper, comparator?.value]));
  const labelOf = (row: BarRow) => truncateText(row.name, 200, 12);
  const keyOf = (row: BarRow) => row.code;
  const nameByKey = new Map(sorted.map((row) => [row.code, labelOf(row)]));
  const isHighlight = (row: BarRow) => row.code === highlight;
  // Names end 8px left of the axis (dx) with 8px to spare before the SVG's edge; the highlighted name is
  // bold, about 12% wider than the same text in regular weight, so it is measured bold.
  const marginLeft = Math.ceil(
    Math.max(60, ...sorted.map((row) => estimateTextWidth(labelOf(row), 12, isHighlight(row)))) + 16,
  );
  const valueLabel = (row: BarRow) =>
    markers.has(row.code) && row.value === null
      ? "suppressed"
      : formatValue(row.value, decimals, unit === "%" ? "%" : "");
  // Value labels start 22px right of the plot (after the benchmark symbol).
  const marginRight = Math.ceil(
    Math.max(90, ...sorted.map((row) => 22 + estimateTextWidth(valueLabel(row), 12) + 6)),
  );
  const present = sorted.filter((row) => row.value !== null);
  const withInterval = present.filter((row) => row.lower != null && row.upper != null);
  const extent = present.flatMap((row) => [row.value as number, row.lower ?? 0, row.upper ?? 0]);
  const plot = renderPlot({
    width,
    height: sorted.length * ROW_HEIGHT + 60,
    marginLeft,
    marginRight,
    marginTop: 28,
    x: {
      label: unit || null,
      grid: true,
      nice: true,
      domain: [Math.min(0, ...extent), Math.max(0, comparator?.value ?? 0, ...extent)],
    },
    y: { domain: sorted.map(keyOf), axis: null, padding: 0.2 },
    color: { type: "identity" },
    symbol: { type: "identity" },
    marks: [
      Plot.barX(present, {
        y: keyOf,
        x: "value",
        fill: (row: BarRow) => (row.benchmark ? BENCHMARK_COLOURS[row.benchmark] : NEUTRAL_BAR),
        stroke: (row: BarRow) => (isHighlight(row) ? "#000000" : MARKER_OUTLINE),
        strokeWidth: (row: BarRow) => (isHighlight(row) ? 2.5 : 0.5),
        title: (row: BarRow) => `${row.name}: ${formatValue(row.value, decimals, unit)}`,
      }),
      Plot.ruleY(withInterval, { y: keyOf, x1: "lower", x2: "upper", stroke: "#000000", strokeWidth: 1.5 }),
      Plot.tickX(withInterval, { y: keyOf, x: "lower", stroke: "#000000", strokeWidth: 1.5, inset: 5 }),
      Plot.tickX(withInterval, { y: keyOf, x: "upper", stroke: "#000000", strokeWidth: 1.5, inset: 5 }),
      Plot.ruleX([0], { stroke: "#000000" }),
      comparator
        ? Plot.ruleX([comparator.value], { stroke: "#000000", strokeWidth: 2, strokeDasharray: "6,4" })
        : null,
      comparator
        ? Plot.text([comparator], {
            x: "value",
            frameAnchor: "top",
            dy: -8,
            lineAnchor: "bottom",
            text: (c: { label: string; value: number }) =>
              `${c.label}: ${formatValue(c.value, decimals, unit)}`,
            fontWeight: "bold",
          })
        : null,
      Plot.text(
        sorted.filter((row) => !isHighlight(row)),
        {
          y: keyOf,
          text: (row: BarRow) => nameByKey.get(row.code),
          frameAnchor: "left",
          textAnchor: "end",
          dx: -8,
        },
      ),
      Plot.text(sorted.filter(isHighlight), {
        y: keyOf,
        text: (row: BarRow) => nameByKey.get(row.code),
        frameAnchor: "left",
        textAnchor: "end",
        dx: -8,
        fontWeight: "bold",
      }),
      Plot.dot(
        present.filter((row) => row.benchmark),
        {
          y: keyOf,
          frameAnchor: "right",
          dx: 12,
          r: 5,
          symbol: (row: BarRow) => BENCHMARK_SYMBOLS[row.benchmark as BenchmarkLabel],
          fill: (row: BarRow) => BENCHMARK_COLOURS[row.benchmark as BenchmarkLabel],
          stroke: MARKER_OUTLINE,
          strokeWidth: 0.75,
        },
      ),
      Plot.text(sorted, {
        y: keyOf,
        text: valueLabel,
        frameAnchor: "right",
        textAnchor: "start",
        dx: 22,
        fontVariant: "tabular-nums",
      }),
    ],
  });
  const benchmarks = present
    .map((row) => row.benchmark)
    .filter((label): label is BenchmarkLabel => label !== undefined);
  return composeChart({
    id: chartId("bar", title, options.id),
    title,
    description: describeBars(sorted, {
      unit,
      decimals,
      comparator,
      highlight,
      suppressed: new Set(markers.keys()),
    }),
    table: restoreMarkers(barTable(sorted, decimals, unit, comparator), (row) => String(row[1]), markers),
    width,
    showTitle: options.showTitle,
    legend: benchmarkLegend(benchmarks, comparator?.label),
    panels: [{ plot }],
  });
}
