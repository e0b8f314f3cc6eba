import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { createFixtureProject, type FixtureProject, LOCALITIES_CSV } from "../../helpers/fixture-project.ts";

async function runId(project: FixtureProject): Promise<string | undefined> {
  const warehouse = await Warehouse.open(path.join(project.distDir, "warehouse.duckdb"), { readOnly: true });
  try {
    return await warehouse.scalar<string>("SELECT value FROM meta WHERE key = 'run_id'");
  } finally {
    warehouse.close();
  }
}

describe("incremental rebuilds", () => {
  let project: FixtureProject;
  afterEach(() => project?.cleanup());

  it("skips a load whose sources, configuration and code are unchanged, and says so", async () => {
    project = createFixtureProject();
    expect((await project.ntg("load")).code).toBe(0);
    const first = await runId(project);
    const again = await project.ntg("load");
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/load: up to date, skipped/);
    expect(await runId(project)).toBe(first);
  });

  it("rebuilds when the configuration changes, and always with --force", async () => {
    project = createFixtureProject();
    expect((await project.ntg("load")).code).toBe(0);
    const first = await runId(project);
    writeFileSync(
      path.join(project.sourcesDir, "localities.csv"),
      LOCALITIES_CSV.replace("Beta Town", "Beta City"),
    );
    const changed = await project.ntg("load");
    expect(changed.stderr).not.toMatch(/up to date/);
    const second = await runId(project);
    expect(second).not.toBe(first);
    const forced = await project.ntg("load", "--force");
    expect(forced.stderr).not.toMatch(/up to date/);
    expect(await runId(project)).not.toBe(second);
  });
});
