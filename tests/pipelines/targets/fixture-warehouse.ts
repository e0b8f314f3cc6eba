/**
 * A tiny in-memory warehouse for the targets steps. Geography: county E10000001 (Testshire) → districts
 * E07000001 (North: localities L01, L02) and E07000002 (South: L03, L04). 2011 LSOAs A, B (L01), C (L02),
 * D (L03), E (L04). 2001 LSOAs: X1 split into A and B; X2 and X3 merged into C; XD = D; XE = E. 2021
 * LSOAs: A21, B21, D21, E21 one-to-one, and C split into C1 and C2 (both best-fitted to C).
 *
 * Tables the steps read but the load stage does not write (`indicator_value` is a view of the indicator
 * step, `deprivation_summary` a table of the deprivation step, `lsoa21_best_fit` of the best-fit step)
 * are created here with just the columns the targets steps use.
 *
 * Series: `test-rate` (low is good, a percentage with 95% limits and denominators) for the localities
 * and the county, 2015–2019; `test-published` (district values without intervals, 2010–2019, falling
 * 0.5 a year in North and flat in South; no county value).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SCHEMA_SQL } from "../../../pipelines/warehouse/schema.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

type Row = (string | number | boolean | null)[];

export const COUNTY = "E10000001";
export const DISTRICT_OF: Record<string, string> = {
  L01: "E07000001",
  L02: "E07000001",
  L03: "E07000002",
  L04: "E07000002",
};
export const LSOA_LOCALITY: Record<string, string> = { A: "L01", B: "L01", C: "L02", D: "L03", E: "L04" };
export const POPULATION: Record<string, number> = { A: 1000, B: 1000, C: 2000, D: 1500, E: 500 };
/** IoD 2010 income rates of the 2001 LSOAs and which 2011 LSOAs they became. */
export const RATES_2010: Record<string, { rate: number; to: string[] }> = {
  X1: { rate: 0.1, to: ["A", "B"] },
  X2: { rate: 0.2, to: ["C"] },
  X3: { rate: 0.3, to: ["C"] },
  XD: { rate: 0.05, to: ["D"] },
  XE: { rate: 0.4, to: ["E"] },
};
/** IoD 2019 people income deprived per 2011 LSOA (E's blank, imputed as 3.5). */
export const NUMERATORS_2019: Record<string, number | null> = { A: 100, B: 150, C: 500, D: 60, E: null };
/** IoD 2025 income rates of the 2021 LSOAs and their best-fit 2011 LSOA. */
export const RATES_2025: Record<string, { rate: number; fit: string }> = {
  A21: { rate: 0.12, fit: "A" },
  B21: { rate: 0.16, fit: "B" },
  C1: { rate: 0.25, fit: "C" },
  C2: { rate: 0.35, fit: "C" },
  D21: { rate: 0.06, fit: "D" },
  E21: { rate: 0.3, fit: "E" },
};

/** test-rate baselines (2019) and weights (denominators) per locality. */
export const TEST_RATE: Record<string, { value: number; denominator: number }> = {
  L01: { value: 20, denominator: 1000 },
  L02: { value: 30, denominator: 3000 },
  L03: { value: 10, denominator: 2000 },
  L04: { value: 16, denominator: 2000 },
};

async function insertAll(warehouse: Warehouse, table: string, rows: readonly Row[]) {
  for (const row of rows) {
    await warehouse.run(`INSERT INTO ${table} VALUES (${row.map((_, i) => `$${i + 1}`).join(", ")})`, row);
  }
}

