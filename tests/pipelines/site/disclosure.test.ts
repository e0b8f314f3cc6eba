// biome-ignore-all lint/suspicious/noTemplateCurlyInString: notebooks are written with ${…} placeholders
/**
 * Statistical disclosure control on the site (METHODS.md §9), on a tiny county whose locality L01 has 3
 * cases: no count from 1 to 4 in any published file (HTML tables, CSV, Parquet read back with DuckDB), no
 * suppressed count recoverable from a total the same table shows (checked exactly, independently of the
 * build), and every rate from a suppressed count suppressed — in the result with the counts and in one
 * without them (the site-wide set). The unprotected results are checked first, so the checks can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import {
  type Equation,
  type PublishedTable,
  readCsvTables,
  readHtmlTables,
  readParquetTables,
  recoverableCells,
  smallCounts,
} from "./published-outputs.ts";
import { fixtureWarehouse, type SiteFixture, siteFixture } from "./site-fixture.ts";

/** area, type, numerator, denominator of indicator test-rate, 2020; rates per 100. */
const COUNTS: [string, string, number, number][] = [
  ["L01", "locality", 3, 500],
  ["L02", "locality", 41, 600],
  ["L03", "locality", 25, 400],
  ["E07000001", "district", 44, 1100],
  ["E07000002", "district", 25, 400],
  ["E10000001", "county", 69, 1500],
  ["E92000001", "country", 5000, 100000],
];

/** Households by number of dimensions of deprivation: not deprived + one + two or more = all. */
const HOUSEHOLDS: [string, number, number, number][] = [
  ["L01", 200, 2, 98],
  ["L02", 150, 40, 60],
  ["L03", 90, 30, 20],
];

const NOTEBOOK = `---
title: Small numbers
disclosure:
  households:
    counts: [not_deprived, one_dimension, two_or_more]
    dependents: { share_one: [one_dimension] }
    totals:
      - { parts: [not_deprived, one_dimension, two_or_more], total: households }
---

\`\`\`sql counts show
SELECT indicator, area_code, area_type, period, numerator, denominator, value, lower95, upper95
FROM indicator_value WHERE area_type <> 'country' ORDER BY area_type, area_code
\`\`\`

\`\`\`sql rates
SELECT indicator, area_code, period, value FROM indicator_value ORDER BY area_code
\`\`\`

\`\`\`sql households show
SELECT area_code, not_deprived, one_dimension, two_or_more, households, one_dimension / households AS share_one
FROM households_by_dimension ORDER BY area_code
\`\`\`

\`\`\`js
barWithIntervals(rates.map((row) => ({ code: row.area_code, name: "Area " + row.area_code, value: row.value })), { title: "Rates by area" })
\`\`\`

\`\`\`js
table(rates, { columns: [{ key: "area_code", label: "Area" }, { key: "value", label: "Rate", format: (value) => fmt.value(value) }] })
\`\`\`
`;

const METHODS = `---
title: Methods
---

## Small numbers {#small-numbers}

How.
`;

async function smallCountWarehouse(): Promise<Warehouse> {
  const warehouse = await fixtureWarehouse();
  await warehouse.run(`CREATE TABLE indicator_value (indicator VARCHAR, area_code VARCHAR, area_type VARCHAR,
    period VARCHAR, sex VARCHAR, age VARCHAR, numerator DOUBLE, denominator DOUBLE, value DOUBLE, lower95 DOUBLE,
    upper95 DOUBLE)`);
  for (const [code, type, numerator, denominator] of COUNTS) {
    const value = (100 * numerator) / denominator;
    await warehouse.run(
      "INSERT INTO indicator_value VALUES ('test-rate', $1, $2, '2020', 'Persons', 'All ages', $3, $4, $5, $6, $7)",
      [code, type, numerator, denominator, value, value * 0.8, value * 1.2],
    );
  }
  await warehouse.run(
    "CREATE TABLE households_by_dimension (area_code VARCHAR, not_deprived DOUBLE, one_dimension DOUBLE, two_or_more DOUBLE, households DOUBLE)",
  );
  for (const [code, none, one, more] of HOUSEHOLDS) {
    await warehouse.run("INSERT INTO households_by_dimension VALUES ($1, $2, $3, $4, $5)", [
      code,
      none,
      one,
      more,
      none + one + more,
    ]);
  }
  return warehouse;
}

