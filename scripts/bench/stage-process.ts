/**
 * Runs stages in child processes: each Node stage forked with the TypeScript loader (run-stage.ts) and its
 * output sent to dist/bench/logs/<stage>.log; the pandas baseline as python3 when pandas can be imported.
 */
import { fork, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { StageMessage } from "./run-stage.ts";
import type { StageContext } from "./stages/stage-context.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(HERE, "..", "..");

export interface ChildResult {
  rows: number;
  seconds: number;
  peakRssMb: number;
  note?: string;
}

function logFile(context: StageContext, name: string): number {
  const folder = path.join(context.benchDir, "logs");
  mkdirSync(folder, { recursive: true });
  return openSync(path.join(folder, `${name}.log`), "w");
}

/** Forks one stage and resolves with what it reports; a failure names the stage and its log. */
export function runStageProcess(name: string, context: StageContext, verbose: boolean): Promise<ChildResult> {
  const log = verbose ? null : logFile(context, name);
  const output = log ?? "inherit";
  return new Promise((resolve, reject) => {
    let message: StageMessage | undefined;
    const child = fork(path.join(HERE, "run-stage.ts"), [name, JSON.stringify(context)], {
      cwd: PROJECT_ROOT,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", output, output, "ipc"],
    });
    child.on("message", (received) => {
      message = received as StageMessage;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (log !== null) closeSync(log);
      const where = verbose ? "" : ` (log: ${path.join(context.benchDir, "logs", `${name}.log`)})`;
      if (message?.error) reject(new Error(`stage ${name} failed${where}:\n${message.error}`));
      else if (code !== 0 || !message) reject(new Error(`stage ${name} exited with code ${code}${where}`));
      else
        resolve({
          rows: message.rows ?? 0,
          seconds: message.seconds ?? 0,
          peakRssMb: message.peakRssMb ?? 0,
          ...(message.note ? { note: message.note } : {}),
        });
    });
  });
}

/**
 * The first Python that can import pandas: $NTG_BENCH_PYTHON, then `python3` on the PATH, then the
 * system's /usr/bin/python3 (where Debian's python3-pandas installs); null when none can.
 */
export function pandasPython(): string | null {
  const candidates = [process.env.NTG_BENCH_PYTHON, "python3", "/usr/bin/python3"].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  for (const python of candidates) {
    const probe = spawnSync(python, ["-c", "import pandas"], { stdio: "ignore" });
    if (probe.status === 0) return python;
  }
  return null;
}

/** Runs baselines/pandas_baseline.py on dist/bench; it reports its own time and peak RSS as one JSON line. */
export function runPandasBaseline(context: StageContext, python: string): ChildResult {
  const script = path.join(HERE, "baselines", "pandas_baseline.py");
  const result = spawnSync(python, [script, context.benchDir], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stderr}`);
  const last = result.stdout.trim().split("\n").at(-1) ?? "{}";
  const parsed = JSON.parse(last) as Partial<ChildResult>;
  return { rows: parsed.rows ?? 0, seconds: parsed.seconds ?? 0, peakRssMb: parsed.peakRssMb ?? 0 };
}

/** Warms the Warwickshire run's cache (untimed): `ntg fetch --dist <folder>`. */
export function fetchWarwickshireSources(context: StageContext, verbose: boolean): void {
  const result = spawnSync(process.execPath, ["bin/ntg.mjs", "fetch", "--dist", context.warwickshireDist], {
    cwd: PROJECT_ROOT,
    stdio: verbose ? "inherit" : "ignore",
  });
  if (result.status !== 0)
    throw new Error(`ntg fetch --dist ${context.warwickshireDist} exited with code ${result.status}`);
}
