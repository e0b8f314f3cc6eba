/**
 * Choropleth map of small areas (or localities, districts) from WGS84 GeoJSON, with the projection fitted
 * to the features. Colour is a threshold scale from a single-hue (or other lightness-ordered) scheme, so
 * classes stay in order in greyscale; the legend is a row of swatches with exact class labels; areas with
 * no value are hatched grey (a pattern, not just a colour). Optional outlines (e.g. localities dissolved
 * from LSOAs with `dissolveBoundaries`) are drawn on top, with optional name labels.
 */
import * as Plot from "@observablehq/plot";
import { chartId } from "./chart-id.ts";
import { describeMap } from "./choropleth-description.ts";
import { composeChart } from "./compose-chart.ts";
import { decimalsFor, formatValue, roundForTable } from "./format-number.ts";
import { largeEnoughToLabel } from "./geo-label-filter.ts";
import { rewindForD3 } from "./geo-rewind.ts";
import type { GeoFeature } from "./geo-types.ts";
import type { LegendItem } from "./legend.ts";
import { classIndex, classLabels, niceThresholds } from "./map-classes.ts";
import { classColours, NO_DATA_FILL, noDataPattern } from "./map-colours.ts";
import { renderPlot } from "./plot-document.ts";
import { drawable, type Markers, noteMarker, restoreMarkers } from "./suppressed-values.ts";
import type { ChartOutput, CommonChartOptions, Polarity } from "./types.ts";

export interface MapProperties {
  code: string;
  name: string;
  value: number | null;
}

export interface ChoroplethOptions extends CommonChartOptions {
  title: string;
  unit?: string;
  /** Class breaks (a value equal to a break goes in the class above); default: about 5 equal nice intervals. */
  thresholds?: number[];
  /**
   * A Plot/d3 colour scheme ordered by lightness: "blues", "purples", "greys", "viridis"… Default "blues", or
   * the multi-hue "ylgnbu" for more than 6 classes (adjacent shades of one hue blur beyond that).
   */
  scheme?: string;
  /** Outlines drawn over the areas, e.g. localities; `properties.name` (or `code`) labels them. */
  outlines?: GeoFeature[];
  /** What the outlines are, for the legend (default "Boundary"). */
  outlineLabel?: string;
  /**
   * Label the outlines (or, without outlines, the areas) with their names: `true` labels those whose extent
   * is at least 1.5% of the map's (smaller ones would overlap their neighbours; the table lists every
   * area), "all" labels every one.
   */
  labels?: boolean | "all";
  /** Height in pixels; the map is fitted inside width × height (default: the height the shape needs). */
  height?: number;
  /** Heading for the legend, e.g. "IMD decile (1 = most deprived)" (default: the unit). */
  legendTitle?: string;
  /** Darkest colour = worst: "high-is-good" darkens low values; otherwise darker means higher. */
  polarity?: Polarity;
}

/** The class column of a suppressed area says so (its value column shows the marker). */
const markerLabel = (value: unknown): string | null =>
  typeof value === "string" && value !== "" ? "Suppressed (small numbers)" : null;

const nameOf = (feature: GeoFeature): string => {
  const properties = feature.properties as { name?: unknown; code?: unknown };
  return String(properties.name ?? properties.code ?? "");
};

