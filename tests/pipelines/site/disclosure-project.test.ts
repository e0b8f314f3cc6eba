/**
 * Disclosure control end to end with the project's own notebooks and CLI: `ntg run` on a tiny county whose
 * locality Northside (L01) has 3 cases (2 and 1 in its two small areas). No published file holds a count
 * from 1 to 4, Northside's rate is suppressed on every page and file that shows it — with its neighbour's,
 * so the district total gives neither away — and in `ntg profile` and `ntg indicator` output unless
 * `--no-suppression` is given.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { createFixtureProject, type FixtureProject } from "../../helpers/fixture-project.ts";
import {
  filesUnder,
  type PublishedTable,
  readCsvTables,
  readHtmlTables,
  readParquetTables,
  smallCounts,
} from "./published-outputs.ts";

/** LSOA, numerator, denominator: L01 = 1 + 2 (3 of 220), L02 = 30 of 150, L03 (= district 2) = 45 of 410. */
const SMALL_AREAS: [string, number, number][] = [
  ["E01000001", 2, 100],
  ["E01000002", 1, 120],
  ["E01000003", 30, 150],
  ["E01000004", 20, 200],
  ["E01000005", 25, 210],
];
/** Northside's rate as the warehouse holds it (percentage). */
const NORTHSIDE_RATE = String((100 * 3) / 220).slice(0, 9);

describe("disclosure control with the project's notebooks and CLI", () => {
  let project: FixtureProject;
  let site: string;
  let csv: PublishedTable[];

  beforeAll(async () => {
    project = createFixtureProject({
      observations: [
        "indicator,area_code,period,numerator,denominator",
        ...SMALL_AREAS.map(
          ([lsoa, numerator, denominator]) => `test-proportion,${lsoa},2019,${numerator},${denominator}`,
        ),
      ].join("\n"),
    });
    const run = await project.ntg("run");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /site: disclosure control: counts from 1 to 4 shown as \*; 1 small indicator count and 1 further cell/,
    );
    site = path.join(project.distDir, "site");
    csv = readCsvTables(path.join(site, "data"));
  });

  afterAll(() => project?.cleanup());

  it("publishes no count from 1 to 4, and never Northside's rate, in any HTML, CSV or Parquet file", async () => {
    const warehouse = await Warehouse.open(":memory:");
    try {
      const parquet = await readParquetTables(warehouse, path.join(site, "data"));
      expect(parquet.length).toBe(csv.length);
      expect(smallCounts([...csv, ...parquet, ...readHtmlTables(site)])).toEqual([]);
    } finally {
      warehouse.close();
    }
    for (const file of [...filesUnder(site, ".html"), ...filesUnder(site, ".csv")])
      expect(readFileSync(file, "utf8"), file).not.toContain(NORTHSIDE_RATE);
  });

  it("suppresses Northside's rate and its neighbour's wherever a page or file shows it", () => {
    const latest = csv.find((table) => table.file.endsWith(path.join("indicator", "latest.csv")))!;
    const rate = (code: string) =>
      latest.rows.find((row) => row.indicator === "test-proportion" && row.area_code === code)!;
    expect(rate("L01")).toMatchObject({ value: "*", lower95: "*", upper95: "*" });
    expect(rate("L02")).toMatchObject({ value: "*", lower95: "*", upper95: "*" });
    expect(Number(rate("L03").value)).toBeCloseTo((100 * 45) / 410, 9);
    expect(Number(rate("E07000001").value)).toBeCloseTo((100 * 33) / 370, 9);
    // The localities' gap summary: Northside is the best, so the best value, range and ratio go too.
    const gaps = csv.find((table) => table.file.endsWith(path.join("indicator", "gaps.csv")))!;
    const localities = gaps.rows.find(
      (row) => row.indicator === "test-proportion" && row.area_set === "locality",
    )!;
    expect(localities).toMatchObject({ best_code: "L01", best_value: "*", range: "*", ratio: "*" });
    // Its own page and download.
    const own = csv.find((table) => table.file.endsWith(path.join("areas", "l01", "comparisons.csv")))!;
    expect(own.rows.find((row) => row.indicator === "test-proportion")).toMatchObject({ value: "*" });
    const page = readFileSync(path.join(site, "indicators", "test-proportion.html"), "utf8");
    expect(page).toContain("Suppressed to protect small numbers: Northside and Southside.");
    expect(page).toMatch(/counts from 1 to 4 of people or households are suppressed/);
  });

  it("protects `ntg profile` and `ntg indicator` output unless --no-suppression is given", async () => {
    const profile = await project.ntg("profile", "L01", "--format", "csv");
    expect(profile.code, profile.stderr).toBe(0);
    const [header, row] = profile.stdout.trim().split("\n");
    const fields = Object.fromEntries(
      header!.split(",").map((column, index) => [column, row!.split(",")[index]]),
    );
    expect(fields).toMatchObject({
      numerator: "*",
      value: "*",
      lower95: "*",
      upper95: "*",
      denominator: "220",
    });
    const indicator = JSON.parse(
      (await project.ntg("indicator", "test-proportion", "--format", "json")).stdout,
    );
    expect(
      indicator.areas
        .filter((area: { value: unknown }) => area.value === "*")
        .map((area: { area_code: string }) => area.area_code)
        .sort(),
    ).toEqual(["L01", "L02"]);
    expect(indicator.summary).toMatchObject({ best_value: "*", range: "*" });
    const lsoas = await project.ntg("indicator", "test-proportion", "--level", "lsoa", "--format", "csv");
    const suppressed = lsoas.stdout.split("\n").filter((line) => line.split(",")[3] === "*");
    expect(suppressed.map((line) => line.split(",")[0]).sort()).toEqual(["E01000001", "E01000002"]);
    const full = await project.ntg("profile", "L01", "--format", "csv", "--no-suppression");
    expect(full.stderr).toMatch(/--no-suppression: .* NOT suppressed; do not publish/);
    expect(full.stdout).toContain(NORTHSIDE_RATE);
    expect((await project.ntg("profile", "--help")).stdout).toMatch(
      /--no-suppression +the warehouse's full values/,
    );
  });
});
