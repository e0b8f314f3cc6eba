/**
 * A tiny warehouse for the allocation pipeline: county E10000001 with districts E07000001 (three LSOAs)
 * and E07000002 (three LSOAs), and localities L01–L03; LSOA E01000006 is split half and half between
 * L02 and L03 to exercise apportionment weights. IMD 2019 ranks and scores, mid-2015 and 2019
 * populations, income and employment numerators are made up. The scenarios folder is written by
 * `writeScenario`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SCHEMA_SQL } from "../../../pipelines/warehouse/schema.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

export const COUNTY = "E10000001";

export interface FixtureLsoa {
  code: string;
  district: string;
  localities: [string, number][];
  rank: number;
  score: number | null;
  population2015: number;
  population2019: number;
  income: number | null;
  employment: number | null;
}

/** N = 32,844: ranks ≤ 3,284 are in the most deprived 10% (extent weight 1); > 9,853 (30%) weight 0. */
export const LSOAS: FixtureLsoa[] = [
  {
    code: "E01000001",
    district: "E07000001",
    localities: [["L01", 1]],
    rank: 100,
    score: 60,
    population2015: 1000,
    population2019: 1100,
    income: 400,
    employment: 150,
  },
  {
    code: "E01000002",
    district: "E07000001",
    localities: [["L01", 1]],
    rank: 2000,
    score: 40,
    population2015: 1500,
    population2019: 1500,
    income: 300,
    employment: 120,
  },
  {
    code: "E01000003",
    district: "E07000001",
    localities: [["L02", 1]],
    rank: 20000,
    score: 10,
    population2015: 2000,
    population2019: 2100,
    income: 100,
    employment: 50,
  },
  {
    code: "E01000004",
    district: "E07000002",
    localities: [["L02", 1]],
    rank: 15000,
    score: 15,
    population2015: 1200,
    population2019: 1250,
    income: 120,
    employment: 60,
  },
  {
    code: "E01000005",
    district: "E07000002",
    localities: [["L03", 1]],
    rank: 30000,
    score: 5,
    population2015: 1800,
    population2019: 1900,
    income: 50,
    employment: null,
  },
  {
    code: "E01000006",
    district: "E07000002",
    localities: [
      ["L02", 0.5],
      ["L03", 0.5],
    ],
    rank: 5000,
    score: 30,
    population2015: 1600,
    population2019: 1700,
    income: 200,
    employment: 90,
  },
];

async function insertArea(
  warehouse: Warehouse,
  code: string,
  type: string,
  name: string,
  illustrative = false,
) {
  await warehouse.run(
    "INSERT INTO area (code, name, type, illustrative, source) VALUES ($1, $2, $3, $4, 'fixture')",
    [code, name, type, illustrative],
  );
}

async function insertLink(
  warehouse: Warehouse,
  child: string,
  childType: string,
  parent: string,
  parentType: string,
  weight = 1,
) {
  await warehouse.run("INSERT INTO area_link VALUES ($1, $2, $3, $4, $5, $6, 'fixture')", [
    child,
    childType,
    parent,
    parentType,
    weight,
    weight < 1 ? "apportioned" : "nested",
  ]);
}

async function insertLsoa(warehouse: Warehouse, lsoa: FixtureLsoa) {
  await insertArea(warehouse, lsoa.code, "lsoa11", `LSOA ${lsoa.code}`);
  await insertLink(warehouse, lsoa.code, "lsoa11", lsoa.district, "district");
  await insertLink(warehouse, lsoa.code, "lsoa11", COUNTY, "county");
  for (const [locality, weight] of lsoa.localities)
    await insertLink(warehouse, lsoa.code, "lsoa11", locality, "locality", weight);
  await warehouse.run(
    `INSERT INTO deprivation (edition, lsoa, lsoa_type, domain, score, rank, decile, source)
     VALUES (2019, $1, 'lsoa11', 'imd', $2, $3, ceil(10 * $3 / 32844), 'fixture')`,
    [lsoa.code, lsoa.score, lsoa.rank],
  );
  for (const [period, population] of [
    ["mid-2015", lsoa.population2015],
    ["2019", lsoa.population2019],
  ] as const) {
    await warehouse.run(
      "INSERT INTO population (area_code, area_type, period, age_band, population, source) VALUES ($1, 'lsoa11', $2, 'all', $3, 'fixture')",
      [lsoa.code, period, population],
    );
  }
  for (const [indicator, numerator] of [
    ["iod2019-income-deprived-people", lsoa.income],
    ["iod2019-employment-deprived-people", lsoa.employment],
  ] as const) {
    await warehouse.run(
      "INSERT INTO observation_all_columns (indicator, area_code, area_type, period, numerator, source) VALUES ($1, $2, 'lsoa11', '2019', $3, 'fixture')",
      [indicator, lsoa.code, numerator],
    );
  }
}

