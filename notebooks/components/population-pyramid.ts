/**
 * Population pyramid: males to the left, females to the right, youngest age band at the bottom. With a
 * comparator (e.g. England) both are shown as percentages of their own totals — the comparator as black
 * outlines over the area's bars — so areas of any size compare by shape. The two sexes differ in
 * lightness (dark blue, light orange) as well as hue and are labelled in the chart.
 */
import * as Plot from "@observablehq/plot";
import { chartId } from "./chart-id.ts";
import { composeChart } from "./compose-chart.ts";
import { formatNumber } from "./format-number.ts";
import type { LegendItem } from "./legend.ts";
import { renderPlot } from "./plot-document.ts";
import { type PyramidBar, type PyramidRow, pyramidBars, pyramidTable } from "./pyramid-data.ts";
import { describePyramid } from "./pyramid-description.ts";
import type { ChartOutput, CommonChartOptions } from "./types.ts";

export type { PyramidRow } from "./pyramid-data.ts";

export interface PopulationPyramidOptions extends Omit<CommonChartOptions, "decimals"> {
  title: string;
  /** Name of the area, for the legend and description (default "Population"). */
  label?: string;
  comparator?: { label: string; rows: PyramidRow[] };
  /** Show percentages of the total instead of counts (always so with a comparator). */
  percent?: boolean;
}

export const MALE_COLOUR = "#1f5f8b";
export const FEMALE_COLOUR = "#f4a259";

export function populationPyramid(
  rows: readonly PyramidRow[],
  options: PopulationPyramidOptions,
): ChartOutput {
  const { title, comparator } = options;
  const width = options.width ?? 640;
  const percent = options.percent === true || comparator !== undefined;
  const { ages, bars } = pyramidBars(rows, percent);
  const comparatorBars = comparator
    ? pyramidBars(comparator.rows, true).bars.filter((bar) => ages.includes(bar.age))
    : [];
  const rowHeight = Math.max(7, Math.min(22, 440 / Math.max(1, ages.length)));
  const labelEvery = ages.length > 30 ? 5 : 1;
  const format = (value: number) =>
    percent ? `${formatNumber(Math.abs(value), 1)}%` : formatNumber(Math.abs(value), 0);
  const signed = (bar: PyramidBar) => (bar.sex === "Male" ? -bar.measure : bar.measure);
  const plot = renderPlot({
    width,
    height: ages.length * rowHeight + 70,
    marginLeft: 70,
    marginRight: 20,
    marginTop: 26,
    x: {
      grid: true,
      nice: true,
      label: percent ? "% of total population" : "Population",
      labelAnchor: "center",
      labelArrow: false,
      tickFormat: format,
      domain: symmetricDomain([...bars, ...comparatorBars].map((bar) => bar.measure)),
    },
    y: {
      domain: [...ages].reverse(),
      label: "Age",
      tickFormat: (age: string) => (ages.indexOf(age) % labelEvery === 0 ? age : ""),
      tickSize: 0,
    },
    color: { type: "identity" },
    marks: [
      Plot.barX(bars, {
        y: "age",
        x: signed,
        fill: (bar: PyramidBar) => (bar.sex === "Male" ? MALE_COLOUR : FEMALE_COLOUR),
        insetTop: 0.5,
        insetBottom: 0.5,
        title: (bar: PyramidBar) => `${bar.sex}, ${bar.age}: ${format(bar.measure)}`,
      }),
      comparator
        ? Plot.barX(comparatorBars, {
            y: "age",
            x: signed,
            fill: "none",
            stroke: "#000000",
            strokeWidth: 1.25,
            insetTop: 0.5,
            insetBottom: 0.5,
          })
        : null,
      Plot.ruleX([0], { stroke: "#000000" }),
      Plot.text(["Male"], {
        frameAnchor: "top-left",
        dy: -18,
        dx: 4,
        textAnchor: "start",
        fontWeight: "bold",
        fontSize: 13,
      }),
      Plot.text(["Female"], {
        frameAnchor: "top-right",
        dy: -18,
        dx: -4,
        textAnchor: "end",
        fontWeight: "bold",
        fontSize: 13,
      }),
    ],
  });
  const legend: LegendItem[] = [
    { label: `${options.label ?? "Population"}: male`, swatch: { fill: MALE_COLOUR } },
    { label: "female", swatch: { fill: FEMALE_COLOUR } },
  ];
  if (comparator) legend.push({ label: comparator.label, swatch: { fill: "none", stroke: "#000000" } });
  return composeChart({
    id: chartId("pyramid", title, options.id),
    title,
    description: describePyramid(rows, ages, { label: options.label ?? "The population", comparator }),
    table: pyramidTable(rows, ages, comparator),
    width,
    showTitle: options.showTitle,
    legend,
    panels: [{ plot }],
  });
}

function symmetricDomain(values: readonly number[]): [number, number] {
  const largest = Math.max(1e-9, ...values.map(Math.abs));
  return [-largest, largest];
}
