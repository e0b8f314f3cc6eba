/** Every chart component called once on its fixture: the cases the golden and accessibility tests loop over. */
import {
  allocationComparison,
  barWithIntervals,
  type ChartOutput,
  choropleth,
  decileChart,
  dissolveBoundaries,
  populationPyramid,
  spineChart,
  tartanRug,
  trendChart,
} from "../../../notebooks/components/index.ts";
import {
  ALLOCATION_ROWS,
  BAR_ROWS,
  DECILE_ROWS,
  DECILE_SII,
  GRID_FEATURES,
  PYRAMID_COMPARATOR,
  PYRAMID_ROWS,
  RUG_INPUT,
  SPINE_ROWS,
  TREND_OPTIONS,
  TREND_POINTS,
} from "./chart-fixtures.ts";

export const CHART_CASES: Record<string, () => ChartOutput> = {
  "bar-with-intervals": () =>
    barWithIntervals(BAR_ROWS, {
      title: "Children in low income families",
      unit: "%",
      comparator: { label: "Warwickshire", value: 18.9 },
      highlight: "L02",
    }),
  "spine-chart": () => spineChart(SPINE_ROWS, { areaName: "Nuneaton East", countyLabel: "Warwickshire" }),
  "tartan-rug": () => tartanRug(RUG_INPUT, { comparator: "England" }),
  "trend-chart": () => trendChart(TREND_POINTS, TREND_OPTIONS),
  "decile-chart": () =>
    decileChart(DECILE_ROWS, {
      title: "Children in low income families by IMD decile",
      unit: "%",
      sii: DECILE_SII,
    }),
  choropleth: () =>
    choropleth(GRID_FEATURES, {
      title: "Children in low income families by area",
      unit: "%",
      thresholds: [20, 30],
      outlines: dissolveBoundaries(GRID_FEATURES, (code) => (code === "A" || code === "C" ? "West" : "East")),
      outlineLabel: "Locality",
      labels: "all",
      width: 320,
    }),
  "allocation-comparison": () =>
    allocationComparison(ALLOCATION_ROWS, { title: "Area Based Grant by district" }),
  "population-pyramid": () =>
    populationPyramid(PYRAMID_ROWS, {
      title: "Population by age and sex",
      label: "Kenilworth",
      comparator: { label: "England", rows: PYRAMID_COMPARATOR },
    }),
};
