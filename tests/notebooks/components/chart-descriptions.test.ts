/**
 * The text alternatives carry the chart's message: descriptions name the right areas and values, and
 * tables hold the plotted numbers (rounded as shown) in the order drawn.
 */
import { describe, expect, it } from "vitest";
import { CHART_CASES } from "./chart-cases.ts";

const render = (name: string) => {
  const chart = CHART_CASES[name];
  if (!chart) throw new Error(`no chart case ${name}`);
  return chart();
};

describe("bar with intervals", () => {
  const chart = render("bar-with-intervals");
  it("describes the extremes, the ratio, the comparison, the highlighted area and the gaps", () => {
    expect(chart.description).toContain("Nuneaton East has the highest value, 24.1%");
    expect(chart.description).toContain("Kenilworth the lowest, 13.4%");
    expect(chart.description).toContain("1.8 times the lowest");
    expect(chart.description).toContain(
      "Warwickshire is 18.9%; compared with it, 1 area better, 1 similar, 1 worse and 1 not compared",
    );
    expect(chart.description).toContain("Kenilworth is 13.4%, 4th highest of 4 (better than Warwickshire)");
    expect(chart.description).toContain("No data for Southam and the East");
  });
  it("tabulates the rows sorted by value with missing values last", () => {
    expect(chart.table.columns).toEqual([
      "Area",
      "Code",
      "Value (%)",
      "Lower 95% limit",
      "Upper 95% limit",
      "Compared with Warwickshire",
    ]);
    expect(chart.table.rows.map((row) => row[0])).toEqual([
      "Nuneaton East",
      "Bedworth West",
      "Rugby Town",
      "Kenilworth",
      "Southam and the East",
    ]);
    expect(chart.table.rows[0]).toEqual(["Nuneaton East", "L01", 24.1, 21.9, 26.4, "worse"]);
    expect(chart.table.rows[4]).toEqual(["Southam and the East", "L04", null, null, null, null]);
  });
});

describe("spine chart", () => {
  const chart = render("spine-chart");
  it("counts benchmarks and lists the indicators worse than England with both values", () => {
    expect(chart.title).toBe("Nuneaton East compared with England");
    expect(chart.description).toContain(
      "on 5 indicators: 1 better, 1 similar, 1 worse, 1 higher and 1 not compared",
    );
    expect(chart.description).toContain(
      "Worse than England: Children in low income families (under 16s) (24.1% against 17.0%)",
    );
  });
  it("tabulates each indicator with its spine statistics", () => {
    expect(chart.table.rows[2]).toEqual([
      "Admission episodes for alcohol-related conditions",
      "per 100,000",
      412.5,
      455,
      494,
      320.4,
      401,
      520,
      702.1,
      "better",
      "low-is-good",
    ]);
  });
});

describe("tartan rug", () => {
  const chart = render("tartan-rug");
  it("names the areas and indicator that stand out", () => {
    expect(chart.description).toContain("2 indicators for 3 areas");
    expect(chart.description).toContain(
      "Nuneaton East is worse than England on the most indicators (2 of 2)",
    );
    expect(chart.description).toContain("Kenilworth is better than England on the most indicators (2 of 2)");
    expect(chart.description).toContain("1 cell has no value");
  });
  it("fills missing cells as 'not compared' with no value", () => {
    expect(chart.table.rows).toContainEqual([
      "Free from dental decay, age 5",
      "Rugby Town",
      "L03",
      null,
      "not compared",
    ]);
    expect(chart.table.rows).toHaveLength(6);
  });
});

describe("trend chart", () => {
  const chart = render("trend-chart");
  it("gives the change in percentage points, the comparator, the target and the forecast verdict", () => {
    expect(chart.description).toContain("from 22.0% in 2015/16 to 17.6% in 2019/20 (-4.4 percentage points)");
    expect(chart.description).toContain("Warwickshire: 13.0% in 2019/20");
    expect(chart.description).toContain(
      "LAA target: 16.0% by 2022, -1.6 percentage points from the latest value",
    );
    expect(chart.description).toContain(
      "Forecast for 2022: 15.6% (range 14.0% to 17.2%), which would meet the target",
    );
  });
  it("has a row per year with every series", () => {
    expect(chart.table.columns).toContain("Warwickshire");
    expect(chart.table.rows.map((row) => row[1])).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2022]);
    expect(chart.table.rows[2]).toEqual(["2017/18", 2017, null, null, null, 14, null, null, null, null]);
    expect(chart.table.rows[6]).toEqual(["2022", 2022, null, null, null, null, 15.6, 14, 17.2, 16]);
  });
});

describe("decile chart", () => {
  const chart = render("decile-chart");
  it("describes both ends and the SII in words", () => {
    expect(chart.description).toContain(
      "31.2% in decile 1 (most deprived) and 10.8% in decile 10 (least deprived)",
    );
    expect(chart.description).toContain(
      "slope index of inequality is -22.4 percentage points (95% CI -24.9 to -19.8)",
    );
    expect(chart.description).toContain("higher in more deprived areas");
    expect(chart.description).toContain("statistically significant");
    expect(chart.description).toContain("No data for decile 5");
  });
  it("places deciles on the relative rank by population share", () => {
    const first = chart.table.rows[0];
    expect(first?.[0]).toBe(1);
    expect(first?.[5]).toBeCloseTo(10_000 / 2 / 122_500, 3);
  });
});

describe("choropleth", () => {
  const chart = render("choropleth");
  it("describes the extremes, the top class and the missing area", () => {
    expect(chart.description).toBe(
      "Map of 4 areas. The highest value is 41.0% in Area C; the lowest is 12.0% in Area A. 1 area is in the top class (30.0% and over). 1 area has no data.",
    );
  });
  it("tabulates each area with its class", () => {
    expect(chart.table.rows).toEqual([
      ["A", "Area A", 12, "Under 20.0%"],
      ["B", "Area B", 27.5, "20.0% to under 30.0%"],
      ["C", "Area C", 41, "30.0% and over"],
      ["D", "Area D", null, "No data"],
    ]);
  });
});

describe("allocation comparison", () => {
  const chart = render("allocation-comparison");
  it("names the biggest gainer and loser against the baseline", () => {
    expect(chart.description).toContain("2008/09 actual (baseline) allocates £800,000 between 5 recipients");
    expect(chart.description).toContain(
      "By income need allocates £800,000; Warwick gains most (+£42,000); Nuneaton and Bedworth loses most (-£88,000)",
    );
  });
  it("orders recipients by baseline amount and includes the change", () => {
    expect(chart.table.rows[0]).toEqual(["Nuneaton and Bedworth", "E07000219", 400_000, 312_000, -88_000]);
  });
});

describe("population pyramid", () => {
  const chart = render("population-pyramid");
  it("gives the total, the split by sex and the age shares against the comparator", () => {
    expect(chart.description).toContain(
      "Kenilworth totals 28,600: 14,000 male (49.0%) and 14,600 female (51.0%)",
    );
    expect(chart.description).toContain("The largest age band is 16-64 (63.3%)");
    expect(chart.description).toContain("20.6% are aged under 16 (England: 18.9%)");
    expect(chart.description).toContain("16.1% are aged 65 and over (England: 18.9%)");
  });
  it("orders age bands by age", () => {
    expect(chart.table.rows.map((row) => row[0])).toEqual(["0-15", "16-64", "65+"]);
  });
});
