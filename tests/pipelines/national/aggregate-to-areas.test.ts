import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wilsonInterval } from "../../../models/statistics/index.ts";
import { aggregateToAreas } from "../../../pipelines/derive/national/index.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import {
  COUNTY,
  DISTRICTS,
  ENGLAND,
  fixtureLsoas,
  fixtureObservations,
  openNationalFixture,
  SPLIT_LSOA,
} from "./national-fixture.ts";

type AggregateRow = {
  indicator: string;
  area_code: string;
  area_type: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  small_areas: number;
};

const MULTIPLIER: Record<string, number> = {
  "test-percentage": 100,
  "test-proportion": 1,
  "test-no-polarity": 1,
};

/** Σ numerator·weight and Σ denominator·weight over the fixture's links, computed independently. */
function expectedSums(indicator: string, period: string, area: string) {
  const weightOf = (lsoa: (typeof lsoas)[number]): number => {
    if (area === ENGLAND) return lsoa.code.startsWith("E") ? 1 : 0;
    if (area === "W92000004") return lsoa.code.startsWith("W") ? 1 : 0;
    if (area === COUNTY)
      return lsoa.district === DISTRICTS.north || lsoa.district === DISTRICTS.south ? 1 : 0;
    if (lsoa.code === SPLIT_LSOA) return area === DISTRICTS.north || area === DISTRICTS.south ? 0.5 : 0;
    return lsoa.district === area ? 1 : 0;
  };
  const lsoas = fixtureLsoas();
  let numerator: number | null = 0;
  let denominator = 0;
  for (const o of fixtureObservations().filter((r) => r.indicator === indicator && r.period === period)) {
    const weight = weightOf(lsoas.find((l) => l.code === o.lsoa)!);
    if (weight === 0) continue;
    numerator = o.numerator === null || numerator === null ? null : numerator + o.numerator * weight;
    denominator += o.denominator * weight;
  }
  return { numerator, denominator };
}

describe("aggregateToAreas", () => {
  let warehouse: Warehouse;
  let rows: AggregateRow[];
  beforeAll(async () => {
    warehouse = await openNationalFixture();
    const summary = await aggregateToAreas(warehouse);
    expect(summary.invalidRows).toBe(0);
    rows = await warehouse.rows<AggregateRow>("SELECT * FROM national_aggregate");
    expect(rows).toHaveLength(summary.rows);
  });
  afterAll(() => warehouse.close());

  it("sums counts through area_link (apportioned weights) and adds the Wilson model's 95% limits", () => {
    let checked = 0;
    for (const row of rows) {
      checked++;
      const expected = expectedSums(row.indicator, row.period, row.area_code);
      if (expected.numerator === null) continue;
      expect(row.numerator).toBeCloseTo(expected.numerator, 9);
      expect(row.denominator).toBeCloseTo(expected.denominator, 9);
      const interval = wilsonInterval(row.numerator!, row.denominator!, {
        multiplier: MULTIPLIER[row.indicator]!,
      });
      expect(row.value).toBe(interval.value);
      expect(row.lower95).toBe(interval.lower);
      expect(row.upper95).toBe(interval.upper);
      expect(row.lower95!).toBeLessThan(row.value!);
      expect(row.upper95!).toBeGreaterThan(row.value!);
    }
    expect(checked).toBe(rows.length);
  });

  it("covers every district, the county and each country, for proportions with counts only", () => {
    const areas = new Set(rows.map((r) => `${r.area_type} ${r.area_code}`));
    expect([...areas].sort()).toEqual(
      [
        `country ${ENGLAND}`,
        "country W92000004",
        `county ${COUNTY}`,
        ...Object.values(DISTRICTS).map((d) => `district ${d}`),
      ].sort(),
    );
    expect(new Set(rows.map((r) => r.indicator))).toEqual(
      new Set(["test-percentage", "test-proportion", "test-no-polarity"]),
    );
    const north = rows.find((r) => r.area_code === DISTRICTS.north && r.indicator === "test-percentage");
    expect(north?.small_areas).toBe(11);
  });

  it("leaves an aggregate empty when a small area has no count, instead of a short sum", () => {
    const missing = rows.filter((r) => r.indicator === "test-no-polarity" && r.period === "2018");
    const affected = missing.filter((r) => r.numerator === null).map((r) => r.area_code);
    expect(affected.sort()).toEqual([COUNTY, DISTRICTS.north, ENGLAND].sort());
    for (const row of missing.filter((r) => r.numerator === null)) {
      expect([row.value, row.lower95, row.upper95]).toEqual([null, null, null]);
    }
  });

  it("aggregates to the levels asked for", async () => {
    const summary = await aggregateToAreas(warehouse, {
      levels: ["county"],
      indicators: ["test-proportion"],
    });
    expect(summary.rows).toBe(2);
    expect(await warehouse.rows("SELECT DISTINCT area_code FROM national_aggregate")).toEqual([
      { area_code: COUNTY },
    ]);
    await aggregateToAreas(warehouse);
  });
});
