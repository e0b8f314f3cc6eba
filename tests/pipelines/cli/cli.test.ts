import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { COMMANDS } from "../../../pipelines/cli/main.ts";
import { createFixtureProject, type FixtureProject } from "../../helpers/fixture-project.ts";

describe("the ntg command line", () => {
  let project: FixtureProject;
  afterEach(() => project?.cleanup());

  it("has --help on every command, and a main help listing them", async () => {
    project = createFixtureProject();
    const main = await project.ntg("--help");
    expect(main.code).toBe(0);
    for (const command of COMMANDS) {
      expect(main.stdout).toContain(command.name);
      const help = await project.ntg(command.name, "--help");
      expect(help.code, command.name).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`Usage: ntg ${command.name}`));
    }
  });

  it("exits 2 for bad usage", async () => {
    project = createFixtureProject();
    expect((await project.ntg("frobnicate")).code).toBe(2);
    const badOption = await project.ntg("load", "--colour", "blue");
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/Unknown option '--colour'/);
    expect((await project.ntg("query", "select 1", "--format", "xml")).code).toBe(2);
  });

  it("exits 2 with file and line when the configuration is invalid", async () => {
    project = createFixtureProject();
    writeFileSync(
      path.join(project.sourcesDir, "catalogue", "indicators.yaml"),
      "indicators:\n  - id: Bad Id\n    name: x\n",
    );
    const result = await project.ntg("check");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/indicators\.yaml:2: indicators\.0\.id: use lower-case letters/);
  });

  it("says how to get a warehouse when there is none", async () => {
    project = createFixtureProject();
    const result = await project.ntg("query", "select 1");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no warehouse at .*\nHint: Run `ntg run`/);
  });

  it("prints query results as a table, CSV or JSON", async () => {
    project = createFixtureProject();
    expect((await project.ntg("load")).code).toBe(0);
    const sql = "select code, name from area where type = 'locality' order by code";
    const table = await project.ntg("query", sql);
    expect(table.stdout).toMatch(
      /^code\s+name\n-+\s+-+\nL01\s+Northside\nL02\s+Southside\nL03\s+Beta Town\n\(3 rows\)\n$/,
    );
    const csv = await project.ntg("query", sql, "--format", "csv");
    expect(csv.stdout).toBe("code,name\nL01,Northside\nL02,Southside\nL03,Beta Town\n");
    const json = await project.ntg("query", "select count(*) as n from area_link", "--format", "json");
    expect(JSON.parse(json.stdout)).toEqual([{ n: expect.any(Number) }]);
    const tables = await project.ntg("query", "--tables");
    expect(tables.stdout).toMatch(/area_link\s+\d+\s+closure table/);
    const bad = await project.ntg("query", "select * from nowhere");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/query failed: Catalog Error/);
  });

  it("neutralises CSV cells that a spreadsheet would execute", async () => {
    project = createFixtureProject();
    expect((await project.ntg("load")).code).toBe(0);
    const csv = await project.ntg(
      "query",
      "select '=1+2' as a, '-3' as b, '@x' as c, -4 as d",
      "--format",
      "csv",
    );
    expect(csv.stdout).toBe("a,b,c,d\n'=1+2,-3,'@x,-4\n");
  });
});
