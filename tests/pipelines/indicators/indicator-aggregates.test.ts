import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicatorIntervals, wilsonInterval } from "../../../models/statistics/index.ts";
import { IOD2019_SUPPRESSED_NUMERATOR } from "../../../pipelines/derive/indicators/derived-rates.ts";
import { intervalColumns } from "../../../pipelines/derive/indicators/interval-columns.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { COUNTS, openIndicatorFixture, runIndicatorSteps } from "./fixture-warehouse.ts";

interface ValueRow {
  indicator: string;
  area_code: string;
  area_type: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  method: string | null;
  source: string;
  small_areas: number | null;
  imputed_small_areas: number | null;
  published_comparison: string | null;
  note: string | null;
}

const valueRows = (warehouse: Warehouse) =>
  warehouse.rows<ValueRow & Record<string, unknown>>(
    "SELECT * FROM indicator_value ORDER BY indicator, area_type, area_code, period",
  );

describe("indicator aggregates step", () => {
  let warehouse: Warehouse;
  let rows: ValueRow[];
  const find = (indicator: string, area: string, period?: string) =>
    rows.find((r) => r.indicator === indicator && r.area_code === area && (!period || r.period === period));

  beforeAll(async () => {
    warehouse = await openIndicatorFixture();
    await runIndicatorSteps(warehouse);
    rows = await valueRows(warehouse);
  });
  afterAll(() => warehouse.close());

  it("sums numerators and denominators (never averages percentages), a split LSOA at weight 0.5", () => {
    const { A, B, C, D } = COUNTS as Required<typeof COUNTS>;
    const northtown = find("test-proportion", "L01")!;
    expect(northtown.numerator).toBe(A!.count + B!.count + 0.5 * C!.count);
    expect(northtown.denominator).toBe(A!.total + B!.total + 0.5 * C!.total);
    expect(northtown.value).toBeCloseTo((190 / 1050) * 100, 12);
    const southvale = find("test-proportion", "L02")!;
    expect([southvale.numerator, southvale.denominator]).toEqual([
      0.5 * C!.count + D!.count,
      0.5 * C!.total + D!.total,
    ]);
    const county = find("test-proportion", "E10000001")!;
    expect([county.numerator, county.denominator]).toEqual([370, 1650]);
    expect(find("test-proportion", "E92000001")!.numerator).toBe(390);
    expect(find("test-proportion", "E07000003")!.small_areas).toBe(1);
    expect(northtown.source).toBe("aggregated from lsoa11");
    expect(find("test-proportion", "A")!.source).toBe("fixture");
  });

  it("keeps wards and LSOAs of the home county only, districts and counties nationally", () => {
    expect(find("test-proportion", "W4")).toBeUndefined();
    expect(find("test-proportion", "E")).toBeUndefined();
    expect(find("test-proportion", "W1")).toBeDefined();
    expect(find("test-proportion", "E10000002")).toBeDefined();
  });

  it("gives the models' Wilson limits at 95% and 99.8%", () => {
    for (const row of rows.filter((r) => r.indicator === "test-proportion")) {
      const expected = indicatorIntervals(row.numerator!, row.denominator!, {
        valueType: "proportion",
        multiplier: 100,
      });
      expect(row.method).toBe("wilson");
      expect([row.value, row.lower95, row.upper95, row.lower998, row.upper998]).toEqual([
        expected.value,
        expected.lower95,
        expected.upper95,
        expected.lower998,
        expected.upper998,
      ]);
    }
    const county = find("test-proportion", "E10000001")!;
    expect(county.lower95).toBeCloseTo(wilsonInterval(370, 1650, { multiplier: 100 }).lower!, 12);
  });

  it("derives the income deprivation rate from the numerator and the mid-2015 population, imputing suppressed numerators", () => {
    const northtown = find("iod2019-income-deprivation-rate", "L01")!;
    expect(northtown.numerator).toBe(300 + 100 + 0.5 * IOD2019_SUPPRESSED_NUMERATOR);
    expect(northtown.denominator).toBe(1500 + 1600 + 0.5 * 1400);
    expect(northtown.imputed_small_areas).toBe(1);
    expect(northtown.note).toMatch(/1 of 3 small-area numerators were suppressed/);
    expect(find("iod2019-income-deprivation-rate", "L02")!.imputed_small_areas).toBe(1);
    expect(find("iod2019-income-deprivation-rate", "E07000002")!.imputed_small_areas).toBe(0);
  });

  it("registers the derived rates in the catalogue", async () => {
    const indicator = await warehouse.rows<{ value_type: string; multiplier: number; polarity: string }>(
      "SELECT value_type, multiplier, polarity FROM indicator WHERE id = 'iod2019-income-deprivation-rate'",
    );
    expect(indicator).toEqual([{ value_type: "percentage", multiplier: 100, polarity: "low-is-good" }]);
  });

  it("keeps published district and England values with null limits and a note saying why", () => {
    const north = find("test-published", "E07000001")!;
    expect([north.value, north.lower95, north.method, north.published_comparison]).toEqual([
      30,
      null,
      null,
      "Worse",
    ]);
    expect(north.note).toMatch(/no confidence interval/);
    const series = find("test-series", "E07000001", "2014")!;
    expect([series.value, series.lower95, series.method]).toEqual([500, 450, "published"]);
  });

  it("does not depend on the order of the observation rows", async () => {
    const reversed = await openIndicatorFixture("reversed");
    try {
      await runIndicatorSteps(reversed);
      expect(await valueRows(reversed)).toEqual(rows);
    } finally {
      reversed.close();
    }
  });
});

describe("intervalColumns", () => {
  it("names a row the models reject instead of throwing, and leaves its value empty", () => {
    const result = intervalColumns({
      numerator: [5, 12, null],
      denominator: [10, 10, 10],
      valueType: ["proportion", "proportion", "proportion"],
      multiplier: [100, 100, 100],
      label: (i) => `row ${i + 1}`,
    });
    expect(result.value[0]).toBe(50);
    expect(Number.isNaN(result.value[1]!)).toBe(true);
    expect(result.note[1]).toMatch(/^row 2: wilsonInterval: count 12 is greater than denominator 10/);
    expect(result.invalidRows).toBe(1);
    expect(result.note[2]).toBe("no numerator or denominator");
  });

  it("gives rates Byar's limits from 10 events and exact limits below", () => {
    const result = intervalColumns({
      numerator: [3, 50],
      denominator: [10_000, 10_000],
      valueType: ["rate", "rate"],
      multiplier: [100_000, 100_000],
      label: String,
    });
    expect(result.method).toEqual(["exact", "byar"]);
    expect(result.lower95[0]).toBeCloseTo(6.186721, 5);
  });
});

describe("running the indicator steps again", () => {
  it("replaces their tables and views in place with the same rows", async () => {
    const warehouse = await openIndicatorFixture();
    try {
      await runIndicatorSteps(warehouse);
      const first = await valueRows(warehouse);
      await runIndicatorSteps(warehouse);
      expect(await valueRows(warehouse)).toEqual(first);
    } finally {
      warehouse.close();
    }
  });
});
