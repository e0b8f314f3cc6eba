/**
 * Values by deprivation decile (or quintile), most deprived on the left, with 95% intervals and the slope
 * index of inequality drawn as its fitted line. The x axis is the relative rank 0..1 used by the SII fit:
 * with populations each bar's width is its share of the population, so the line sits exactly where the
 * model put it (METHODS.md §4: quantile 1 = most deprived, rank = cumulative share before + half its own).
 */
import * as Plot from "@observablehq/plot";
import { chartId } from "./chart-id.ts";
import { composeChart } from "./compose-chart.ts";
import { describeDeciles } from "./decile-description.ts";
import {
  type DecileRow,
  placeOnRelativeRank,
  type RankedDecile,
  type SiiFit,
  siiText,
} from "./decile-rank.ts";
import { decimalsFor, formatValue, roundForTable } from "./format-number.ts";
import type { LegendItem } from "./legend.ts";
import { renderPlot } from "./plot-document.ts";
import { drawable, type Markers, noteMarkers, restoreMarkers } from "./suppressed-values.ts";
import type { ChartOutput, CommonChartOptions } from "./types.ts";

export type { DecileRow, RankedDecile, SiiFit } from "./decile-rank.ts";

export interface DecileChartOptions extends CommonChartOptions {
  title: string;
  unit?: string;
  sii?: SiiFit;
  /** "decile" or "quintile"; by default quintile when there are at most 5 groups numbered up to 5. */
  quantile?: "decile" | "quintile";
  /** What the quantiles are of, for the axis (default "Deprivation decile (1 = most deprived)"). */
  axisLabel?: string;
}

const BAR = "#5b84b1";

export function decileChart(input: readonly DecileRow[], options: DecileChartOptions): ChartOutput {
  const { title, unit = "", sii } = options;
  const markers: Markers = new Map();
  const rows = input.map((row): DecileRow => {
    noteMarkers(markers, String(row.decile), 1, [row.value, row.lower, row.upper]);
    return { ...row, value: drawable(row.value), lower: drawable(row.lower), upper: drawable(row.upper) };
  });
  const width = options.width ?? 720;
  const ranked = placeOnRelativeRank(rows);
  const quantile =
    options.quantile ??
    (ranked.length > 0 && ranked.length <= 5 && Math.max(...ranked.map((row) => row.decile)) <= 5
      ? "quintile"
      : "decile");
  const decimals =
    options.decimals ?? decimalsFor(ranked.flatMap((row) => [row.value, row.lower, row.upper]));
  const present = ranked.filter((row) => row.value !== null);
  const intervals = present.filter((row) => row.lower != null && row.upper != null);
  const gap = 0.004;
  const capHalfWidth = 0.012;
  const marks: Plot.Markish[] = [
    Plot.rectY(present, {
      x1: (row: RankedDecile) => row.start + gap,
      x2: (row: RankedDecile) => row.end - gap,
      y: "value",
      fill: BAR,
      stroke: "#1f3b5a",
      strokeWidth: 0.5,
      title: (row: RankedDecile) => `${quantile} ${row.decile}: ${formatValue(row.value, decimals, unit)}`,
    }),
    Plot.ruleX(intervals, { x: "middle", y1: "lower", y2: "upper", stroke: "#000000", strokeWidth: 1.5 }),
    ...(["lower", "upper"] as const).map((limit) =>
      Plot.ruleY(intervals, {
        y: limit,
        x1: (row: RankedDecile) => row.middle - capHalfWidth,
        x2: (row: RankedDecile) => row.middle + capHalfWidth,
        stroke: "#000000",
        strokeWidth: 1.5,
      }),
    ),
    Plot.ruleY([0], { stroke: "#000000" }),
    Plot.text(
      ranked.filter((row) => row.value === null),
      { x: "middle", y: 0, text: () => "no data", dy: -8, fill: "#404040" },
    ),
  ];
  if (sii) {
    const line = [
      { rank: 0, value: sii.intercept },
      { rank: 1, value: sii.intercept + sii.slope },
    ];
    marks.push(
      Plot.line(line, { x: "rank", y: "value", stroke: "#000000", strokeWidth: 2.5, strokeDasharray: "8,4" }),
    );
  }
  const firstMiddle = ranked[0]?.middle ?? 0;
  const lastMiddle = ranked[ranked.length - 1]?.middle ?? 1;
  marks.push(
    Plot.text(
      [
        { middle: firstMiddle, text: "Most deprived" },
        { middle: lastMiddle, text: "Least deprived" },
      ],
      { x: "middle", text: "text", frameAnchor: "bottom", dy: 34, fontWeight: "bold" },
    ),
  );
  const plot = renderPlot({
    width,
    height: 330,
    marginLeft: 56,
    marginBottom: 60,
    marginRight: 30,
    x: {
      domain: [0, 1],
      ticks: ranked.map((row) => row.middle),
      tickFormat: (_value: number, index: number) => String(ranked[index]?.decile ?? ""),
      label: options.axisLabel ?? `Deprivation ${quantile} (1 = most deprived)`,
      labelAnchor: "center",
      labelOffset: 52,
    },
    y: { grid: true, nice: true, zero: true, label: unit || null },
    marks,
  });
  const legend: LegendItem[] = [
    { label: `Value by ${quantile}, with 95% interval`, swatch: { fill: BAR, stroke: "#1f3b5a" } },
  ];
  if (sii)
    legend.push({
      label: `Slope index of inequality: ${siiText(sii, decimals, unit)}`,
      line: { stroke: "#000000", dash: "8,4", width: 2.5 },
    });
  return composeChart({
    id: chartId("decile", title, options.id),
    title,
    description: describeDeciles(ranked, { quantile, unit, decimals, sii }),
    table: restoreMarkers(
      {
        columns: [
          capitalised(quantile),
          unit ? `Value (${unit})` : "Value",
          "Lower 95% limit",
          "Upper 95% limit",
          "Population",
          "Relative rank (middle)",
        ],
        rows: ranked.map((row) => [
          row.decile,
          roundForTable(row.value, decimals),
          roundForTable(row.lower, decimals),
          roundForTable(row.upper, decimals),
          row.population ?? null,
          roundForTable(row.middle, 3),
        ]),
      },
      (row) => String(row[0]),
      markers,
    ),
    width,
    showTitle: options.showTitle,
    legend,
    panels: [{ plot }],
  });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
