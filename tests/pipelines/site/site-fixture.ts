/**
 * A tiny county for site tests, in an in-memory warehouse: England → county C1 (Testshire) → districts
 * D1, D2 → localities L01–L03 → LSOAs. Locality names are hostile on purpose: one is
 * `<script>alert(1)</script>`, one has quotes and an ampersand. Notebooks and a fake components module
 * are written to a temporary folder by each test.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSiteFromWarehouse, type SiteBuildResult } from "../../../pipelines/publish/site/build-site.ts";
import { memoryReporter } from "../../../pipelines/util/reporter.ts";
import { SCHEMA_SQL } from "../../../pipelines/warehouse/schema.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

export const EVIL_NAME = "<script>alert(1)</script>";
export const QUOTED_NAME = `O'Brien & "Sons"`;

const AREAS: [string, string, string, boolean][] = [
  ["E92000001", "England", "country", false],
  ["E10000001", "Testshire", "county", false],
  ["E07000001", "District One", "district", false],
  ["E07000002", "District Two", "district", false],
  ["L01", EVIL_NAME, "locality", true],
  ["L02", QUOTED_NAME, "locality", true],
  ["L03", "Beta Town", "locality", true],
  ["E01000001", "One 001A", "lsoa11", false],
  ["E01000002", "One 001B", "lsoa11", false],
  ["E01000003", "Two 001A", "lsoa11", false],
];

/** child, child type, parent, parent type */
const LINKS: [string, string, string, string][] = [
  ["E10000001", "county", "E92000001", "country"],
  ["E07000001", "district", "E10000001", "county"],
  ["E07000002", "district", "E10000001", "county"],
  ["L01", "locality", "E07000001", "district"],
  ["L02", "locality", "E07000001", "district"],
  ["L03", "locality", "E07000002", "district"],
  ["L01", "locality", "E10000001", "county"],
  ["L02", "locality", "E10000001", "county"],
  ["L03", "locality", "E10000001", "county"],
  ["E01000001", "lsoa11", "L01", "locality"],
  ["E01000002", "lsoa11", "L02", "locality"],
  ["E01000003", "lsoa11", "L03", "locality"],
  ["E01000001", "lsoa11", "E10000001", "county"],
  ["E01000002", "lsoa11", "E10000001", "county"],
  ["E01000003", "lsoa11", "E10000001", "county"],
];

export async function fixtureWarehouse(): Promise<Warehouse> {
  const warehouse = await Warehouse.open(":memory:");
  await warehouse.run(SCHEMA_SQL);
  for (const [code, name, type, illustrative] of AREAS) {
    await warehouse.run(
      "INSERT INTO area (code, name, type, illustrative, source) VALUES ($1, $2, $3, $4, 'test')",
      [code, name, type, illustrative],
    );
  }
  for (const [child, childType, parent, parentType] of LINKS) {
    await warehouse.run("INSERT INTO area_link VALUES ($1, $2, $3, $4, 1, 'nested', 'test')", [
      child,
      childType,
      parent,
      parentType,
    ]);
  }
  await warehouse.run("INSERT INTO meta VALUES ('built_at', '2024-05-01T10:00:00.000Z')");
  await warehouse.run(`INSERT INTO observation_all_columns (indicator, area_code, area_type, period, value, source)
    VALUES ('test-rate', 'L01', 'locality', '2020', 12.5, 'test'), ('test-rate', 'L02', 'locality', '2020', 7.25, 'test'),
           ('test-rate', 'L03', 'locality', '2020', NULL, 'test')`);
  return warehouse;
}

export const FAKE_COMPONENTS = `
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
export function fakeChart(rows, { title }) {
  return {
    svg: '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="t d"><title id="t">' + escape(title) +
      '</title><desc id="d">d</desc><defs><clipPath id="clip"><rect/></clipPath></defs><g clip-path="url(#clip)">' +
      rows.map((row) => '<text>' + escape(row.name) + '</text>').join("") + '</g></svg>',
    title,
    description: "A chart of " + rows.length + " areas: " + rows.map((row) => row.name).join(", "),
    table: { columns: ["name", "value"], rows: rows.map((row) => [row.name, row.value]) },
  };
}
export function unsafeChart() {
  return { svg: '<svg><script>alert(1)</script></svg>', title: "t", description: "d", table: { columns: [], rows: [] } };
}
export const BENCHMARK_COLOURS = { better: "#2166ac", similar: "#f5cf4a", worse: "#e8743b" };
`;

export interface SiteFixture {
  root: string;
  notebooksDir: string;
  outDir: string;
  componentsFile: string;
  write(files: Record<string, string>): void;
  build(warehouse: Warehouse): Promise<SiteBuildResult & { lines: string[] }>;
  read(sitePath: string): string;
  cleanup(): void;
}

/** A fixture site; `realComponents` uses notebooks/components instead of the fake module. */
export function siteFixture(
  files: Record<string, string> = {},
  options: { realComponents?: boolean } = {},
): SiteFixture {
  const root = mkdtempSync(path.join(tmpdir(), "ntg-site-"));
  const notebooksDir = path.join(root, "notebooks");
  const componentsFile = path.join(root, "components.mjs");
  mkdirSync(notebooksDir);
  writeFileSync(componentsFile, FAKE_COMPONENTS);
  const fixture: SiteFixture = {
    root,
    notebooksDir,
    outDir: path.join(root, "dist", "site"),
    componentsFile,
    write(more) {
      for (const [name, text] of Object.entries(more)) writeFileSync(path.join(notebooksDir, name), text);
    },
    async build(warehouse) {
      const reporter = memoryReporter();
      const components = options.realComponents ? {} : { componentsFile };
      const result = await buildSiteFromWarehouse(
        warehouse,
        { notebooksDir, outDir: fixture.outDir, ...components },
        reporter,
      );
      return { ...result, lines: reporter.lines };
    },
    read(sitePath) {
      return readFileSync(path.join(fixture.outDir, ...sitePath.split("/")), "utf8");
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  fixture.write(files);
  return fixture;
}
