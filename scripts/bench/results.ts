/**
 * The benchmark's results: the machine it ran on, a printed table (stage, rows, seconds, rows/s, peak RSS)
 * and dist/bench/results.json in the documented shape
 *   { "machine": { cpus, model, memoryGb, os, node, duckdb }, "size", "stages": [{ name, rows, seconds, peakRssMb }] }
 * plus the load averages before and after, because other work on the machine changes every figure.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type } from "node:os";

export interface MachineDescription {
  cpus: number;
  model: string;
  memoryGb: number;
  os: string;
  node: string;
  duckdb: string;
}

export interface StageResult {
  name: string;
  rows: number;
  seconds: number;
  peakRssMb: number;
}

export interface BenchResults {
  machine: MachineDescription;
  size: string;
  stages: StageResult[];
  /** 1-minute load averages when the benchmark started and ended. */
  loadAverage: { start: number; end: number };
  /** Seconds to generate (or find) the dataset; not a stage. */
  datasetSeconds: number;
  /** Remarks by stage name, e.g. which stages the Warwickshire rerun skipped. */
  notes: Record<string, string>;
}

function operatingSystem(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync("/etc/os-release", "utf8"));
    if (pretty) return `${pretty[1]} (${type()} ${release()})`;
  } catch {
    // not Linux: fall through
  }
  return `${type()} ${release()}`;
}

/** The machine, with DuckDB's version as given by `SELECT version()`. */
export function describeMachine(duckdbVersion: string): MachineDescription {
  const processors = cpus();
  return {
    cpus: processors.length,
    model: processors[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: operatingSystem(),
    node: process.version,
    duckdb: duckdbVersion,
  };
}

export const currentLoadAverage = (): number => Math.round(loadavg()[0]! * 100) / 100;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** One stage's entry, rounded for reading (seconds to 0.01 s, RSS to 1 MB). */
export function stageResult(name: string, rows: number, seconds: number, peakRssMb: number): StageResult {
  return { name, rows, seconds: round(seconds, 2), peakRssMb: Math.round(peakRssMb) };
}

/** Writes results.json (to a temporary file, then renamed, so a reader never sees half a file). */
export function writeResults(file: string, results: BenchResults): void {
  const temporary = `${file}.partial-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(temporary, file);
}

/** The printed table: stage, rows, seconds, rows/s, peak RSS MB. */
export function formatResultsTable(stages: readonly StageResult[]): string {
  const header = ["stage", "rows", "seconds", "rows/s", "peak RSS MB"];
  const body = stages.map((s) => [
    s.name,
    s.rows.toLocaleString("en-GB"),
    s.seconds.toFixed(2),
    s.rows > 0 && s.seconds > 0 ? Math.round(s.rows / s.seconds).toLocaleString("en-GB") : "-",
    String(s.peakRssMb),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
