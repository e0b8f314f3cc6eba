/**
 * `npm run bench`: the national-scale benchmark of issue 9. Generates the synthetic dataset in dist/bench
 * (scripts/bench/generate-dataset.ts; timed separately, not a stage), writes a sources folder for it
 * (bench-sources.ts), runs each stage in its own child process (stage-process.ts) — load, aggregate,
 * benchmark, sii, the hand-written DuckDB baseline, the default Warwickshire run and its rerun, and the
 * pandas baseline when pandas is installed — then prints a table and writes dist/bench/results.json.
 * See scripts/bench/README.md.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { Warehouse } from "../pipelines/warehouse/warehouse.ts";
import { acceptanceChecks, formatAcceptance } from "./bench/acceptance.ts";
import { BENCH_HELP, type BenchOptions, HelpRequested, parseBenchOptions } from "./bench/bench-options.ts";
import { writeBenchSources } from "./bench/bench-sources.ts";
import { generateDataset, SIZES } from "./bench/generate-dataset.ts";
import {
  currentLoadAverage,
  describeMachine,
  formatResultsTable,
  type StageResult,
  stageResult,
  writeResults,
} from "./bench/results.ts";
import {
  fetchWarwickshireSources,
  PROJECT_ROOT,
  pandasPython,
  runPandasBaseline,
  runStageProcess,
} from "./bench/stage-process.ts";
import { PANDAS_STAGE } from "./bench/stages/index.ts";
import type { StageContext } from "./bench/stages/stage-context.ts";

const BENCH_DIR = path.join(PROJECT_ROOT, "dist", "bench");
const SHARED_DATA = path.resolve(PROJECT_ROOT, "..", "shared", "data");
/** What the benchmark writes in dist/bench (other files there are left alone). */
const OUTPUTS = [
  "observations.csv",
  "observations.json",
  "lookup.csv",
  "deciles.csv",
  "hierarchy.csv",
  "sources",
  "warehouse.duckdb",
  "warehouse.duckdb.wal",
  "warwickshire",
  "results.json",
  "logs",
];

async function duckdbVersion(): Promise<string> {
  const warehouse = await Warehouse.open(":memory:");
  try {
    return (await warehouse.scalar<string>("SELECT version()")) ?? "unknown";
  } finally {
    warehouse.close();
  }
}

async function runStages(
  options: BenchOptions,
  context: StageContext,
  notes: Record<string, string>,
): Promise<StageResult[]> {
  const results: StageResult[] = [];
  for (const name of options.stages) {
    if (name === PANDAS_STAGE) {
      const python = pandasPython();
      if (!python) {
        process.stderr.write(
          `${name}: skipped, pandas is not installed (python3 -c "import pandas" fails; set NTG_BENCH_PYTHON to a Python that has it)\n`,
        );
        continue;
      }
      const r = runPandasBaseline(context, python);
      results.push(stageResult(name, r.rows, r.seconds, r.peakRssMb));
    } else {
      if (
        name === "warwickshire" ||
        (name === "warwickshire-rerun" && !options.stages.includes("warwickshire"))
      ) {
        fetchWarwickshireSources(context, options.verbose);
      }
      const r = await runStageProcess(name, context, options.verbose);
      results.push(stageResult(name, r.rows, r.seconds, r.peakRssMb));
      if (r.note) notes[name] = r.note;
    }
    const last = results.at(-1);
    if (last?.name === name)
      process.stderr.write(`${name}: ${last.seconds.toFixed(2)} s, peak RSS ${last.peakRssMb} MB\n`);
  }
  return results;
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `${error instanceof HelpRequested ? "" : `${(error as Error).message}\n\n`}${BENCH_HELP}\n`,
    );
    return error instanceof HelpRequested ? 0 : 2;
  }
  const loadAtStart = currentLoadAverage();
  if (!options.keep)
    for (const name of OUTPUTS) rmSync(path.join(BENCH_DIR, name), { recursive: true, force: true });
  process.stderr.write(`bench: size ${options.size}, load average ${loadAtStart}; generating the dataset…\n`);
  const dataset = await generateDataset(BENCH_DIR, options.size, SHARED_DATA);
  process.stderr.write(
    `dataset: ${dataset.rows.toLocaleString("en-GB")} rows in ${dataset.seconds.toFixed(1)} s (${dataset.observations})\n`,
  );
  const indicators = SIZES[options.size].indicators;
  const context: StageContext = {
    benchDir: BENCH_DIR,
    sourcesDir: await writeBenchSources({ benchDir: BENCH_DIR, indicators, sharedData: SHARED_DATA }),
    warehousePath: path.join(BENCH_DIR, "warehouse.duckdb"),
    warwickshireDist: path.join(BENCH_DIR, "warwickshire"),
    sharedData: SHARED_DATA,
    indicators,
  };
  const notes: Record<string, string> = {};
  const stages = await runStages(options, context, notes);
  const results = {
    machine: describeMachine(await duckdbVersion()),
    size: options.size,
    stages,
    loadAverage: { start: loadAtStart, end: currentLoadAverage() },
    datasetSeconds: Math.round(dataset.seconds * 100) / 100,
    notes,
  };
  writeResults(path.join(BENCH_DIR, "results.json"), results);
  const m = results.machine;
  process.stdout.write(
    `\n${m.cpus} × ${m.model}, ${m.memoryGb} GB, ${m.os}, Node ${m.node}, DuckDB ${m.duckdb}\n`,
  );
  process.stdout.write(
    `size ${options.size}: ${dataset.rows.toLocaleString("en-GB")} observation rows; dataset generated in ${results.datasetSeconds.toFixed(1)} s; load average ${loadAtStart} → ${results.loadAverage.end}\n\n`,
  );
  const noteLines = Object.entries(notes)
    .map(([name, note]) => `  ${name}: ${note}\n`)
    .join("");
  process.stdout.write(
    `${formatResultsTable(stages)}\n${noteLines}\n${formatAcceptance(acceptanceChecks(stages))}\n\nwritten: ${path.join(BENCH_DIR, "results.json")}\n`,
  );
  return 0;
}

process.exitCode = await main();
