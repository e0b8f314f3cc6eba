/**
 * Pack tests run on the real warehouse (built once per test run by tests/global-setup.ts) or on a copy of
 * it changed to be hostile: the priority area renamed `<script>alert(1)</script>` and a locality renamed to
 * a spreadsheet formula, everywhere a name is stored; optionally without the target tables.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../../../pipelines/config/project-config.ts";
import { knownIds, plansDir, readPlans } from "../../../pipelines/publish/packs/read-plans.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

export const EVIL_NAME = "<script>alert(1)</script>";
export const FORMULA_NAME = '=HYPERLINK("http://example.org","click")';
export const SOURCES = path.join(PROJECT_ROOT, "sources");

export function shippedPlans() {
  return readPlans(plansDir(SOURCES), knownIds(SOURCES));
}

/** A temporary dist folder holding a copy of the real warehouse. */
export function copyOfRealDist(realDist: string): string {
  const dist = mkdtempSync(path.join(tmpdir(), "ntg-pack-"));
  copyFileSync(path.join(realDist, "warehouse.duckdb"), path.join(dist, "warehouse.duckdb"));
  return dist;
}

const NAME_COLUMNS: [table: string, code: string, name: string][] = [
  ["area", "code", "name"],
  ["deprivation_summary", "area_code", "area_name"],
  ["deprivation_trend", "area_code", "area_name"],
  ["forecast", "area_code", "area_name"],
  ["target_series", "area_code", "area_name"],
  ["allocation", "code", "name"],
];

/** Renames WCC-P01 to a script tag and WCC-L21 to a formula; drops the target tables when asked. */
export async function makeHostile(dist: string, options: { dropTargets?: boolean } = {}): Promise<void> {
  const warehouse = await Warehouse.open(path.join(dist, "warehouse.duckdb"));
  try {
    for (const [table, code, name] of NAME_COLUMNS) {
      await warehouse.run(`UPDATE ${table} SET ${name} = $1 WHERE ${code} = 'WCC-P01'`, [EVIL_NAME]);
      await warehouse.run(`UPDATE ${table} SET ${name} = $1 WHERE ${code} = 'WCC-L21'`, [FORMULA_NAME]);
    }
    if (options.dropTargets)
      for (const table of ["target_check", "forecast", "target_series", "target"])
        await warehouse.run(`DROP TABLE IF EXISTS ${table}`);
  } finally {
    warehouse.close();
  }
}
