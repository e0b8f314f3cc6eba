/**
 * "Tartan rug": a grid of indicators (rows) by areas (columns), each cell coloured by the area's benchmark
 * for that indicator, with the benchmark's shape in the corner and the value printed in an ink that meets
 * WCAG AA on the cell colour. With many areas the cells get too narrow for numbers and show the shape only
 * (the values stay in the tooltip and the data table).
 */
import * as Plot from "@observablehq/plot";
import {
  BENCHMARK_COLOURS,
  BENCHMARK_INK,
  BENCHMARK_ORDER,
  BENCHMARK_SYMBOLS,
  benchmarkPhrase,
  MARKER_OUTLINE,
} from "./benchmark-colours.ts";
import { chartId } from "./chart-id.ts";
import { composeChart } from "./compose-chart.ts";
import type { LegendItem } from "./legend.ts";
import { renderPlot } from "./plot-document.ts";
import { drawable, type Markers, noteMarker, restoreMarkers } from "./suppressed-values.ts";
import { describeRug } from "./tartan-rug-description.ts";
import { type RugCell, type RugInput, rugGrid, rugTable } from "./tartan-rug-grid.ts";
import { estimateTextWidth, truncateText, wrapText } from "./text-layout.ts";
import type { BenchmarkLabel, ChartOutput, CommonChartOptions } from "./types.ts";

export type { RugInput } from "./tartan-rug-grid.ts";

export interface TartanRugOptions extends Omit<CommonChartOptions, "decimals"> {
  title?: string;
  /** Who the cells were compared with, for the legend and description (e.g. "England"). */
  comparator?: string;
  /** Print values in cells: "auto" (default) when cells are at least 46px wide. */
  showValues?: boolean | "auto";
}

const ROW_HEIGHT = 32;
const NAME_WIDTH = 230;
const LABEL_LIMIT = 170;

export function tartanRug(input: RugInput, options: TartanRugOptions = {}): ChartOutput {
  const title =
    options.title ?? `Indicators by area${options.comparator ? `, compared with ${options.comparator}` : ""}`;
  const markers: Markers = new Map();
  const grid = rugGrid({
    ...input,
    cells: input.cells.map((cell) => {
      const indicatorName = input.indicators.find((indicator) => indicator.id === cell.indicator)?.name;
      noteMarker(markers, `${indicatorName ?? cell.indicator}\u0000${cell.area}`, 3, cell.value);
      return { ...cell, value: drawable(cell.value) };
    }),
  });
  const areaLabel = new Map(input.areas.map((area) => [area.code, truncateText(area.name, LABEL_LIMIT, 12)]));
  const marginLeft = NAME_WIDTH + 8;
  const width = options.width ?? Math.max(480, Math.min(1200, marginLeft + 20 + input.areas.length * 56));
  const cellWidth = (width - marginLeft - 20) / Math.max(1, input.areas.length);
  const showValues =
    options.showValues === "auto" || options.showValues === undefined ? cellWidth >= 46 : options.showValues;
  const marginTop = Math.ceil(
    Math.max(40, ...[...areaLabel.values()].map((label) => estimateTextWidth(label, 12))) + 14,
  );
  const corner = showValues
    ? { dx: cellWidth / 2 - 8, dy: -(ROW_HEIGHT / 2 - 8), r: 3.5 }
    : { dx: 0, dy: 0, r: 6 };
  const indicatorLabel = (id: string) => {
    const name = input.indicators.find((indicator) => indicator.id === id)?.name ?? id;
    const lines = wrapText(name, NAME_WIDTH - 8, 12);
    return lines.length <= 2
      ? lines.join("\n")
      : `${lines[0]}\n${truncateText(lines.slice(1).join(" "), NAME_WIDTH - 8, 12)}`;
  };
  const plot = renderPlot({
    width,
    height: marginTop + input.indicators.length * ROW_HEIGHT + 10,
    marginLeft,
    marginTop,
    marginRight: 20,
    marginBottom: 10,
    x: {
      domain: input.areas.map((area) => area.code),
      axis: "top",
      tickRotate: -90,
      tickSize: 0,
      tickFormat: (code: string) => areaLabel.get(code) ?? code,
      label: null,
      padding: 0,
    },
    y: { domain: input.indicators.map((indicator) => indicator.id), axis: null, padding: 0 },
    color: { type: "identity" },
    symbol: { type: "identity" },
    marks: [
      Plot.cell(grid, {
        x: "area",
        y: "indicator",
        fill: (cell: RugCell) => BENCHMARK_COLOURS[cell.benchmark],
        stroke: MARKER_OUTLINE,
        strokeWidth: 0.5,
        inset: 1,
        title: (cell: RugCell) => `${cell.areaName}, ${cell.indicatorName}: ${cell.text} (${cell.benchmark})`,
      }),
      Plot.dot(
        grid.filter((cell) => !showValues || cell.benchmark !== "not compared"),
        {
          x: "area",
          y: "indicator",
          dx: corner.dx,
          dy: corner.dy,
          r: corner.r,
          symbol: (cell: RugCell) => BENCHMARK_SYMBOLS[cell.benchmark],
          fill: (cell: RugCell) => BENCHMARK_INK[cell.benchmark],
        },
      ),
      showValues
        ? Plot.text(grid, {
            x: "area",
            y: "indicator",
            text: "text",
            fill: (cell: RugCell) => BENCHMARK_INK[cell.benchmark],
            dx: -3,
            dy: 3,
            fontVariant: "tabular-nums",
          })
        : null,
      Plot.text(input.indicators, {
        y: "id",
        text: (indicator: { id: string }) => indicatorLabel(indicator.id),
        frameAnchor: "left",
        textAnchor: "start",
        dx: 4 - marginLeft,
        lineHeight: 1.15,
      }),
    ],
  });
  const present = new Set<BenchmarkLabel>(grid.map((cell) => cell.benchmark));
  const legend: LegendItem[] = BENCHMARK_ORDER.filter((label) => present.has(label)).map((label) => ({
    label: benchmarkPhrase(label, options.comparator),
    swatch: { fill: BENCHMARK_COLOURS[label], stroke: MARKER_OUTLINE },
    marker: { symbol: BENCHMARK_SYMBOLS[label], fill: BENCHMARK_INK[label], area: 30 },
  }));
  return composeChart({
    id: chartId("rug", title, options.id),
    title,
    description: describeRug(grid, input, options.comparator),
    table: restoreMarkers(rugTable(grid), (row) => `${row[0]}\u0000${row[2]}`, markers),
    width,
    showTitle: options.showTitle,
    legend,
    panels: [{ plot }],
  });
}