function links(): Row[] {
  const rows: Row[] = [];
  const add = (child: string, childType: string, parent: string, parentType: string) =>
    rows.push([child, childType, parent, parentType, 1, "nested", "fixture"]);
  for (const [lsoa, locality] of Object.entries(LSOA_LOCALITY)) {
    add(lsoa, "lsoa11", locality, "locality");
    add(lsoa, "lsoa11", DISTRICT_OF[locality]!, "district");
    add(lsoa, "lsoa11", COUNTY, "county");
  }
  for (const [lsoa21, { fit }] of Object.entries(RATES_2025)) {
    const locality = LSOA_LOCALITY[fit]!;
    add(lsoa21, "lsoa21", locality, "locality");
    add(lsoa21, "lsoa21", DISTRICT_OF[locality]!, "district");
    add(lsoa21, "lsoa21", COUNTY, "county");
  }
  for (const [locality, district] of Object.entries(DISTRICT_OF)) {
    add(locality, "locality", district, "district");
    add(locality, "locality", COUNTY, "county");
  }
  add("E07000001", "district", COUNTY, "county");
  add("E07000002", "district", COUNTY, "county");
  return rows;
}

const EXTRA_TABLES = `
CREATE TABLE indicator_value (indicator VARCHAR, area_code VARCHAR, area_type VARCHAR, period VARCHAR,
  period_year DOUBLE, sex VARCHAR, age VARCHAR, value DOUBLE, lower95 DOUBLE, upper95 DOUBLE,
  denominator DOUBLE, source VARCHAR, note VARCHAR);
CREATE TABLE deprivation_summary (edition INTEGER, index_id VARCHAR, area_code VARCHAR, area_type VARCHAR,
  rank_of_average_score INTEGER);
CREATE TABLE lsoa21_best_fit (lsoa21 VARCHAR, lsoa11 VARCHAR);
CREATE TABLE indicator_comparison (indicator VARCHAR, area_code VARCHAR, area_type VARCHAR, sex VARCHAR,
  age VARCHAR, period VARCHAR, is_latest BOOLEAN, value DOUBLE, county_value DOUBLE, england_value DOUBLE,
  benchmark_county VARCHAR, benchmark_england VARCHAR, trend_direction VARCHAR, trend_label VARCHAR);`;

function indicatorValues(): Row[] {
  const rows: Row[] = [];
  const value = (
    indicator: string,
    code: string,
    type: string,
    year: number,
    v: number,
    ci: number | null,
    denominator: number | null,
  ) =>
    rows.push([
      indicator,
      code,
      type,
      String(year),
      year,
      "Persons",
      "All ages",
      v,
      ci === null ? null : v - ci,
      ci === null ? null : v + ci,
      denominator,
      "fixture",
      null,
    ]);
  for (let year = 2015; year <= 2019; year++) {
    const drift = 2019 - year;
    let countyNumerator = 0;
    for (const [code, { value: v, denominator }] of Object.entries(TEST_RATE)) {
      value("test-rate", code, "locality", year, v + drift, 1, denominator);
      countyNumerator += ((v + drift) * denominator) / 100;
    }
    value("test-rate", COUNTY, "county", year, (100 * countyNumerator) / 8000, 0.5, 8000);
  }
  // Small deterministic wobble around exact lines (North falls 0.5 a year; South is flat).
  const wobble = [0.3, -0.2, 0.1, -0.3, 0.2, 0, -0.1, 0.25, -0.25, 0];
  for (let year = 2010; year <= 2019; year++) {
    const i = year - 2010;
    value("test-published", "E07000001", "district", year, 40 - 0.5 * i + wobble[i]!, null, null);
    value("test-published", "E07000002", "district", year, 30 + wobble[9 - i]!, null, null);
  }
  return rows;
}

