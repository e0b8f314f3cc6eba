/**
 * Fetch and load into a fresh warehouse file, swapped in only when everything succeeded. Later stages
 * (derive, publish) plug in through `afterLoad`, so they run inside the same atomic build.
 */
import { randomUUID } from "node:crypto";
import type { ProjectConfig } from "../config/project-config.ts";
import { fetchSources } from "../fetch/fetch-sources.ts";
import { loadSources, type SourceLoadSummary } from "../load/load-stage.ts";
import { formatSeconds, type Reporter } from "../util/reporter.ts";
import { buildAtomically } from "../warehouse/atomic-build.ts";
import { Warehouse } from "../warehouse/warehouse.ts";
import type { PreparedRun } from "./prepare-run.ts";

export interface BuildResult {
  runId: string;
  summaries: SourceLoadSummary[];
  warehousePath: string;
}

export async function buildWarehouse(
  config: ProjectConfig,
  run: PreparedRun,
  reporter: Reporter,
  afterLoad?: (warehouse: Warehouse) => Promise<void>,
): Promise<BuildResult> {
  const started = performance.now();
  const runId = randomUUID();
  const fetched = await fetchSources(
    run.sources.map((s) => s.manifest),
    config,
    reporter,
  );
  const summaries = await buildAtomically(config.warehousePath, async (file) => {
    const warehouse = await Warehouse.open(file);
    try {
      // One transaction for the whole build: no commit (and WAL flush) after each statement.
      await warehouse.run("BEGIN TRANSACTION");
      const result = await loadSources({
        warehouse,
        sources: run.sources,
        fetched,
        catalogue: run.catalogue,
        reporter,
        runId,
      });
      if (afterLoad) await afterLoad(warehouse);
      await warehouse.run("INSERT INTO meta VALUES ('built_at', CAST(current_timestamp AS VARCHAR))");
      await warehouse.run("COMMIT");
      await warehouse.run("CHECKPOINT");
      return result;
    } finally {
      warehouse.close();
    }
  });
  reporter.info(`warehouse: ${config.warehousePath} (built in ${formatSeconds(started)})`);
  return { runId, summaries, warehousePath: config.warehousePath };
}