/** Fills a warehouse (already holding the schema) with the fixture areas and LSOAs. */
export async function fillFixture(warehouse: Warehouse): Promise<void> {
  await insertArea(warehouse, COUNTY, "county", "Fixture County");
  await insertArea(warehouse, "E07000001", "district", "District One");
  await insertArea(warehouse, "E07000002", "district", "District Two");
  for (const district of ["E07000001", "E07000002"])
    await insertLink(warehouse, district, "district", COUNTY, "county");
  for (const [code, district] of [
    ["L01", "E07000001"],
    ["L02", "E07000001"],
    ["L03", "E07000002"],
  ] as const) {
    await insertArea(warehouse, code, "locality", `Locality ${code}`, true);
    await insertLink(warehouse, code, "locality", COUNTY, "county");
    await insertLink(warehouse, code, "locality", district, "district");
  }
  for (const lsoa of LSOAS) await insertLsoa(warehouse, lsoa);
}

/** An in-memory fixture warehouse. */
export async function openFixtureWarehouse(): Promise<Warehouse> {
  const warehouse = await Warehouse.open(":memory:");
  await warehouse.run(SCHEMA_SQL);
  await fillFixture(warehouse);
  return warehouse;
}

/** Writes a fixture warehouse file at DIST/warehouse.duckdb (for CLI tests). */
export async function writeFixtureWarehouseFile(distDir: string): Promise<void> {
  mkdirSync(distDir, { recursive: true });
  const warehouse = await Warehouse.open(path.join(distDir, "warehouse.duckdb"));
  try {
    await warehouse.run(SCHEMA_SQL);
    await fillFixture(warehouse);
  } finally {
    warehouse.close();
  }
}

/** Writes SOURCES/scenarios/NAME.yaml. */
export function writeScenario(sourcesDir: string, name: string, yaml: string): string {
  const folder = path.join(sourcesDir, "scenarios");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  writeFileSync(file, yaml);
  return file;
}

/** Fixture scenarios over the two districts: a tiered split and need-based alternatives. */
export const FIXTURE_SCENARIOS: Record<string, string> = {
  "tiered.yaml": `id: tiered
title: Tiered split
pot: 1000
recipients: { districts: E10000001 }
rule: { kind: tiered, amounts: { E07000001: 700, E07000002: 300 } }
`,
  "equal.yaml": `id: equal
title: Equal shares
pot: 1000
recipients: { districts: E10000001 }
baseline: tiered
rule: { kind: equal }
`,
  "by-income.yaml": `id: by-income
title: By income-deprived people
pot: 1000
recipients: { districts: E10000001 }
baseline: tiered
rule: { kind: need-weighted, measures: [income-deprived-people] }
`,
  "by-extent-floor.yaml": `id: by-extent-floor
title: By extent with a floor
pot: 1000
recipients: { districts: E10000001 }
baseline: tiered
rule: { kind: need-weighted-with-floors, measures: [extent], floor: 400 }
`,
  "localities.yaml": `id: localities
title: Localities by income
pot: 999.99
recipients: { localities: E10000001 }
rule: { kind: need-weighted, measures: [{ measure: income-deprived-people, weight: 2 }, { measure: population, weight: 1 }] }
`,
};
