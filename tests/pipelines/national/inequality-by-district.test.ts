import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slopeIndexOfInequality, wilsonInterval } from "../../../models/statistics/index.ts";
import { inequalityByDistrict, nationalStatisticsStep } from "../../../pipelines/derive/national/index.ts";
import { silentReporter } from "../../../pipelines/util/reporter.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import {
  DISTRICTS,
  fixtureLsoas,
  fixtureObservations,
  openNationalFixture,
  SPLIT_LSOA,
} from "./national-fixture.ts";

type Row = Record<string, number | string | null>;
const MULTIPLIER: Record<string, number> = {
  "test-percentage": 100,
  "test-proportion": 1,
  "test-no-polarity": 1,
};

/** The deciles of one district for one indicator at 2019, summed independently of the SQL. */
function decileGroups(district: string, indicator: string) {
  const lsoas = fixtureLsoas();
  const byDecile = new Map<number, { numerator: number; denominator: number }>();
  for (const o of fixtureObservations().filter((r) => r.indicator === indicator && r.period === "2019")) {
    const lsoa = lsoas.find((l) => l.code === o.lsoa)!;
    const weight =
      o.lsoa === SPLIT_LSOA
        ? district === DISTRICTS.north || district === DISTRICTS.south
          ? 0.5
          : 0
        : lsoa.district === district
          ? 1
          : 0;
    if (weight === 0 || o.numerator === null) continue;
    const group = byDecile.get(lsoa.decile) ?? { numerator: 0, denominator: 0 };
    group.numerator += o.numerator * weight;
    group.denominator += o.denominator * weight;
    byDecile.set(lsoa.decile, group);
  }
  return [...byDecile.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, g]) => {
      const interval = wilsonInterval(g.numerator, g.denominator);
      return {
        population: g.denominator,
        value: interval.value,
        lower: interval.lower,
        upper: interval.upper,
      };
    });
}

describe("inequalityByDistrict", () => {
  let warehouse: Warehouse;
  let rows: Row[];
  beforeAll(async () => {
    warehouse = await openNationalFixture();
    expect(await inequalityByDistrict(warehouse, { simulations: 1000, workers: 1 })).toBe(9);
    rows = await warehouse.rows("SELECT * FROM national_inequality ORDER BY district, indicator");
  });
  afterAll(() => warehouse.close());

  it("fits the SII model to each English district's IMD deciles at the latest period", () => {
    expect(new Set(rows.map((r) => r.district))).toEqual(
      new Set([DISTRICTS.north, DISTRICTS.south, DISTRICTS.unitary]),
    );
    for (const row of rows) {
      expect(row.period).toBe("2019");
      const groups = decileGroups(row.district as string, row.indicator as string);
      expect(row.deciles).toBe(groups.length);
      const model = slopeIndexOfInequality(groups, {
        valueType: "proportion",
        simulations: 1000,
        seed: 2019,
        multiplier: MULTIPLIER[row.indicator as string]!,
      });
      expect(row.sii).toBeCloseTo(model.sii!, 10);
      expect(row.rii).toBeCloseTo(model.rii!, 10);
      expect(row.lower_sii).toBeCloseTo(model.lowerSii!, 10);
      expect(row.upper_sii).toBeCloseTo(model.upperSii!, 10);
      expect(row.lower_rii).toBeCloseTo(model.lowerRii!, 10);
      expect(row.upper_rii).toBeCloseTo(model.upperRii!, 10);
      expect([row.seed, row.simulations, row.note]).toEqual([2019, 1000, null]);
    }
  });

  it("gives values falling towards the least deprived a negative SII (fixture gradient)", () => {
    for (const row of rows) expect(row.sii as number).toBeLessThan(0);
  });

  it("gives the same table on two worker threads", async () => {
    await inequalityByDistrict(warehouse, { simulations: 1000, workers: 2 });
    expect(await warehouse.rows("SELECT * FROM national_inequality ORDER BY district, indicator")).toEqual(
      rows,
    );
  });

  it("runs all three as the derive step 'national statistics' and replaces its tables on a rerun", async () => {
    const first = await nationalStatisticsStep.run(warehouse, silentReporter);
    expect(first).toMatch(/rows in national_aggregate, .* in national_benchmark, 9 in national_inequality/);
    expect(await nationalStatisticsStep.run(warehouse, silentReporter)).toBe(first);
    const leftovers = await warehouse.rows(
      "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'national_%' ORDER BY 1",
    );
    expect(leftovers.map((r) => r.table_name)).toEqual([
      "national_aggregate",
      "national_benchmark",
      "national_inequality",
    ]);
  });
});
