/**
 * A tiny in-memory warehouse for the indicator steps. Geography (area_link written as a closure table):
 * England E92000001 → county E10000001 (Testshire) → districts E07000001 (North: wards W1, W2) and
 * E07000002 (South: ward W3); a second county E10000002 with district E07000003 (Elsewhere) for national
 * ranks. LSOAs: A, B in W1; C in W2; D in W3; E in Elsewhere. Localities: L01 = W1 + half of C (an LSOA
 * split 0.5/0.5), L02 = the other half of C + W3. Priority area P01 = LSOA D.
 *
 * Indicators: `test-proportion` (percentage, low is good) on LSOAs; the IoD income numerator with mid-2015
 * populations (one numerator blank, as the source suppresses small counts); `test-series` (a rate per
 * 100,000 with published 95% limits, 2014–2018, for districts, the county and England); `test-published`
 * (district percentages without intervals, with the publisher's comparison). IMD 2019 ranks for the LSOAs.
 */

import { comparisonsStep } from "../../../pipelines/derive/indicators/comparisons-step.ts";
import { indicatorAggregatesStep } from "../../../pipelines/derive/indicators/indicator-aggregates-step.ts";
import { silentReporter } from "../../../pipelines/util/reporter.ts";
import { SCHEMA_SQL } from "../../../pipelines/warehouse/schema.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

export const LSOAS = [
  { code: "A", ward: "W1", district: "E07000001", county: "E10000001", localities: { L01: 1 }, rank: 100 },
  { code: "B", ward: "W1", district: "E07000001", county: "E10000001", localities: { L01: 1 }, rank: 9000 },
  {
    code: "C",
    ward: "W2",
    district: "E07000001",
    county: "E10000001",
    localities: { L01: 0.5, L02: 0.5 },
    rank: 20000,
  },
  { code: "D", ward: "W3", district: "E07000002", county: "E10000001", localities: { L02: 1 }, rank: 3000 },
  { code: "E", ward: "W4", district: "E07000003", county: "E10000002", localities: {}, rank: 30000 },
] as const;

/** test-proportion numerator/denominator and the IoD income numerator/population per LSOA. */
export const COUNTS: Record<string, { count: number; total: number; income: number | null; people: number }> =
  {
    A: { count: 120, total: 400, income: 300, people: 1500 },
    B: { count: 40, total: 500, income: 100, people: 1600 },
    C: { count: 60, total: 300, income: null, people: 1400 },
    D: { count: 150, total: 450, income: 250, people: 1700 },
    E: { count: 20, total: 350, income: 50, people: 1200 },
  };

export const SERIES_YEARS = [2014, 2015, 2016, 2017, 2018];

type Row = (string | number | boolean | null)[];

async function insertAll(warehouse: Warehouse, table: string, columns: string, rows: readonly Row[]) {
  for (const row of rows) {
    const placeholders = row.map((_, i) => `$${i + 1}`).join(", ");
    await warehouse.run(`INSERT INTO ${table} (${columns}) VALUES (${placeholders})`, row);
  }
}

function closureLinks(): Row[] {
  const links: Row[] = [];
  const add = (child: string, childType: string, parent: string, parentType: string, weight = 1) =>
    links.push([
      child,
      childType,
      parent,
      parentType,
      weight,
      weight < 1 ? "apportioned" : "nested",
      "fixture",
    ]);
  for (const lsoa of LSOAS) {
    add(lsoa.code, "lsoa11", lsoa.ward, "ward19");
    add(lsoa.code, "lsoa11", lsoa.district, "district");
    add(lsoa.code, "lsoa11", lsoa.county, "county");
    add(lsoa.code, "lsoa11", "E92000001", "country");
    for (const [locality, weight] of Object.entries(lsoa.localities))
      add(lsoa.code, "lsoa11", locality, "locality", weight);
  }
  add("D", "lsoa11", "P01", "priority");
  for (const [ward, district, county] of [
    ["W1", "E07000001", "E10000001"],
    ["W2", "E07000001", "E10000001"],
    ["W3", "E07000002", "E10000001"],
    ["W4", "E07000003", "E10000002"],
  ] as const) {
    add(ward, "ward19", district, "district");
    add(ward, "ward19", county, "county");
    add(ward, "ward19", "E92000001", "country");
  }
  add("W1", "ward19", "L01", "locality");
  add("W3", "ward19", "L02", "locality");
  for (const [area, type, district] of [
    ["L01", "locality", "E07000001"],
    ["L02", "locality", "E07000002"],
    ["P01", "priority", "E07000002"],
  ] as const) {
    add(area, type, district, "district");
    add(area, type, "E10000001", "county");
    add(area, type, "E92000001", "country");
  }
  for (const [district, county] of [
    ["E07000001", "E10000001"],
    ["E07000002", "E10000001"],
    ["E07000003", "E10000002"],
  ] as const) {
    add(district, "district", county, "county");
    add(district, "district", "E92000001", "country");
  }
  add("E10000001", "county", "E92000001", "country");
  add("E10000002", "county", "E92000001", "country");
  return links;
}

