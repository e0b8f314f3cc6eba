/**
 * Fetch, load and derive into a fresh warehouse file, swapped in only when everything succeeded.
 *
 * Incremental: the warehouse records the fingerprints of the load and derive stages (their inputs,
 * configuration and code, see fingerprint.ts). A run whose fingerprints match skips the stage and says so;
 * when only the derive stage changed, the current warehouse is copied and re-derived (still atomically).
 * `force` rebuilds everything.
 */
import { randomUUID } from "node:crypto";
import { copyFileSync, existsSync } from "node:fs";
import { toolVersion } from "../cli/version.ts";
import type { ProjectConfig } from "../config/project-config.ts";
import { fetchSources } from "../fetch/fetch-sources.ts";
import { loadSources, type SourceLoadSummary } from "../load/load-stage.ts";
import { formatSeconds, type Reporter } from "../util/reporter.ts";
import { buildAtomically } from "../warehouse/atomic-build.ts";
import { Warehouse } from "../warehouse/warehouse.ts";
import { type StageFingerprints, stageFingerprints } from "./fingerprint.ts";
import type { PreparedRun } from "./prepare-run.ts";

export interface BuildOptions {
  /** The derive stage, run inside the same atomic build after loading. */
  derive?: (warehouse: Warehouse) => Promise<void>;
  /** Rebuild every stage even when its inputs are unchanged. */
  force?: boolean;
  /**
   * Publishing from the built warehouse (the site): run on the new file before it is swapped in, so a
   * failure leaves the previous warehouse and outputs untouched; run on the current warehouse when the
   * load and derive stages were up to date (publish decides itself whether it is up to date).
   */
  publish?: (warehouseFile: string) => Promise<void>;
}

export interface BuildResult {
  runId: string;
  summaries: SourceLoadSummary[];
  warehousePath: string;
  /** Which stages ran ("load", "derive"); empty when everything was up to date. */
  stagesRun: string[];
}

async function recordedFingerprints(file: string): Promise<Partial<StageFingerprints>> {
  if (!existsSync(file)) return {};
  let warehouse: Warehouse | undefined;
  try {
    warehouse = await Warehouse.open(file, { readOnly: true });
    const rows = await warehouse.rows<{ key: string; value: string }>(
      "SELECT key, value FROM meta WHERE key IN ('load_fingerprint', 'derive_fingerprint')",
    );
    const byKey = new Map(rows.map((row) => [row.key, row.value]));
    return { load: byKey.get("load_fingerprint"), derive: byKey.get("derive_fingerprint") };
  } catch {
    return {};
  } finally {
    warehouse?.close();
  }
}

async function writeMeta(warehouse: Warehouse, entries: Record<string, string>): Promise<void> {
  for (const [key, value] of Object.entries(entries)) {
    await warehouse.run("INSERT OR REPLACE INTO meta VALUES ($1, $2)", [key, value]);
  }
}

export async function buildWarehouse(
  config: ProjectConfig,
  run: PreparedRun,
  reporter: Reporter,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const started = performance.now();
  const runId = randomUUID();
  const fetched = await fetchSources(
    run.sources.map((s) => s.manifest),
    config,
    reporter,
  );
  const wanted = stageFingerprints(config.sourcesDir, fetched, toolVersion());
  const recorded = options.force ? {} : await recordedFingerprints(config.warehousePath);
  const loadCurrent = recorded.load === wanted.load;
  const deriveCurrent = loadCurrent && (recorded.derive === wanted.derive || !options.derive);
  if (loadCurrent && deriveCurrent) {
    reporter.info("load: up to date, skipped (sources, configuration and code unchanged; --force rebuilds)");
    if (options.derive) reporter.info("derive: up to date, skipped");
    if (options.publish) await options.publish(config.warehousePath);
    return { runId, summaries: [], warehousePath: config.warehousePath, stagesRun: [] };
  }
  const stagesRun: string[] = [];
  const summaries = await buildAtomically(config.warehousePath, async (file) => {
    if (loadCurrent) {
      reporter.info("load: up to date, skipped; re-deriving from the current warehouse");
      copyFileSync(config.warehousePath, file);
    }
    const warehouse = await Warehouse.open(file);
    let result: SourceLoadSummary[] = [];
    try {
      if (!loadCurrent) {
        result = await loadSources({
          warehouse,
          sources: run.sources,
          fetched,
          catalogue: run.catalogue,
          reporter,
          runId,
        });
        await writeMeta(warehouse, { load_fingerprint: wanted.load });
        stagesRun.push("load");
      }
      if (options.derive) {
        await options.derive(warehouse);
        await writeMeta(warehouse, { derive_fingerprint: wanted.derive });
        stagesRun.push("derive");
      }
      await writeMeta(warehouse, { run_id: runId, built_at: new Date().toISOString() });
      await warehouse.run("CHECKPOINT");
    } finally {
      warehouse.close();
    }
    if (options.publish) await options.publish(file);
    return result;
  });
  reporter.info(`warehouse: ${config.warehousePath} (built in ${formatSeconds(started)})`);
  return { runId, summaries, warehousePath: config.warehousePath, stagesRun };
}
