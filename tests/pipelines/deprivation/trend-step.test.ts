/**
 * The editions table on a hand-made county: 2001 LSOAs bridged to 2011 LSOAs (unchanged, split, merged),
 * 2011 LSOAs with populations, 2021 LSOAs with best-fit links; compared with the pure `deprivationTrend`.
 */
import { afterEach, describe, expect, it } from "vitest";
import { deprivationTrend } from "../../../models/deprivation/index.ts";
import { deprivationTrendStep } from "../../../pipelines/derive/deprivation/trend-step.ts";
import { silentReporter } from "../../../pipelines/util/reporter.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { insertArea, insertLink, insertLsoas, openFixtureWarehouse } from "./fixture-warehouse.ts";

async function buildCounty(warehouse: Warehouse): Promise<void> {
  await insertArea(warehouse, "C1", "county", "County One");
  for (const locality of ["L1", "L2"]) {
    await insertArea(warehouse, locality, "locality", `Locality ${locality}`, true);
    await insertLink(warehouse, locality, "locality", "C1", "county");
  }
  // 2011 LSOAs: P, Q in L1; R, S in L2.
  for (const [lsoa, locality] of [
    ["P", "L1"],
    ["Q", "L1"],
    ["R", "L2"],
    ["S", "L2"],
  ] as const) {
    await insertLink(warehouse, lsoa, "lsoa11", locality, "locality");
    await insertLink(warehouse, lsoa, "lsoa11", "C1", "county");
  }
  // 2001 → 2011: a unchanged → P; b split → Q and R; c and d merged → S.
  await warehouse.run(`INSERT INTO area_bridge (from_code, from_type, to_code, to_type, change, weight, source) VALUES
    ('a', 'lsoa01', 'P', 'lsoa11', 'U', 1, 'fixture'), ('b', 'lsoa01', 'Q', 'lsoa11', 'S', 0.5, 'fixture'),
    ('b', 'lsoa01', 'R', 'lsoa11', 'S', 0.5, 'fixture'), ('c', 'lsoa01', 'S', 'lsoa11', 'M', 1, 'fixture'),
    ('d', 'lsoa01', 'S', 'lsoa11', 'M', 1, 'fixture')`);
  await warehouse.run(`INSERT INTO deprivation (edition, lsoa, lsoa_type, domain, score, rank, source) VALUES
    (2004, 'a', 'lsoa01', 'imd', 50, 100, 'fixture'), (2004, 'b', 'lsoa01', 'imd', 30, 5000, 'fixture'),
    (2004, 'c', 'lsoa01', 'imd', 10, 20000, 'fixture'), (2004, 'd', 'lsoa01', 'imd', 40, 3000, 'fixture'),
    (2025, 'X', 'lsoa21', 'imd', 60, 100, 'fixture'), (2025, 'Y', 'lsoa21', 'imd', 5, 30000, 'fixture')`);
  await insertLsoas(warehouse, 2019, [
    { code: "P", rank: 200, score: 55, population: 1000 },
    { code: "Q", rank: 7000, score: 28, population: 1500 },
    { code: "R", rank: 3000, score: 41, population: 1200 },
    { code: "S", rank: 25_000, score: 8, population: 1300 },
  ]);
  // 2021 LSOAs, as the best-fit step links them.
  for (const [lsoa, locality] of [
    ["X", "L1"],
    ["Y", "L2"],
  ] as const) {
    await insertLink(warehouse, lsoa, "lsoa21", locality, "locality");
    await insertLink(warehouse, lsoa, "lsoa21", "C1", "county");
  }
}

describe("deprivation editions table", () => {
  let warehouse: Warehouse | undefined;
  afterEach(() => warehouse?.close());

  it("bridges 2001 LSOAs by their 2011 successors, counting a split LSOA in proportion", async () => {
    warehouse = await openFixtureWarehouse();
    await buildCounty(warehouse);
    const summary = await deprivationTrendStep.run(warehouse, silentReporter);
    expect(summary).toMatch(/9 rows: 3 areas × editions 2004, 2019, 2025/);
    const rows = await warehouse.rows<Record<string, unknown>>(
      `SELECT area_code, edition, lsoa_type, lsoa_count, lsoas_most_deprived_10, lsoas_most_deprived_20,
         people_most_deprived_10, people_most_deprived_20, illustrative
       FROM deprivation_trend WHERE edition = 2004 ORDER BY area_code`,
    );
    expect(rows).toEqual([
      // a (decile 1) + all of b (decile 2) + c + d (decile 1); no 2001 populations.
      {
        area_code: "C1",
        edition: 2004,
        lsoa_type: "lsoa01",
        lsoa_count: 4,
        lsoas_most_deprived_10: 2,
        lsoas_most_deprived_20: 3,
        people_most_deprived_10: null,
        people_most_deprived_20: null,
        illustrative: false,
      },
      {
        area_code: "L1",
        edition: 2004,
        lsoa_type: "lsoa01",
        lsoa_count: 1.5,
        lsoas_most_deprived_10: 1,
        lsoas_most_deprived_20: 1.5,
        people_most_deprived_10: null,
        people_most_deprived_20: null,
        illustrative: true,
      },
      {
        area_code: "L2",
        edition: 2004,
        lsoa_type: "lsoa01",
        lsoa_count: 2.5,
        lsoas_most_deprived_10: 1,
        lsoas_most_deprived_20: 1.5,
        people_most_deprived_10: null,
        people_most_deprived_20: null,
        illustrative: true,
      },
    ]);
    const people2019 = await warehouse.rows(
      "SELECT area_code, people_most_deprived_10, people_most_deprived_20, population FROM deprivation_trend WHERE edition = 2019 ORDER BY area_code",
    );
    expect(people2019).toEqual([
      { area_code: "C1", people_most_deprived_10: 2200, people_most_deprived_20: 2200, population: 5000 },
      { area_code: "L1", people_most_deprived_10: 1000, people_most_deprived_20: 1000, population: 2500 },
      { area_code: "L2", people_most_deprived_10: 1200, people_most_deprived_20: 1200, population: 2500 },
    ]);
  });

  it("classifies each area's relative position as the model does", async () => {
    warehouse = await openFixtureWarehouse();
    await buildCounty(warehouse);
    await deprivationTrendStep.run(warehouse, silentReporter);
    const model = deprivationTrend([
      {
        edition: 2004,
        lsoaCodes: ["a", "b", "c", "d"],
        ranks: [100, 5000, 20000, 3000],
        bridge: [
          { lsoa: "a", area: "L1", weight: 1 },
          { lsoa: "b", area: "L1", weight: 0.5 },
          { lsoa: "b", area: "L2", weight: 0.5 },
          { lsoa: "c", area: "L2", weight: 1 },
          { lsoa: "d", area: "L2", weight: 1 },
        ],
      },
      {
        edition: 2025,
        lsoaCodes: ["X", "Y"],
        ranks: [100, 30000],
        bridge: [
          { lsoa: "X", area: "L1", weight: 1 },
          { lsoa: "Y", area: "L2", weight: 1 },
        ],
      },
    ]);
    const stored = await warehouse.rows<{ area_code: string; relative_position_change: string }>(
      "SELECT DISTINCT area_code, relative_position_change FROM deprivation_trend WHERE area_type = 'locality' ORDER BY 1",
    );
    expect(stored).toEqual(
      model.positionChanges.map((row) => ({
        area_code: row.area,
        relative_position_change: row.relativePositionChange,
      })),
    );
  });
});
