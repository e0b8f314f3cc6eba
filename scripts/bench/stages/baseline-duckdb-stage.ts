/**
 * Stage `baseline-duckdb-load-aggregate`: the hand-written DuckDB SQL of baselines/duckdb.sql (typed read,
 * district sums rolled up to counties and England, Wilson in SQL) into a fresh file database, timed as one
 * piece, side by side with the pipeline's `load` + `aggregate`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { quoteLiteral, Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { removeWarehouse } from "./load-stage.ts";
import type { StageContext, StageOutcome } from "./stage-context.ts";

export const BASELINE_SQL = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "baselines",
  "duckdb.sql",
);

/** The baseline script with its file placeholders filled in. */
export function baselineSql(benchDir: string): string {
  const files: Record<string, string> = {
    observations: "observations.csv",
    lookup: "lookup.csv",
    hierarchy: "hierarchy.csv",
  };
  return readFileSync(BASELINE_SQL, "utf8").replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const file = files[name];
    if (!file) throw new Error(`${BASELINE_SQL}: unknown placeholder {{${name}}}`);
    return quoteLiteral(path.join(benchDir, file));
  });
}

export async function baselineDuckdbStage(context: StageContext): Promise<StageOutcome> {
  const file = path.join(context.benchDir, "baseline.duckdb");
  removeWarehouse(file);
  const sql = baselineSql(context.benchDir);
  const started = performance.now();
  const warehouse = await Warehouse.open(file);
  try {
    await warehouse.run(sql);
    const seconds = (performance.now() - started) / 1000;
    return {
      rows: (await warehouse.scalar<number>("SELECT count(*)::INTEGER FROM aggregate")) ?? 0,
      seconds,
    };
  } finally {
    warehouse.close();
    removeWarehouse(file);
  }
}
