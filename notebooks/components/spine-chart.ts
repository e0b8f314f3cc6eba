/**
 * Spine chart (the national health profiles' area summary): one row per indicator with the area's,
 * county's and England's values, and a spine where England sits in the middle, the light grey bar spans
 * every area from worst (left) to best (right) — flipped for low-is-good indicators — the darker bar the
 * 25th to 75th percentiles, an open diamond marks the county and the area's marker takes its benchmark
 * colour and shape.
 */
import * as Plot from "@observablehq/plot";
import { BENCHMARK_COLOURS, BENCHMARK_SYMBOLS, MARKER_OUTLINE } from "./benchmark-colours.ts";
import { benchmarkLegend } from "./benchmark-legend.ts";
import { chartId } from "./chart-id.ts";
import { diamondSymbol } from "./chart-symbols.ts";
import { composeChart } from "./compose-chart.ts";
import type { LegendItem } from "./legend.ts";
import { renderPlot } from "./plot-document.ts";
import { SPINE_ROW_HEIGHT as ROW_HEIGHT, spineColumnMarks } from "./spine-columns.ts";
import { describeSpine } from "./spine-description.ts";
import {
  type PlacedSpineRow,
  placeOnSpine,
  type SpineRow,
  spineRowDecimals,
  spineTable,
} from "./spine-geometry.ts";
import { drawable, type Markers, noteMarker, restoreMarkers } from "./suppressed-values.ts";
import type { ChartOutput, CommonChartOptions } from "./types.ts";

export type { SpineRow } from "./spine-geometry.ts";

export interface SpineChartOptions extends Omit<CommonChartOptions, "decimals"> {
  title?: string;
  areaName?: string;
  countyLabel?: string;
  englandLabel?: string;
}

const RANGE_GREY = "#d9d9d9";
const QUARTILE_GREY = "#9e9e9e";
/** Headings over the spine's left end, middle and right end ("worst" is left even when low is good). */
const SPINE_HEADINGS = ["Worst", "", "Best"];

const SPINE_VALUES = ["value", "county", "england", "min", "q25", "q75", "max"] as const;

export function spineChart(input: readonly SpineRow[], options: SpineChartOptions = {}): ChartOutput {
  const markers: Markers = new Map();
  const rows = input.map((row): SpineRow => {
    const drawn = { ...row };
    SPINE_VALUES.forEach((field, index) => {
      noteMarker(markers, row.name, 2 + index, row[field]);
      drawn[field] = drawable(row[field]);
    });
    return drawn;
  });
  const areaName = options.areaName ?? "Area";
  const countyLabel = options.countyLabel ?? "County";
  const englandLabel = options.englandLabel ?? "England";
  const title = options.title ?? `${areaName} compared with ${englandLabel}`;
  const width = options.width ?? 900;
  const placed = rows.map(placeOnSpine);
  const columns = spineColumnMarks(placed, { areaName, countyLabel, englandLabel });
  const marginLeft = columns.marginLeft;
  const withSpine = placed.filter((row) => row.position.worst !== null);
  const key = (row: { id: string }) => row.id;
  const plot = renderPlot({
    width,
    height: rows.length * ROW_HEIGHT + 56,
    marginLeft,
    marginTop: 50,
    marginRight: 20,
    marginBottom: 6,
    x: { domain: [-1, 1], axis: null, insetLeft: 10, insetRight: 10 },
    y: { domain: placed.map(key), axis: null, paddingInner: 0.35, paddingOuter: 0.2 },
    color: { type: "identity" },
    symbol: { type: "identity" },
    marks: [
      Plot.ruleY(placed.slice(1), {
        y: key,
        dy: -ROW_HEIGHT / 2,
        stroke: "#e0e0e0",
        x1: -1.05,
        x2: 1.05,
        insetLeft: 8 - marginLeft,
      }),
      Plot.barX(withSpine, {
        y: key,
        x1: (row) => row.position.worst,
        x2: (row) => row.position.best,
        fill: RANGE_GREY,
      }),
      Plot.barX(
        withSpine.filter((row) => row.position.q25 !== null),
        { y: key, x1: (row) => row.position.q25, x2: (row) => row.position.q75, fill: QUARTILE_GREY },
      ),
      Plot.ruleX([0], { stroke: "#000000", strokeWidth: 1.5 }),
      Plot.dot(
        withSpine.filter((row) => row.position.county !== null),
        {
          y: key,
          x: (row) => row.position.county,
          symbol: diamondSymbol,
          r: 6,
          fill: "#ffffff",
          stroke: "#000000",
          strokeWidth: 1.5,
        },
      ),
      Plot.dot(
        withSpine.filter((row) => row.position.value !== null),
        {
          y: key,
          x: (row) => row.position.value,
          symbol: (row: PlacedSpineRow) => BENCHMARK_SYMBOLS[row.benchmark],
          fill: (row: PlacedSpineRow) => BENCHMARK_COLOURS[row.benchmark],
          stroke: MARKER_OUTLINE,
          strokeWidth: 1,
          r: 8,
          title: (row: PlacedSpineRow) =>
            `${row.name}: ${spineRowDecimals(row).format(row.value)} (${row.benchmark})`,
        },
      ),
      ...columns.marks,
      ...(["start", "middle", "end"] as const).map((textAnchor, index) =>
        Plot.text([SPINE_HEADINGS[index] || englandLabel], {
          x: index - 1,
          frameAnchor: "top",
          textAnchor,
          lineAnchor: "bottom",
          dy: -6,
          fontWeight: "bold",
        }),
      ),
    ],
  });
  const legend: LegendItem[] = [
    ...benchmarkLegend(
      placed.map((row) => row.benchmark),
      englandLabel,
    ),
    { label: countyLabel, marker: { symbol: diamondSymbol, fill: "#ffffff", stroke: "#000000", area: 80 } },
    { label: "Range of areas", swatch: { fill: RANGE_GREY, stroke: RANGE_GREY } },
    { label: "25th to 75th percentile", swatch: { fill: QUARTILE_GREY, stroke: QUARTILE_GREY } },
  ];
  return composeChart({
    id: chartId("spine", title, options.id),
    title,
    description: describeSpine(placed, { areaName, englandLabel }),
    table: restoreMarkers(
      spineTable(placed, { areaName, countyLabel, englandLabel }),
      (row) => String(row[0]),
      markers,
    ),
    width,
    showTitle: options.showTitle,
    legend,
    panels: [{ plot }],
    notes: placed.some((row) => row.polarity === "none")
      ? [
          "Indicators with no polarity (neither high nor low is better) run from lowest on the left to highest on the right.",
        ]
      : [],
  });
}
