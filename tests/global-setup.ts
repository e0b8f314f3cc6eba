/**
 * Builds the real warehouse once per test run (when ../shared/data is present), so every real-data test
 * reads the same build instead of each spending ~20 s on its own. Tests get the folder through
 * `inject("realDist")` (empty when the data is absent, with the reason in `inject("realDataSkipReason")`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { defaultMirrors, PROJECT_ROOT } from "../pipelines/config/project-config.ts";

declare module "vitest" {
  export interface ProvidedContext {
    realDist: string;
    realDataSkipReason: string;
    realRunSeconds: number;
  }
}

let folder: string | undefined;

export function setup(project: TestProject): void {
  const mirrors = defaultMirrors();
  if (mirrors.length === 0 || process.env.NTG_SKIP_REAL_DATA === "1") {
    const reason =
      mirrors.length === 0
        ? `the shared data folder ${path.resolve(PROJECT_ROOT, "..", "shared", "data")} is absent`
        : "NTG_SKIP_REAL_DATA=1";
    project.provide("realDist", "");
    project.provide("realDataSkipReason", reason);
    project.provide("realRunSeconds", 0);
    console.log(`real-data tests skipped: ${reason}`);
    return;
  }
  folder = mkdtempSync(path.join(tmpdir(), "ntg-real-"));
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, "bin", "ntg.mjs"), "run", "--dist", folder, "--offline"],
    {
      encoding: "utf8",
      env: { ...process.env, TZ: "UTC" },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(path.join(folder, "run.log"), `${result.stderr}\n${result.stdout}`);
  if (result.status !== 0 || !existsSync(path.join(folder, "warehouse.duckdb"))) {
    throw new Error(
      `ntg run on the real data failed (exit ${result.status}):\n${result.stderr.slice(-4000)}`,
    );
  }
  console.log(`real warehouse built in ${seconds.toFixed(1)} s (${folder})`);
  project.provide("realDist", folder);
  project.provide("realDataSkipReason", "");
  project.provide("realRunSeconds", seconds);
}

export function teardown(): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
}
