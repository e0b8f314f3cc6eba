/**
 * Charts on published rows: a value suppressed by disclosure control arrives as its marker ("*") instead of
 * a number. It is never drawn (the chart is the one drawn for a missing value), the data table shows the
 * marker, and the bar chart says so in words. Also: the bold name of the highlighted bar fits its margin.
 */
import { describe, expect, it } from "vitest";
import {
  barWithIntervals,
  choropleth,
  decileChart,
  spineChart,
  tartanRug,
  trendChart,
} from "../../../notebooks/components/index.ts";
import { estimateTextWidth } from "../../../notebooks/components/text-layout.ts";
import {
  BAR_ROWS,
  DECILE_ROWS,
  GRID_FEATURES,
  RUG_INPUT,
  SPINE_ROWS,
  TREND_OPTIONS,
  TREND_POINTS,
} from "./chart-fixtures.ts";
import { assertWellFormedXml } from "./svg-checks.ts";

const MARKER = "*" as unknown as number;

type Chart = ReturnType<typeof barWithIntervals>;

/** Each chart twice: with the second row's values suppressed, and with them missing. */
const CASES: [string, (value: number | null) => Chart][] = [
  [
    "bar",
    (value) =>
      barWithIntervals(
        BAR_ROWS.map((row, index) => (index === 1 ? { ...row, value, lower: value, upper: value } : row)),
        { title: "t", unit: "%", comparator: { label: "County", value: 18.9 } },
      ),
  ],
  [
    "spine",
    (value) =>
      spineChart(
        SPINE_ROWS.map((row, index) => (index === 1 ? { ...row, value } : row)),
        {},
      ),
  ],
  [
    "tartan rug",
    (value) =>
      tartanRug({
        ...RUG_INPUT,
        cells: RUG_INPUT.cells.map((cell, index) => (index === 1 ? { ...cell, value } : cell)),
      }),
  ],
  [
    "trend",
    (value) =>
      trendChart(
        TREND_POINTS.map((point, index) =>
          index === 1 ? { ...point, value, lower: value, upper: value } : point,
        ),
        TREND_OPTIONS,
      ),
  ],
  [
    "decile",
    (value) =>
      decileChart(
        DECILE_ROWS.map((row, index) => (index === 1 ? { ...row, value, lower: value, upper: value } : row)),
        { title: "d", unit: "%" },
      ),
  ],
  [
    "choropleth",
    (value) =>
      choropleth(
        GRID_FEATURES.map((feature, index) =>
          index === 1 ? { ...feature, properties: { ...feature.properties, value } } : feature,
        ),
        { title: "m", unit: "%", thresholds: [20, 30] },
      ),
  ],
];

describe.each(CASES)("%s with a suppressed value", (name, render) => {
  it("draws exactly what it draws for a missing value, and shows the marker in its table", () => {
    const suppressed = render(MARKER);
    const missing = render(null);
    assertWellFormedXml(suppressed.svg);
    expect(suppressed.svg).not.toMatch(/NaN/);
    const cells = suppressed.table.rows.flat();
    expect(cells.filter((cell) => cell === "*").length, name).toBeGreaterThan(0);
    expect(missing.table.rows.flat()).not.toContain("*");
    if (name !== "bar") expect(suppressed.svg).toBe(missing.svg);
  });
});

describe("the bar chart and suppressed values", () => {
  it("labels a suppressed bar as suppressed, in the chart and its description", () => {
    const chart = CASES[0]![1](MARKER);
    expect(chart.svg).toContain(">suppressed</text>");
    expect(chart.description).toContain(`Suppressed to protect small numbers: ${BAR_ROWS[1]!.name}.`);
    expect(chart.description).not.toContain(`No data for ${BAR_ROWS[1]!.name}`);
  });

  it("leaves out a suppressed comparator", () => {
    const chart = barWithIntervals(BAR_ROWS, { title: "t", comparator: { label: "County", value: MARKER } });
    expect(chart.svg).not.toContain("County:");
    expect(chart.svg).not.toMatch(/NaN/);
  });
});

describe("the highlighted bar's bold name", () => {
  const longest = "Leamington South and Whitnash";
  const rows = [
    { code: "L01", name: longest, value: 24.1, lower: 21.9, upper: 26.4 },
    { code: "L02", name: "Rugby Town", value: 18.2 },
  ];
  /** The x of the axis (value 0): the left margin. */
  const axisAt = (svg: string) => Number(/translate\(([\d.]+),[\d.]+\)" y="0.71em">0</.exec(svg)?.[1]);

  it("fits between the SVG's left edge and the axis, measured in bold", () => {
    const margin = axisAt(barWithIntervals(rows, { title: "t", highlight: "L01" }).svg);
    // The name ends 8px left of the axis; it needs its bold width and a little room before the edge.
    expect(margin - 8).toBeGreaterThanOrEqual(estimateTextWidth(longest, 12, true) + 4);
  });

  it("widens the margin only as much as bold needs", () => {
    const regular = axisAt(barWithIntervals(rows, { title: "t" }).svg);
    const bold = axisAt(barWithIntervals(rows, { title: "t", highlight: "L01" }).svg);
    expect(bold).toBeGreaterThan(regular);
    expect(bold - regular).toBeLessThan(estimateTextWidth(longest, 12) * 0.15);
  });
});
