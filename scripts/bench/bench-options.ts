/** Command-line options of `npm run bench`, validated once. */
import { parseArgs } from "node:util";
import { type BenchSize, SIZES } from "./generate-dataset.ts";
import { DEFAULT_STAGES, PANDAS_STAGE, STAGES } from "./stages/index.ts";

export interface BenchOptions {
  size: BenchSize;
  /** Stages in the order given (default: every stage, and the pandas baseline when pandas is installed). */
  stages: string[];
  /** Whether the stages were chosen explicitly (then a missing pandas is reported, not silently skipped). */
  stagesChosen: boolean;
  /** Reuse dist/bench (dataset, sources, warehouse, the Warwickshire folder) instead of starting clean. */
  keep: boolean;
  /** Show each stage's own progress output instead of writing it to dist/bench/logs/<stage>.log. */
  verbose: boolean;
}

export const BENCH_HELP = `Usage: npm run bench -- [--size S|M|L] [--stages load,aggregate,…] [--keep] [--verbose]

Generates the synthetic national dataset (every English 2011 LSOA × N indicators × 10 periods: S 5, M 50,
L 100 indicators) in dist/bench, then times each stage in its own process and writes dist/bench/results.json.
Stages: ${[...DEFAULT_STAGES, PANDAS_STAGE].join(", ")}.
  --keep      reuse dist/bench (needed to run e.g. --stages sii on the warehouse of an earlier run)
  --verbose   show the stages' progress (otherwise in dist/bench/logs/<stage>.log)`;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      size: { type: "string", default: "M" },
      stages: { type: "string" },
      keep: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new HelpRequested();
  const size = values.size!.toUpperCase();
  if (!(size in SIZES)) throw new Error(`--size ${values.size}: use S, M or L`);
  const known = new Set([...Object.keys(STAGES), PANDAS_STAGE]);
  const stages = values.stages
    ? values.stages
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [...DEFAULT_STAGES, PANDAS_STAGE];
  const unknown = stages.filter((s) => !known.has(s));
  if (unknown.length > 0)
    throw new Error(`--stages: unknown ${unknown.join(", ")} (stages: ${[...known].join(", ")})`);
  return {
    size: size as BenchSize,
    stages,
    stagesChosen: Boolean(values.stages),
    keep: values.keep!,
    verbose: values.verbose!,
  };
}

export class HelpRequested extends Error {}
