/**
 * Chart components for the dashboards: pure functions from plain arrays to a `ChartOutput` (self-contained
 * SVG rendered by Observable Plot on the server, a plain-language description and a data table), plus the
 * benchmark palette and the boundary dissolve for locality and district outlines. No I/O: the page renderer
 * queries the warehouse and passes rows in.
 */
export {
  type AllocationComparisonOptions,
  type AllocationRow,
  allocationComparison,
} from "./allocation-comparison.ts";
export { type BarRow, type BarWithIntervalsOptions, barWithIntervals } from "./bar-with-intervals.ts";
export {
  BENCHMARK_COLOURS,
  BENCHMARK_INK,
  BENCHMARK_ORDER,
  BENCHMARK_SYMBOLS,
  benchmarkPhrase,
} from "./benchmark-colours.ts";
export { type ChoroplethOptions, choropleth, type MapProperties } from "./choropleth.ts";
export { type DecileChartOptions, type DecileRow, decileChart, type SiiFit } from "./decile-chart.ts";
export { dissolveBoundaries } from "./dissolve-boundaries.ts";
export { escapeXml } from "./escape-xml.ts";
export { decimalsFor, formatNumber, formatValue } from "./format-number.ts";
export type { GeoFeature, GeoGeometry, Position } from "./geo-types.ts";
export { classLabels, niceThresholds } from "./map-classes.ts";
export { classColours } from "./map-colours.ts";
export { plotWarnings } from "./plot-document.ts";
export { type PopulationPyramidOptions, type PyramidRow, populationPyramid } from "./population-pyramid.ts";
export { type SpineChartOptions, type SpineRow, spineChart } from "./spine-chart.ts";
export { type RugInput, type TartanRugOptions, tartanRug } from "./tartan-rug.ts";
export {
  type TrendChartOptions,
  type TrendComparator,
  type TrendForecastPoint,
  type TrendPoint,
  trendChart,
} from "./trend-chart.ts";
export type { BenchmarkLabel, ChartOutput, CommonChartOptions, DataTable, Polarity } from "./types.ts";