export function choropleth(
  features: readonly GeoFeature<MapProperties>[],
  options: ChoroplethOptions,
): ChartOutput {
  const { title, unit = "", outlines = [] } = options;
  const id = chartId("map", title, options.id);
  const width = options.width ?? 600;
  const markers: Markers = new Map();
  const areas = features.map((feature) => {
    noteMarker(markers, feature.properties.code, 2, feature.properties.value);
    noteMarker(markers, feature.properties.code, 3, markerLabel(feature.properties.value));
    return rewindForD3({
      ...feature,
      properties: { ...feature.properties, value: drawable(feature.properties.value) },
    });
  });
  const values = areas
    .map((feature) => feature.properties.value)
    .filter((value): value is number => typeof value === "number" && Number.isFinite(value));
  const decimals = options.decimals ?? decimalsFor(values);
  const thresholds = options.thresholds ?? niceThresholds(values);
  const withValue = areas.filter((feature) => typeof feature.properties.value === "number");
  const withoutValue = areas.filter((feature) => typeof feature.properties.value !== "number");
  const many = areas.length > 100;
  const colours = classColours(
    options.scheme ?? (thresholds.length + 1 > 6 ? "ylgnbu" : "blues"),
    thresholds.length + 1,
    options.polarity === "high-is-good",
  );
  const labelled = options.labels
    ? largeEnoughToLabel<GeoFeature<unknown>>(
        outlines.length > 0 ? outlines : areas,
        options.labels === "all",
      )
    : [];
  const plot = renderPlot({
    width,
    ...(options.height ? { height: options.height } : {}),
    margin: 8,
    projection: {
      type: "mercator",
      ...(areas.length > 0 ? { domain: { type: "FeatureCollection", features: areas } as never } : {}),
    },
    color: { type: "threshold", domain: thresholds, range: colours },
    marks: [
      Plot.geo(withValue, {
        fill: (feature: GeoFeature<MapProperties>) => feature.properties.value,
        stroke: "#ffffff",
        strokeWidth: many ? 0.3 : 0.8,
        title: (feature: GeoFeature<MapProperties>) =>
          `${feature.properties.name}: ${formatValue(feature.properties.value, decimals, unit)}`,
      }),
      Plot.geo(withoutValue, {
        fill: `url(#${id}-no-data)`,
        stroke: "#ffffff",
        strokeWidth: many ? 0.3 : 0.8,
        title: (feature: GeoFeature<MapProperties>) => `${feature.properties.name}: no data`,
      }),
      outlines.length > 0
        ? Plot.geo(outlines, { stroke: "#ffffff", strokeWidth: 3.5, strokeLinejoin: "round" })
        : null,
      outlines.length > 0
        ? Plot.geo(outlines, { stroke: "#000000", strokeWidth: 1.4, strokeLinejoin: "round" })
        : null,
      labelled.length > 0
        ? Plot.text(
            labelled,
            Plot.centroid({
              text: nameOf,
              fill: "#000000",
              stroke: "#ffffff",
              strokeWidth: 3,
              paintOrder: "stroke",
              fontWeight: "bold",
              fontSize: labelled.length > 8 ? 10 : 11,
              lineWidth: 10,
              lineHeight: 1.05,
            }),
          )
        : null,
    ],
  });
  const labels = classLabels(thresholds, values, decimals, unit);
  const legend: LegendItem[] = labels.map((label, index) => ({
    label,
    swatch: { fill: colours[index] ?? NO_DATA_FILL, stroke: "#555555" },
  }));
  if (withoutValue.length > 0)
    legend.push({ label: "No data", swatch: { fill: `url(#${id}-no-data)`, stroke: "#555555" } });
  if (outlines.length > 0)
    legend.push({ label: options.outlineLabel ?? "Boundary", line: { stroke: "#000000", width: 1.4 } });
  return composeChart({
    id,
    title,
    description: describeMap(areas, { unit, decimals, thresholds, labels }),
    table: restoreMarkers(
      {
        columns: ["Code", "Name", unit ? `Value (${unit})` : "Value", "Class"],
        rows: areas.map((feature) => {
          const value = feature.properties.value;
          const inClass =
            typeof value === "number" ? (labels[classIndex(value, thresholds)] ?? null) : "No data";
          return [feature.properties.code, feature.properties.name, roundForTable(value, decimals), inClass];
        }),
      },
      (row) => String(row[0]),
      markers,
    ),
    width,
    showTitle: options.showTitle,
    legend,
    legendTitle: options.legendTitle,
    definitions: [noDataPattern(id)],
    panels: [{ plot }],
  });
}
