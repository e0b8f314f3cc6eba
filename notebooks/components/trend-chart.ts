/**
 * Trend over time: the area's values joined by a line with a shaded 95% confidence band, comparator series
 * (county, England) as black and grey dashed lines, the target as an open diamond, and the forecast as a
 * dashed continuation with its own lighter band. Series differ by dash pattern as well as shade, so the
 * chart reads in greyscale; the legend names each.
 */
import * as Plot from "@observablehq/plot";
import { chartId } from "./chart-id.ts";
import { circleSymbol, diamondSymbol } from "./chart-symbols.ts";
import { composeChart } from "./compose-chart.ts";
import { decimalsFor, formatValue } from "./format-number.ts";
import type { LegendItem } from "./legend.ts";
import { renderPlot } from "./plot-document.ts";
import { drawable, type Markers, noteMarker, restoreMarkers } from "./suppressed-values.ts";
import { describeTrend } from "./trend-description.ts";
import { trendTable } from "./trend-table.ts";
import {
  COMPARATOR_STYLES,
  SERIES,
  type TrendChartOptions,
  type TrendPoint,
  yearTicks,
} from "./trend-types.ts";
import type { ChartOutput } from "./types.ts";

export type { TrendChartOptions, TrendComparator, TrendForecastPoint, TrendPoint } from "./trend-types.ts";

export function trendChart(input: readonly TrendPoint[], givenOptions: TrendChartOptions): ChartOutput {
  const markers: Markers = new Map();
  const drawn = <
    Point extends { year: number; value: number | null; lower?: number | null; upper?: number | null },
  >(
    point: Point,
    columns: number[],
  ): Point => {
    [point.value, point.lower, point.upper].forEach((value, index) => {
      if (columns[index] !== undefined) noteMarker(markers, String(point.year), columns[index], value);
    });
    return {
      ...point,
      value: drawable(point.value),
      lower: drawable(point.lower),
      upper: drawable(point.upper),
    };
  };
  const points = input.map((point) => drawn(point, [2, 3, 4]));
  const options: TrendChartOptions = {
    ...givenOptions,
    comparators: (givenOptions.comparators ?? []).map((comparator, index) => ({
      ...comparator,
      points: comparator.points.map((point) => drawn(point, [5 + index])),
    })),
  };
  const { title, unit = "", comparators = [], target, forecast = [] } = options;
  const width = options.width ?? 720;
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const decimals =
    options.decimals ??
    decimalsFor([
      ...sorted.map((point) => point.value),
      ...comparators.flatMap((c) => c.points.map((p) => p.value)),
      target?.value,
    ]);
  const banded = sorted.filter((point) => point.lower != null && point.upper != null);
  const lastActual = [...sorted].reverse().find((point) => point.value !== null);
  const forecastPath =
    lastActual && forecast.length > 0
      ? [
          {
            year: lastActual.year,
            value: lastActual.value as number,
            lower: lastActual.value as number,
            upper: lastActual.value as number,
          },
          ...forecast,
        ]
      : forecast;
  const { ticks, label } = yearTicks(sorted, [
    ...forecast.map((point) => point.year),
    ...(target ? [target.year] : []),
  ]);
  const marks: Plot.Markish[] = [
    Plot.areaY(forecastPath, { x: "year", y1: "lower", y2: "upper", fill: SERIES, fillOpacity: 0.08 }),
    Plot.areaY(sorted, { x: "year", y1: "lower", y2: "upper", fill: SERIES, fillOpacity: 0.2 }),
    ...comparators.map((comparator, index) => {
      const style = COMPARATOR_STYLES[index % COMPARATOR_STYLES.length] ?? COMPARATOR_STYLES[0];
      return Plot.lineY(
        [...comparator.points].sort((a, b) => a.year - b.year),
        { x: "year", y: "value", stroke: style.stroke, strokeDasharray: style.dash, strokeWidth: 1.75 },
      );
    }),
    Plot.lineY(forecastPath, {
      x: "year",
      y: "value",
      stroke: SERIES,
      strokeWidth: 2,
      strokeDasharray: "5,4",
    }),
    Plot.lineY(sorted, { x: "year", y: "value", stroke: SERIES, strokeWidth: 2.5 }),
    Plot.dot(
      sorted.filter((point) => point.value !== null),
      {
        x: "year",
        y: "value",
        fill: SERIES,
        stroke: "#ffffff",
        r: 4,
        title: (point: TrendPoint) => `${point.period}: ${formatValue(point.value, decimals, unit)}`,
      },
    ),
  ];
  if (target) {
    const text = `${target.label ?? "Target"}: ${formatValue(target.value, decimals, unit)}`;
    marks.push(
      Plot.dot([target], {
        x: "year",
        y: "value",
        symbol: diamondSymbol,
        r: 7,
        fill: "#ffffff",
        stroke: "#000000",
        strokeWidth: 2,
      }),
    );
    marks.push(
      Plot.text([target], {
        x: "year",
        y: "value",
        text: () => text,
        dy: -14,
        fontWeight: "bold",
        textAnchor: "end",
        stroke: "#ffffff",
        strokeWidth: 3,
        paintOrder: "stroke",
        fill: "#000000",
      }),
    );
  }
  const plot = renderPlot({
    width,
    height: 320,
    marginLeft: 56,
    marginRight: 30,
    x: { ticks, tickFormat: label, label: null, insetLeft: 12, insetRight: 12 },
    y: { grid: true, nice: true, label: unit || null },
    marks,
  });
  const legend: LegendItem[] = [
    {
      label: options.label ?? "Value",
      line: { stroke: SERIES, width: 2.5 },
      marker: { symbol: circleSymbol, fill: SERIES, area: 50 },
    },
  ];
  if (banded.length > 0)
    legend.push({ label: "95% confidence interval", swatch: { fill: "#c8d9ea", stroke: "#c8d9ea" } });
  comparators.forEach((comparator, index) => {
    const style = COMPARATOR_STYLES[index % COMPARATOR_STYLES.length] ?? COMPARATOR_STYLES[0];
    legend.push({ label: comparator.label, line: { stroke: style.stroke, dash: style.dash, width: 1.75 } });
  });
  if (target)
    legend.push({
      label: target.label ?? "Target",
      marker: { symbol: diamondSymbol, fill: "#ffffff", stroke: "#000000", area: 80 },
    });
  if (forecast.length > 0)
    legend.push({ label: "Forecast (with range)", line: { stroke: SERIES, dash: "5,4", width: 2 } });
  return composeChart({
    id: chartId("trend", title, options.id),
    title,
    description: describeTrend(sorted, { ...options, unit, decimals }),
    table: restoreMarkers(trendTable(sorted, { ...options, decimals }), (row) => String(row[1]), markers),
    width,
    showTitle: options.showTitle,
    legend,
    panels: [{ plot }],
  });
}
