/**
 * Charts never fail on thin data: empty inputs, every value missing, a single area. A page for a place
 * with no data still gets a valid SVG whose description says so (an explicit "no data", never a crash or a
 * silent blank).
 */
import { describe, expect, it } from "vitest";
import * as Components from "../../../notebooks/components/index.ts";
import { assertWellFormedXml } from "./svg-checks.ts";

const square = {
  type: "Polygon" as const,
  coordinates: [
    [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ],
  ],
};

const CASES: [string, () => Components.ChartOutput, string][] = [
  ["bar, empty", () => Components.barWithIntervals([], { title: "t" }), "No area has a value."],
  [
    "bar, one area",
    () => Components.barWithIntervals([{ code: "a", name: "A", value: 4 }], { title: "t" }),
    "A has a value of 4.",
  ],
  [
    "spine, empty",
    () => Components.spineChart([], { areaName: "Rugby" }),
    "No indicators to show for Rugby.",
  ],
  [
    "rug, empty",
    () => Components.tartanRug({ areas: [], indicators: [], cells: [] }),
    "0 indicators for 0 areas",
  ],
  [
    "trend, all missing",
    () => Components.trendChart([{ period: "2020", year: 2020, value: null }], { title: "t" }),
    "There are no values to show.",
  ],
  [
    "decile, all missing",
    () =>
      Components.decileChart(
        [
          { decile: 1, value: null },
          { decile: 10, value: null },
        ],
        { title: "t" },
      ),
    "No decile has a value.",
  ],
  ["map, empty", () => Components.choropleth([], { title: "t" }), "Map of 0 areas."],
  [
    "map, no values",
    () =>
      Components.choropleth(
        [{ type: "Feature", properties: { code: "a", name: "A", value: null }, geometry: square }],
        { title: "t" },
      ),
    "1 area has no data.",
  ],
  [
    "allocation, empty",
    () => Components.allocationComparison([], { title: "t" }),
    "There are no allocations to compare.",
  ],
  [
    "pyramid, empty",
    () => Components.populationPyramid([], { title: "t" }),
    "There is no population to show.",
  ],
];

describe.each(CASES)("%s", (_name, render, expected) => {
  it("renders valid SVG and says what is missing", () => {
    const chart = render();
    assertWellFormedXml(chart.svg);
    expect(chart.description).toContain(expected);
  });
});
