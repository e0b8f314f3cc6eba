import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acceptanceChecks } from "../../../scripts/bench/acceptance.ts";
import { parseBenchOptions } from "../../../scripts/bench/bench-options.ts";
import {
  type BenchResults,
  describeMachine,
  formatResultsTable,
  stageResult,
  writeResults,
} from "../../../scripts/bench/results.ts";

function sampleResults(): BenchResults {
  return {
    machine: describeMachine("v1.5.5"),
    size: "M",
    stages: [
      stageResult("load", 16_422_000, 27.456, 3153.4),
      stageResult("aggregate", 176_000, 3.234, 448),
      stageResult("sii", 15_850, 15.5, 518),
      stageResult("baseline-duckdb-load-aggregate", 176_000, 6.79, 422),
      stageResult("warwickshire-rerun", 0, 1.66, 200),
    ],
    loadAverage: { start: 0.6, end: 1.1 },
    datasetSeconds: 10.8,
    notes: { "warwickshire-rerun": "load skipped, derive skipped" },
  };
}

describe("bench results", () => {
  it("writes results.json in the documented shape", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ntg-bench-"));
    try {
      const file = path.join(folder, "results.json");
      writeResults(file, sampleResults());
      const written = JSON.parse(readFileSync(file, "utf8"));
      expect(Object.keys(written.machine).sort()).toEqual([
        "cpus",
        "duckdb",
        "memoryGb",
        "model",
        "node",
        "os",
      ]);
      expect(written.machine.cpus).toBeGreaterThan(0);
      expect(typeof written.machine.model).toBe("string");
      expect(written.machine.node).toBe(process.version);
      expect(written.size).toBe("M");
      for (const stage of written.stages) {
        expect(Object.keys(stage).sort()).toEqual(["name", "peakRssMb", "rows", "seconds"]);
        expect(typeof stage.rows).toBe("number");
        expect(stage.name).toMatch(/^(load|aggregate|benchmark|sii|warwickshire|baseline)/);
      }
      expect(written.stages[0]).toEqual({ name: "load", rows: 16_422_000, seconds: 27.46, peakRssMb: 3153 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("prints a table with rows per second and checks the acceptance targets", () => {
    const { stages } = sampleResults();
    const table = formatResultsTable(stages).split("\n");
    expect(table[0]).toMatch(/^stage\s+rows\s+seconds\s+rows\/s\s+peak RSS MB$/);
    expect(table.find((l) => l.startsWith("load "))).toMatch(/16,422,000\s+27\.46\s+598,034\s+3153$/);
    expect(table.find((l) => l.startsWith("warwickshire-rerun"))).toMatch(/\s-\s/);
    const checks = acceptanceChecks(stages);
    expect(checks.find((c) => c.target.startsWith("load under"))?.met).toBe(true);
    const parity = checks.find((c) => c.target.includes("hand-written"))!;
    expect(parity.met).toBe(false);
    expect(parity.measured).toContain("4.52x");
  });

  it("parses --size, --stages and --keep, rejecting unknown stages", () => {
    expect(parseBenchOptions([])).toMatchObject({ size: "M", keep: false, stagesChosen: false });
    expect(parseBenchOptions(["--size", "s", "--stages", "load,sii", "--keep"])).toMatchObject({
      size: "S",
      stages: ["load", "sii"],
      keep: true,
    });
    expect(() => parseBenchOptions(["--stages", "lode"])).toThrow(/unknown lode/);
    expect(() => parseBenchOptions(["--size", "XL"])).toThrow(/S, M or L/);
  });
});
