/**
 * Every value from data is escaped: an area, indicator or scenario named `<script>alert(1)</script>` (and
 * names with quotes and ampersands) appears in the SVG as text, never as markup, and the SVG stays
 * well-formed XML. Covers text drawn by Plot, tooltips, legends, titles and descriptions.
 */
import { describe, expect, it } from "vitest";
import {
  allocationComparison,
  barWithIntervals,
  type ChartOutput,
  choropleth,
  decileChart,
  escapeXml,
  populationPyramid,
  spineChart,
  tartanRug,
  trendChart,
} from "../../../notebooks/components/index.ts";
import {
  ALLOCATION_ROWS,
  BAR_ROWS,
  DECILE_ROWS,
  GRID_FEATURES,
  PYRAMID_ROWS,
  RUG_INPUT,
  SPINE_ROWS,
  TREND_OPTIONS,
  TREND_POINTS,
} from "./chart-fixtures.ts";
import { assertWellFormedXml } from "./svg-checks.ts";

const EVIL = "<script>alert(1)</script>";
const QUOTED = `Bob's "Best" & <b>Co</b>`;

const CASES: Record<string, () => ChartOutput> = {
  bar: () =>
    barWithIntervals(
      BAR_ROWS.map((row, index) => ({ ...row, name: index === 0 ? EVIL : index === 1 ? QUOTED : row.name })),
      { title: `Title ${EVIL}`, comparator: { label: QUOTED, value: 18 }, unit: EVIL },
    ),
  spine: () =>
    spineChart(
      SPINE_ROWS.map((row, index) => ({
        ...row,
        name: index === 0 ? EVIL : row.name,
        unit: index === 2 ? QUOTED : row.unit,
      })),
      { areaName: EVIL, countyLabel: QUOTED },
    ),
  rug: () =>
    tartanRug(
      {
        ...RUG_INPUT,
        areas: RUG_INPUT.areas.map((area, index) => ({ ...area, name: index === 0 ? EVIL : area.name })),
        indicators: RUG_INPUT.indicators.map((indicator) => ({ ...indicator, name: QUOTED })),
      },
      { comparator: EVIL },
    ),
  trend: () =>
    trendChart(
      TREND_POINTS.map((point, index) => ({ ...point, period: index === 0 ? EVIL : point.period })),
      {
        ...TREND_OPTIONS,
        label: EVIL,
        comparators: TREND_OPTIONS.comparators.map((comparator) => ({ ...comparator, label: QUOTED })),
        target: { ...TREND_OPTIONS.target, label: EVIL },
      },
    ),
  decile: () => decileChart(DECILE_ROWS, { title: EVIL, unit: QUOTED, axisLabel: EVIL }),
  map: () =>
    choropleth(
      GRID_FEATURES.map((feature, index) => ({
        ...feature,
        properties: { ...feature.properties, name: index === 0 ? EVIL : QUOTED },
      })),
      {
        title: EVIL,
        unit: QUOTED,
        labels: "all",
        legendTitle: EVIL,
        outlineLabel: EVIL,
        outlines: [{ ...GRID_FEATURES[0], properties: { code: "X", name: EVIL } } as never],
      },
    ),
  allocation: () =>
    allocationComparison(
      ALLOCATION_ROWS.map((row, index) => ({
        ...row,
        name: index < 2 ? EVIL : row.name,
        scenario: row.scenario === "By income need" ? QUOTED : row.scenario,
      })),
      { title: EVIL },
    ),
  pyramid: () =>
    populationPyramid(
      PYRAMID_ROWS.map((row, index) => ({ ...row, age: index < 2 ? EVIL : row.age })),
      { title: EVIL, label: QUOTED, comparator: { label: EVIL, rows: PYRAMID_ROWS } },
    ),
};

describe.each(Object.entries(CASES))("%s chart with hostile names", (_name, render) => {
  it("shows them as text and stays well-formed", () => {
    const chart = render();
    expect(chart.svg).not.toContain("<script");
    expect(chart.svg).not.toContain("<b>");
    expect(chart.svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertWellFormedXml(chart.svg);
  });

  it("keeps the raw names in the plain-text description and table (the page escapes them when it writes HTML)", () => {
    const chart = render();
    const plain = `${chart.title} ${chart.description} ${JSON.stringify(chart.table)}`;
    expect(plain.includes(EVIL) || plain.includes(QUOTED)).toBe(true);
  });
});

describe("escapeXml", () => {
  it("escapes the five XML specials and drops characters XML forbids", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0001`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
    );
  });
});
