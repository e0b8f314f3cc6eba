import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchmark, type Polarity } from "../../../models/statistics/index.ts";
import { aggregateToAreas, benchmarkAreas } from "../../../pipelines/derive/national/index.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { DISTRICTS, ENGLAND, openNationalFixture } from "./national-fixture.ts";

type BenchmarkRow = {
  indicator: string;
  area_code: string;
  area_type: string;
  period: string;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  comparator_code: string | null;
  comparator_value: number | null;
  polarity: Polarity;
  benchmark: string;
};

describe("benchmarkAreas", () => {
  let warehouse: Warehouse;
  let rows: BenchmarkRow[];
  beforeAll(async () => {
    warehouse = await openNationalFixture();
    await aggregateToAreas(warehouse);
    const count = await benchmarkAreas(warehouse);
    rows = await warehouse.rows<BenchmarkRow>("SELECT * FROM national_benchmark");
    expect(rows).toHaveLength(count);
  });
  afterAll(() => warehouse.close());

  it("labels every district and county as the benchmark model does, against England's value", async () => {
    const england = await warehouse.rows<{ indicator: string; period: string; value: number | null }>(
      `SELECT indicator, period, value FROM national_aggregate WHERE area_code = '${ENGLAND}'`,
    );
    for (const row of rows) {
      const comparator = england.find((e) => e.indicator === row.indicator && e.period === row.period)!;
      expect(row.comparator_value).toBe(comparator.value);
      expect(row.benchmark).toBe(benchmark(row, comparator.value, row.polarity));
    }
  });

  it("uses the polarity: better/worse for good and bad directions, lower/higher without one", () => {
    const labels = (indicator: string) =>
      new Set(rows.filter((r) => r.indicator === indicator).map((r) => r.benchmark));
    for (const label of labels("test-percentage")) expect(["better", "similar", "worse"]).toContain(label);
    for (const label of labels("test-proportion")) expect(["better", "similar", "worse"]).toContain(label);
    expect(labels("test-percentage").has("worse") || labels("test-percentage").has("better")).toBe(true);
    const noPolarity = [...labels("test-no-polarity")];
    expect(noPolarity.some((l) => l === "lower" || l === "higher")).toBe(true);
    expect(noPolarity.every((l) => ["lower", "similar", "higher", "not compared"].includes(l))).toBe(true);
  });

  it("says 'not compared' (never 'similar') when a value or England's value is missing", () => {
    const missing = rows.filter((r) => r.indicator === "test-no-polarity" && r.period === "2018");
    expect(missing.length).toBeGreaterThan(0);
    for (const row of missing) expect(row.benchmark).toBe("not compared");
  });

  it("compares only areas inside the comparator (no Welsh district against England)", () => {
    expect(rows.some((r) => r.area_code === DISTRICTS.wales)).toBe(false);
    expect(new Set(rows.map((r) => r.area_type))).toEqual(new Set(["district", "county"]));
  });
});