/** What a reader knows of a counts table: the area sums of each count column (districts, county). */
function areaEquations(rows: readonly Record<string, unknown>[], columns: string[]): Equation[] {
  const index = new Map(rows.map((row, r) => [String(row.area_code), r]));
  const sums: [string, string[]][] = [
    ["E07000001", ["L01", "L02"]],
    ["E07000002", ["L03"]],
    ["E10000001", ["E07000001", "E07000002"]],
    ["E10000001", ["L01", "L02", "L03"]],
  ];
  return columns.flatMap((column) =>
    sums
      .filter(([total, parts]) => [total, ...parts].every((code) => index.has(code)))
      .map(([total, parts]) => {
        const equation: Equation = new Map([[`${index.get(total)}:${column}`, -1n]]);
        for (const part of parts) equation.set(`${index.get(part)}:${column}`, 1n);
        return equation;
      }),
  );
}

/** Column totals of the households table: not deprived + one + two or more = households, per row. */
function householdEquations(rows: readonly Record<string, unknown>[]): Equation[] {
  return rows.map(
    (_, r) =>
      new Map([
        [`${r}:not_deprived`, 1n],
        [`${r}:one_dimension`, 1n],
        [`${r}:two_or_more`, 1n],
        [`${r}:households`, -1n],
      ]),
  );
}

/** Cells the table does not show: the marker, or NULL named in suppressed_columns (Parquet). */
function unknownCells(rows: readonly Record<string, unknown>[], columns: string[]): Set<string> {
  const unknown = new Set<string>();
  rows.forEach((row, r) => {
    for (const column of columns)
      if (row[column] === "*" || row[column] === null) unknown.add(`${r}:${column}`);
  });
  return unknown;
}

/** The exact values of the cells `recoverableCells` found, to say what leaked. */
function recovered(table: PublishedTable, equations: Equation[], columns: string[]): string[] {
  return recoverableCells(equations, unknownCells(table.rows, columns));
}

/** Counts declared in the notebook's front matter (not found by name). */
const DECLARED = ["not_deprived", "one_dimension", "two_or_more"];

const byName = (tables: PublishedTable[], name: string) => tables.find((table) => table.file.endsWith(name))!;

