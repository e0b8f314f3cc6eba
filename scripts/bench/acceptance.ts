/**
 * Issue 9's acceptance targets, checked against measured stages (printed after the table; the figures
 * are for size M on the project's 2-core, 24 GiB machine).
 */
import type { StageResult } from "./results.ts";

export interface AcceptanceCheck {
  target: string;
  measured: string;
  met: boolean;
}

const seconds = (value: number) => `${value.toFixed(1)} s`;

export function acceptanceChecks(stages: readonly StageResult[]): AcceptanceCheck[] {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const checks: AcceptanceCheck[] = [];
  const limit = (name: string, target: string, maximum: number) => {
    const stage = byName.get(name);
    if (stage) checks.push({ target, measured: seconds(stage.seconds), met: stage.seconds < maximum });
  };
  limit("load", "load under 30 s", 30);
  limit("aggregate", "aggregation with intervals (districts, counties, England) under 15 s", 15);
  limit("sii", "SII for every district x indicator under 30 s", 30);
  limit("warwickshire", "default ntg run --force under 30 s", 30);
  limit("warwickshire-rerun", "second ntg run with no changes under 3 s", 3);
  limit("allocation-sensitivity", "100,000 sensitivity draws for 23 recipients under 1 s", 1);
  const pipeline = stages.filter((s) => !s.name.startsWith("baseline"));
  if (pipeline.length > 0) {
    const peak = Math.max(...pipeline.map((s) => s.peakRssMb));
    checks.push({ target: "peak RSS under 4 GiB", measured: `${peak} MB`, met: peak < 4096 });
  }
  const load = byName.get("load");
  const aggregate = byName.get("aggregate");
  if (load && aggregate) {
    const ours = load.seconds + aggregate.seconds;
    const duckdb = byName.get("baseline-duckdb-load-aggregate");
    if (duckdb) {
      const ratio = ours / duckdb.seconds;
      checks.push({
        target: "load + aggregate within 1.5x of hand-written DuckDB SQL",
        measured: `${seconds(ours)} vs ${seconds(duckdb.seconds)} (${ratio.toFixed(2)}x)`,
        met: ratio <= 1.5,
      });
    }
    const pandas = byName.get("baseline-pandas-load-aggregate");
    if (pandas) {
      const ratio = pandas.seconds / ours;
      checks.push({
        target: "load + aggregate at least 2x faster than pandas",
        measured: `${seconds(ours)} vs ${seconds(pandas.seconds)} (${ratio.toFixed(2)}x)`,
        met: ratio >= 2,
      });
    }
  }
  return checks;
}

export function formatAcceptance(checks: readonly AcceptanceCheck[]): string {
  return checks.map((c) => `  ${c.met ? "met " : "MISS"}  ${c.target}: ${c.measured}`).join("\n");
}
