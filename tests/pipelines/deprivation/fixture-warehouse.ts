/**
 * A tiny in-memory warehouse for the deprivation steps: the real schema, then hand-made LSOAs, areas,
 * links, populations and numerators inserted by each test.
 */
import { SCHEMA_SQL } from "../../../pipelines/warehouse/schema.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

export interface FixtureLsoa {
  code: string;
  rank: number;
  score: number;
  population: number;
  income?: number | null;
  employment?: number | null;
}

export async function openFixtureWarehouse(): Promise<Warehouse> {
  const warehouse = await Warehouse.open(":memory:");
  await warehouse.run(SCHEMA_SQL);
  return warehouse;
}

export async function insertArea(
  warehouse: Warehouse,
  code: string,
  type: string,
  name: string,
  illustrative = false,
): Promise<void> {
  await warehouse.run(
    "INSERT INTO area (code, name, type, illustrative, source) VALUES ($1, $2, $3, $4, 'fixture')",
    [code, name, type, illustrative],
  );
}

export async function insertLink(
  warehouse: Warehouse,
  child: string,
  childType: string,
  parent: string,
  parentType: string,
  weight = 1,
): Promise<void> {
  await warehouse.run(
    `INSERT INTO area_link (child, child_type, parent, parent_type, weight, method, source)
     VALUES ($1, $2, $3, $4, $5, $6, 'fixture')`,
    [child, childType, parent, parentType, weight, weight < 1 ? "apportioned" : "nested"],
  );
}

/** IMD rows of `edition` (2011 LSOAs) with mid-2015 populations and 2019 income/employment numerators. */
export async function insertLsoas(
  warehouse: Warehouse,
  edition: number,
  lsoas: readonly FixtureLsoa[],
): Promise<void> {
  for (const lsoa of lsoas) {
    await warehouse.run(
      `INSERT INTO deprivation (edition, lsoa, lsoa_type, domain, score, rank, decile, source)
       VALUES ($1, $2, 'lsoa11', 'imd', $3, $4, ceil(10 * $4 / 32844), 'fixture')`,
      [edition, lsoa.code, lsoa.score, lsoa.rank],
    );
    if (edition !== 2019) continue;
    await warehouse.run(
      `INSERT INTO population (area_code, area_type, period, age_band, population, source)
       VALUES ($1, 'lsoa11', 'mid-2015', 'all', $2, 'fixture')`,
      [lsoa.code, lsoa.population],
    );
    for (const [indicator, numerator] of [
      ["iod2019-income-deprived-people", lsoa.income],
      ["iod2019-employment-deprived-people", lsoa.employment],
    ] as const) {
      if (numerator === undefined) continue;
      await warehouse.run(
        `INSERT INTO observation_all_columns (indicator, area_code, area_type, period, numerator, source)
         VALUES ($1, $2, 'lsoa11', '2019', $3, 'fixture')`,
        [indicator, lsoa.code, numerator],
      );
    }
  }
}
