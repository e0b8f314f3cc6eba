import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../pipelines/config/project-config.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import {
  createFixtureProject,
  type FixtureProject,
  observationsManifest,
} from "../../helpers/fixture-project.ts";

async function runId(project: FixtureProject): Promise<string | undefined> {
  const warehouse = await Warehouse.open(path.join(project.distDir, "warehouse.duckdb"), { readOnly: true });
  try {
    return await warehouse.scalar<string>("SELECT value FROM meta WHERE key = 'run_id'");
  } finally {
    warehouse.close();
  }
}

const buildingFiles = (project: FixtureProject) =>
  readdirSync(project.distDir).filter((name) => name.includes(".building-"));

describe("atomic refresh", () => {
  let project: FixtureProject;
  afterEach(() => project?.cleanup());

  it("leaves the previous warehouse untouched when a run fails", async () => {
    project = createFixtureProject();
    expect((await project.ntg("load")).code).toBe(0);
    const before = await runId(project);
    const hash = project.writeMirrorFile("broken.csv", "wrong,columns\n1,2\n");
    project.writeManifest("test-broken.yaml", observationsManifest(hash, "broken.csv", "test-broken"));
    const failed = await project.ntg("load");
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /test-broken: .*broken\.csv: columns "[^\n]*" not found \(columns: wrong, columns\)/,
    );
    expect(await runId(project)).toBe(before);
    expect(buildingFiles(project)).toEqual([]);
  });

  it("leaves the previous warehouse usable when a run is killed midway, and the next run tidies up", async () => {
    project = createFixtureProject();
    expect((await project.ntg("load")).code).toBe(0);
    const before = await runId(project);
    // A large file so that the load is still running when it is killed.
    const rows = ["indicator,area_code,period,numerator,denominator"];
    for (let i = 0; i < 400_000; i++) rows.push(`test-rate,E0100000${(i % 5) + 1},${1000 + i},${i % 7},1000`);
    const hash = project.writeMirrorFile("big.csv", `${rows.join("\n")}\n`);
    project.writeManifest("test-big.yaml", observationsManifest(hash, "big.csv", "test-big"));
    const child = spawn(
      process.execPath,
      [
        path.join(PROJECT_ROOT, "bin", "ntg.mjs"),
        "load",
        "--sources",
        project.sourcesDir,
        "--dist",
        project.distDir,
        "--mirror",
        project.mirrorDir,
        "--no-default-mirrors",
        "--offline",
      ],
      { stdio: "ignore" },
    );
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    const deadline = Date.now() + 60_000;
    while (buildingFiles(project).length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    expect(buildingFiles(project).length).toBeGreaterThan(0);
    child.kill("SIGKILL");
    await exited;
    expect(await runId(project)).toBe(before);
    const next = await project.ntg("load");
    expect(next.code, next.stderr).toBe(0);
    expect(await runId(project)).not.toBe(before);
    expect(buildingFiles(project)).toEqual([]);
    expect(existsSync(path.join(project.distDir, "warehouse.duckdb.wal"))).toBe(false);
  });
});
