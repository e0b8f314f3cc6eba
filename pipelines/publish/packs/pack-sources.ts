/**
 * Provenance of a pack: the sources its numbers come from (with publisher, licence and the sha256 the file
 * was verified against, from table `source`) and the build they were read from (run id and build time,
 * from table `meta`). A source is "used" when it feeds the geography (lookups, local definitions,
 * boundaries, bridges), the populations, the deprivation indices, or one of the plan's indicators.
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { PackContext } from "./pack-context.ts";
import { hasTables, sqlList } from "./pack-sql.ts";

export interface PackSource {
  id: string;
  title: string;
  publisher: string;
  licence: string;
  sha256: string;
  official_url: string;
  origin: string;
  illustrative: boolean;
}

export interface BuildInfo {
  runId: string | null;
  builtAt: string | null;
}

const BASE_TABLES = ["deprivation", "area_edge", "area_bridge", "boundary", "population"];

export async function packSources(warehouse: Warehouse, context: PackContext): Promise<PackSource[]> {
  const ids = new Set<string>();
  for (const table of BASE_TABLES.filter((name) => hasTables(context.tables, name))) {
    const rows = await warehouse.rows<{ source: string }>(`SELECT DISTINCT source FROM ${table}`);
    for (const row of rows) ids.add(row.source);
  }
  if (hasTables(context.tables, "indicator_value")) {
    const indicators = [...context.plan.indicators, ...context.plan.targets];
    const rows = await warehouse.rows<{ sources: string | null }>(
      `SELECT DISTINCT underlying_sources AS sources FROM indicator_value WHERE indicator IN ${sqlList(indicators)}`,
    );
    for (const row of rows) for (const id of (row.sources ?? "").split(/\s*[+,]\s*/)) if (id) ids.add(id);
  }
  return warehouse.rows<PackSource & Record<string, unknown>>(
    `SELECT id, title, publisher, licence, sha256, official_url, origin, illustrative FROM source
     WHERE id IN ${sqlList([...ids])} ORDER BY id`,
  );
}

export async function buildInfo(warehouse: Warehouse): Promise<BuildInfo> {
  const rows = await warehouse.rows<{ key: string; value: string }>(
    "SELECT key, value FROM meta WHERE key IN ('run_id', 'built_at')",
  );
  const value = (key: string) => rows.find((row) => row.key === key)?.value ?? null;
  return { runId: value("run_id"), builtAt: value("built_at") };
}