describe("disclosure control on the site", () => {
  let fixture: SiteFixture;
  let warehouse: Warehouse;
  let csv: PublishedTable[];
  let parquet: PublishedTable[];
  let html: PublishedTable[];

  beforeAll(async () => {
    warehouse = await smallCountWarehouse();
    fixture = siteFixture({ "small-numbers.md": NOTEBOOK, "methods.md": METHODS }, { realComponents: true });
    await fixture.build(warehouse);
    const data = `${fixture.outDir}/data`;
    csv = readCsvTables(data);
    parquet = await readParquetTables(warehouse, data);
    html = readHtmlTables(fixture.outDir);
  });

  afterAll(() => {
    warehouse?.close();
    fixture?.cleanup();
  });

  it("has small counts that the unprotected results would publish, and give away through the totals", async () => {
    const raw = (sql: string) => warehouse.rows(sql);
    const counts = await raw(
      "SELECT * FROM indicator_value WHERE area_type <> 'country' ORDER BY area_type, area_code",
    );
    const households = await raw("SELECT * FROM households_by_dimension ORDER BY area_code");
    const unprotected = [
      { file: "counts.csv", columns: Object.keys(counts[0]!), rows: counts },
      { file: "households.csv", columns: Object.keys(households[0]!), rows: households },
    ];
    expect(smallCounts(unprotected, DECLARED)).toEqual([
      "counts.csv row 4 numerator=3",
      "households.csv row 1 one_dimension=2",
    ]);
    // Hiding only the small counts is not enough: each is the total minus the other parts.
    const primaryOnly = (rows: Record<string, unknown>[], cells: [number, string][]) =>
      rows.map((row, r) => ({
        ...row,
        ...Object.fromEntries(cells.filter(([at]) => at === r).map(([, c]) => [c, "*"])),
      }));
    const countsTable = { file: "counts", columns: [], rows: primaryOnly(counts, [[3, "numerator"]]) };
    expect(recovered(countsTable, areaEquations(countsTable.rows, ["numerator"]), ["numerator"])).toEqual([
      "3:numerator",
    ]);
    const householdsTable = {
      file: "households",
      columns: [],
      rows: primaryOnly(households, [[0, "one_dimension"]]),
    };
    expect(recovered(householdsTable, householdEquations(householdsTable.rows), ["one_dimension"])).toEqual([
      "0:one_dimension",
    ]);
  });

  it("publishes no count from 1 to 4 in any HTML table, CSV or Parquet file", () => {
    expect(csv.map((table) => table.file.split("/").pop())).toEqual([
      "counts.csv",
      "households.csv",
      "rates.csv",
    ]);
    expect(html.length).toBeGreaterThanOrEqual(4);
    expect(smallCounts(csv, DECLARED)).toEqual([]);
    expect(smallCounts(parquet, DECLARED)).toEqual([]);
    expect(smallCounts(html, DECLARED)).toEqual([]);
    // The tables do show counts, and the suppressed ones as the marker.
    const countsHtml = html.find((table) => table.columns.includes("numerator"))!;
    expect(countsHtml.rows.map((row) => row.numerator)).toEqual(["69", "44", "25", "*", "*", "25"]);
  });

  it("leaves no suppressed count recoverable from the totals the same table shows", () => {
    for (const [tables, extension] of [
      [csv, "csv"],
      [parquet, "parquet"],
    ] as const) {
      const counts = byName(tables, `counts.${extension}`);
      const columns = ["numerator", "denominator"];
      expect(unknownCells(counts.rows, columns).size).toBe(2);
      expect(recovered(counts, areaEquations(counts.rows, columns), columns)).toEqual([]);
      const households = byName(tables, `households.${extension}`);
      const parts = ["not_deprived", "one_dimension", "two_or_more", "households"];
      expect(unknownCells(households.rows, parts).size).toBe(2);
      expect(recovered(households, householdEquations(households.rows), parts)).toEqual([]);
    }
  });

  it("suppresses the rates, limits and shares computed from a suppressed count, wherever they are shown", () => {
    const counts = byName(csv, "counts.csv");
    const l01 = counts.rows.find((row) => row.area_code === "L01")!;
    const l02 = counts.rows.find((row) => row.area_code === "L02")!;
    for (const row of [l01, l02])
      expect([row.numerator, row.value, row.lower95, row.upper95]).toEqual(["*", "*", "*", "*"]);
    expect(counts.rows.find((row) => row.area_code === "L03")!.value).toBe("6.25");
    // The rates result has no counts: it is checked against the counts suppressed for the whole site.
    const rates = byName(csv, "rates.csv");
    expect(rates.rows.filter((row) => row.value === "*").map((row) => row.area_code)).toEqual(["L01", "L02"]);
    const households = byName(csv, "households.csv");
    expect(households.rows[0]).toMatchObject({ one_dimension: "*", share_one: "*" });
    // Parquet: NULL, named in suppressed_columns, in the warehouse's column types.
    const parquetCounts = byName(parquet, "counts.parquet");
    const parquetL01 = parquetCounts.rows.find((row) => row.area_code === "L01")!;
    expect(parquetL01).toMatchObject({ numerator: null, value: null, denominator: 500 });
    expect(parquetL01.suppressed_columns).toEqual(["numerator", "value", "lower95", "upper95"]);
    expect(parquetCounts.rows.find((row) => row.area_code === "L03")!.suppressed_columns).toEqual([]);
    // The page: the chart draws no bar for them and its data table shows the marker; so does table().
    const page = fixture.read("small-numbers.html");
    expect(page).toContain("Suppressed to protect small numbers: Area L01 and Area L02.");
    const chartTable = html.find(
      (table) => table.columns.includes("Value") && table.columns.includes("Code"),
    )!;
    expect(chartTable.rows.filter((row) => row.Value === "*").map((row) => row.Code)).toEqual(["L01", "L02"]);
    const rateTable = html.find((table) => table.columns.includes("Rate"))!;
    expect(rateTable.rows.find((row) => row.Area === "L01")!.Rate).toBe("*");
    const shown = html.flatMap((table) => table.rows.flatMap((row) => Object.values(row)));
    expect(shown.filter((cell) => /^(0\.6|0\.60|6\.83|6\.8)%?$/.test(String(cell)))).toEqual([]);
    expect(page).toContain("counts from 1 to 4 of people or households are suppressed");
    expect(page).toContain('href="methods.html#small-numbers"');
  });
});
