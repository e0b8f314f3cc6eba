/**
 * Stage `load`: the project's own load stage (`loadSources`, the code `ntg load` and `ntg run` use) into a
 * fresh warehouse dist/bench/warehouse.duckdb, from the bench sources folder. Fetching is left out on
 * purpose: the files are local (`localPath`), so fetch would only hash them; the stage times reading,
 * validating and writing, then a CHECKPOINT so the rows are on disk.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { resolveConfig } from "../../../pipelines/config/project-config.ts";
import type { FetchedSource } from "../../../pipelines/fetch/fetch-source.ts";
import { loadSources } from "../../../pipelines/load/load-stage.ts";
import { prepareRun } from "../../../pipelines/run/prepare-run.ts";
import { consoleReporter } from "../../../pipelines/util/reporter.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import type { StageContext, StageOutcome } from "./stage-context.ts";

/** Removes a DuckDB file and its write-ahead log. */
export function removeWarehouse(file: string): void {
  for (const suffix of ["", ".wal", ".tmp"]) rmSync(`${file}${suffix}`, { force: true, recursive: true });
}

export async function loadStage(context: StageContext): Promise<StageOutcome> {
  const config = resolveConfig({
    sourcesDir: context.sourcesDir,
    distDir: context.benchDir,
    noDefaultMirrors: true,
    allowDownload: false,
  });
  const run = prepareRun(config);
  const fetched = new Map<string, FetchedSource>();
  for (const source of run.sources) {
    const file = path.resolve(path.dirname(source.manifest.manifestPath), source.manifest.localPath!);
    fetched.set(source.manifest.id, {
      id: source.manifest.id,
      path: file,
      origin: "committed",
      originPath: file,
      sha256: "not verified (benchmark file)",
    });
  }
  removeWarehouse(context.warehousePath);
  const started = performance.now();
  const warehouse = await Warehouse.open(context.warehousePath);
  try {
    const summaries = await loadSources({
      warehouse,
      sources: run.sources,
      fetched,
      catalogue: run.catalogue,
      reporter: consoleReporter(),
      runId: randomUUID(),
    });
    await warehouse.run("CHECKPOINT");
    const observations = summaries.find((s) => s.id === "bench-observations");
    return { rows: observations?.rowsLoaded ?? 0, seconds: (performance.now() - started) / 1000 };
  } finally {
    warehouse.close();
  }
}