function areas(): Row[] {
  const rows: Row[] = [
    ["E92000001", "England", "country", false],
    ["E10000001", "Testshire", "county", false],
    ["E10000002", "Othershire", "county", false],
    ["E07000001", "North", "district", false],
    ["E07000002", "South", "district", false],
    ["E07000003", "Elsewhere", "district", false],
    ["L01", "Northtown", "locality", true],
    ["L02", "Southvale", "locality", true],
    ["P01", "Priority D", "priority", true],
  ];
  for (const ward of ["W1", "W2", "W3", "W4"]) rows.push([ward, `Ward ${ward}`, "ward19", false]);
  for (const lsoa of LSOAS) rows.push([lsoa.code, `LSOA ${lsoa.code}`, "lsoa11", false]);
  return rows.map((row) => [...row, "fixture"]);
}

function observations(order: "as listed" | "reversed"): Row[] {
  const rows: Row[] = [];
  for (const lsoa of LSOAS) {
    const { count, total, income } = COUNTS[lsoa.code]!;
    rows.push(["test-proportion", lsoa.code, "lsoa11", "2020", 2020, count, total, null, null, null, null]);
    rows.push([
      "iod2019-income-deprived-people",
      lsoa.code,
      "lsoa11",
      "2019",
      2019,
      income,
      null,
      income,
      null,
      null,
      null,
    ]);
  }
  // A falling rate with published 95% limits: North 500 → 300 per 100,000, South flat, England 400 → 360.
  SERIES_YEARS.forEach((year, i) => {
    for (const [area, type, value] of [
      ["E07000001", "district", 500 - 50 * i],
      ["E07000002", "district", 350],
      ["E07000003", "district", 420],
      ["E10000001", "county", 420 - 30 * i],
      ["E92000001", "country", 400 - 10 * i],
    ] as const) {
      rows.push([
        "test-series",
        area,
        type,
        String(year),
        year,
        null,
        null,
        value,
        value * 0.9,
        value * 1.1,
        null,
      ]);
    }
  });
  for (const [area, type, value, published] of [
    ["E07000001", "district", 30, "Worse"],
    ["E07000002", "district", 20, "Better"],
    ["E07000003", "district", 30, "Worse"],
    ["E92000001", "country", 25, null],
  ] as const) {
    rows.push(["test-published", area, type, "2018/19", 2018, null, null, value, null, null, published]);
  }
  return order === "reversed" ? rows.reverse() : rows;
}

const CATALOGUE: Row[] = [
  [
    "test-proportion",
    "A test proportion",
    "children and young people",
    "low-is-good",
    "percentage",
    100,
    "%",
  ],
  [
    "iod2019-income-deprived-people",
    "People income deprived",
    "economic development and enterprise",
    "low-is-good",
    "count",
    1,
    "people",
  ],
  [
    "test-series",
    "A test rate series",
    "healthier communities and older people",
    "low-is-good",
    "rate",
    100000,
    "per 100,000",
  ],
  [
    "test-published",
    "A published percentage",
    "healthier communities and older people",
    "low-is-good",
    "percentage",
    100,
    "%",
  ],
];

/** Builds the fixture (in memory, or in `file`); `order` reverses the observation rows to test order invariance. */
export async function openIndicatorFixture(
  order: "as listed" | "reversed" = "as listed",
  file = ":memory:",
): Promise<Warehouse> {
  const warehouse = await Warehouse.open(file);
  await warehouse.run(SCHEMA_SQL);
  await insertAll(warehouse, "area", "code, name, type, illustrative, source", areas());
  await insertAll(
    warehouse,
    "area_link",
    "child, child_type, parent, parent_type, weight, method, source",
    closureLinks(),
  );
  await insertAll(
    warehouse,
    "indicator",
    "id, name, theme, polarity, value_type, multiplier, unit",
    CATALOGUE,
  );
  await insertAll(
    warehouse,
    "observation_all_columns",
    "indicator, area_code, area_type, period, period_year, numerator, denominator, value, lower95, upper95, published_comparison, source",
    observations(order).map((row) => [...row, "fixture"]),
  );
  for (const lsoa of LSOAS) {
    await insertAll(warehouse, "population", "area_code, area_type, period, age_band, population, source", [
      [lsoa.code, "lsoa11", "mid-2015", "all", COUNTS[lsoa.code]!.people, "fixture"],
      [lsoa.code, "lsoa11", "2020", "all", COUNTS[lsoa.code]!.people + 100, "fixture"],
    ]);
    await insertAll(warehouse, "deprivation", "edition, lsoa, lsoa_type, domain, rank, decile, source", [
      [2019, lsoa.code, "lsoa11", "imd", lsoa.rank, Math.ceil((lsoa.rank * 10) / 32844), "fixture"],
    ]);
  }
  return warehouse;
}

/** Runs both indicator steps. */
export async function runIndicatorSteps(warehouse: Warehouse): Promise<string[]> {
  return [
    await indicatorAggregatesStep.run(warehouse, silentReporter),
    await comparisonsStep.run(warehouse, silentReporter),
  ];
}