/** Builds the fixture warehouse (in memory, or in `file`). */
export async function fixtureWarehouse(file = ":memory:"): Promise<Warehouse> {
  const warehouse = await Warehouse.open(file);
  await warehouse.run(SCHEMA_SQL);
  await warehouse.run(EXTRA_TABLES);
  await insertAll(warehouse, "area", [
    [COUNTY, "Testshire", "county", null, false, "fixture"],
    ["E07000001", "North", "district", null, false, "fixture"],
    ["E07000002", "South", "district", null, false, "fixture"],
    ...Object.keys(DISTRICT_OF).map((code) => [code, `Locality ${code}`, "locality", null, true, "fixture"]),
  ]);
  await insertAll(warehouse, "area_link", links());
  for (const [id, theme] of [
    ["test-rate", "children and young people"],
    ["test-published", "healthier communities and older people"],
  ] as const) {
    await warehouse.run(
      "INSERT INTO indicator (id, name, theme, polarity, value_type, multiplier, unit) VALUES ($1, $2, $3, 'low-is-good', 'percentage', 100, '%')",
      [id, `Test ${id}`, theme],
    );
  }
  await insertAll(warehouse, "indicator_value", indicatorValues());
  await insertAll(
    warehouse,
    "population",
    Object.entries(POPULATION).map(([lsoa, people]) => [
      lsoa,
      "lsoa11",
      "mid-2015",
      "all",
      "Persons",
      people,
      null,
      "fixture",
      null,
    ]),
  );
  const bridge: Row[] = [];
  for (const [from, { rate, to }] of Object.entries(RATES_2010)) {
    for (const code of to)
      bridge.push([
        from,
        "lsoa01",
        code,
        "lsoa11",
        to.length > 1 ? "S" : "U",
        1 / to.length,
        "fixture",
        null,
      ]);
    await warehouse.run(
      "INSERT INTO deprivation VALUES (2010, $1, 'lsoa01', 'income', $2, NULL, NULL, NULL, 'fixture', NULL)",
      [from, rate],
    );
  }
  await insertAll(warehouse, "area_bridge", bridge);
  for (const [lsoa, numerator] of Object.entries(NUMERATORS_2019)) {
    await warehouse.run(
      `INSERT INTO observation_all_columns (indicator, area_code, area_type, period, period_year, numerator, value, source)
       VALUES ('iod2019-income-deprived-people', $1, 'lsoa11', '2019', 2019, $2, $2, 'fixture')`,
      [lsoa, numerator],
    );
  }
  for (const [lsoa21, { rate, fit }] of Object.entries(RATES_2025)) {
    await warehouse.run(
      "INSERT INTO deprivation VALUES (2025, $1, 'lsoa21', 'income', $2, NULL, NULL, NULL, 'fixture', NULL)",
      [lsoa21, rate],
    );
    await warehouse.run("INSERT INTO lsoa21_best_fit VALUES ($1, $2)", [lsoa21, fit]);
  }
  // Deprivation ranks (1 = most deprived): L02, L01, L04, L03; districts North, South.
  await insertAll(warehouse, "deprivation_summary", [
    [2019, "imd", "L02", "locality", 1],
    [2019, "imd", "L01", "locality", 2],
    [2019, "imd", "L04", "locality", 3],
    [2019, "imd", "L03", "locality", 4],
    [2019, "imd", "E07000001", "district", 10],
    [2019, "imd", "E07000002", "district", 20],
  ]);
  return warehouse;
}

/** Writes targets files into a fresh folder; returns it. */
export function targetsFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), "ntg-targets-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

export const LOCALITY_RATE_YAML = `indicator: test-rate
level: locality
series: { from: indicator-values }
baseline: { period: 2019 }
target: { period: 2023, change: -3 }
method: gap-to-county
narrowBy: 0.25
weights: { kind: denominator }
`;

export const DISTRICT_PUBLISHED_YAML = `indicator: test-published
level: district
series: { from: indicator-values }
baseline: { period: 2019 }
target: { period: 2022, change: -1 }
method: gap-to-county
narrowBy: 0.1
weights: { kind: population, period: mid-2015, ageBands: [all] }
forecast: { lastK: 10 }
`;

export const IMD_INCOME_YAML = `indicator: fixture-income-rate
level: locality
definition:
  name: Income deprivation rate across editions
  theme: economic development and enterprise
  polarity: low-is-good
  valueType: percentage
  multiplier: 100
series:
  from: imd-income-editions
  editions: [{ edition: 2010, dataYear: 2008 }, { edition: 2019, dataYear: 2015 }, { edition: 2025, dataYear: 2022 }]
baseline: { period: 2022 }
target: { period: 2030, change: -1 }
method: graded
narrowBy: 0.5
weights: { kind: population }
`;
