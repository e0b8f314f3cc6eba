/**
 * Runs `slopeIndexOfInequalityBatch` on several cores: the sets are split into contiguous ranges, one
 * worker thread each, and the results concatenated in order. Every worker uses the same seed, so each set
 * gets exactly the draws (and numbers) it would get in one thread. Small batches run in this thread, where
 * starting workers would cost more than it saves.
 *
 * Workers load TypeScript through tsx's loader (registered in the worker before the worker module is
 * imported), so this works from `ntg`, from tsx scripts and from tests alike.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import {
  type InequalityGroupColumns,
  type SlopeIndexBatch,
  type SlopeIndexOptions,
  slopeIndexOfInequalityBatch,
} from "../../../models/statistics/index.ts";

/** Below this many sets one thread is faster than starting workers. */
export const SETS_PER_WORKER = 500;

export function defaultWorkers(sets: number): number {
  return Math.max(1, Math.min(availableParallelism(), 4, Math.floor(sets / SETS_PER_WORKER)));
}

/** Rows of sets [from, to) as their own columns (offsets rebased to 0). */
function sliceSets(columns: InequalityGroupColumns, from: number, to: number): InequalityGroupColumns {
  const start = columns.offsets[from]!;
  const end = columns.offsets[to]!;
  const part = <T extends ArrayLike<number>>(values: T) =>
    Float64Array.from({ length: end - start }, (_, i) => values[start + i]!);
  return {
    offsets: Int32Array.from({ length: to - from + 1 }, (_, i) => columns.offsets[from + i]! - start),
    population: part(columns.population),
    value: part(columns.value),
    lower: part(columns.lower),
    upper: part(columns.upper),
  };
}

/** tsx's ESM loader API (its `import` export; the CommonJS build cannot register from an eval worker). */
function tsxApiUrl(): string {
  const packageJson = createRequire(import.meta.url).resolve("tsx/package.json");
  const exports = JSON.parse(readFileSync(packageJson, "utf8")).exports["./esm/api"];
  return pathToFileURL(path.join(path.dirname(packageJson), exports.import.default)).href;
}

function bootstrap(): string {
  const tsxApi = tsxApiUrl();
  const workerModule = new URL("./sii-worker.ts", import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerModule)}); })`;
}

function runInWorker(columns: InequalityGroupColumns, options: SlopeIndexOptions): Promise<SlopeIndexBatch> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap(), { eval: true, workerData: { columns, options } });
    worker.once("message", (result: SlopeIndexBatch) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`SII worker stopped with exit code ${code}`));
    });
  });
}

function concatenate(parts: SlopeIndexBatch[]): SlopeIndexBatch {
  const join = (field: "sii" | "rii" | "intercept" | "lowerSii" | "upperSii" | "lowerRii" | "upperRii") => {
    const out = new Float64Array(parts.reduce((n, p) => n + p[field].length, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p[field], offset);
      offset += p[field].length;
    }
    return out;
  };
  const first = parts[0]!;
  return {
    ...{ sii: join("sii"), rii: join("rii"), intercept: join("intercept") },
    ...{
      lowerSii: join("lowerSii"),
      upperSii: join("upperSii"),
      lowerRii: join("lowerRii"),
      upperRii: join("upperRii"),
    },
    reason: parts.flatMap((p) => p.reason),
    intervalReason: parts.flatMap((p) => p.intervalReason),
    ...{ seed: first.seed, simulations: first.simulations, confidence: first.confidence },
  };
}

/** The batch over `workers` threads (default: by size and cores; 1 = this thread). */
export async function slopeIndexInParallel(
  columns: InequalityGroupColumns,
  options: SlopeIndexOptions,
  workers = defaultWorkers(columns.offsets.length - 1),
): Promise<SlopeIndexBatch> {
  const sets = columns.offsets.length - 1;
  if (workers <= 1 || sets < 2) return slopeIndexOfInequalityBatch(columns, options);
  const bounds = Array.from({ length: workers + 1 }, (_, w) => Math.round((w * sets) / workers));
  const parts = await Promise.all(
    bounds.slice(0, -1).map((from, w) => runInWorker(sliceSets(columns, from, bounds[w + 1]!), options)),
  );
  return concatenate(parts);
}
