import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createFixtureProject, type FixtureProject } from "../../helpers/fixture-project.ts";

describe("the project's own notebooks", () => {
  let project: FixtureProject;
  afterEach(() => project?.cleanup());

  it("build with `ntg run` on a tiny county with little data, and `ntg build` rebuilds the site", async () => {
    project = createFixtureProject({
      observations: [
        "indicator,area_code,period,numerator,denominator",
        ...["2017", "2018", "2019"].flatMap((period, year) =>
          ["E01000001", "E01000002", "E01000003", "E01000004", "E01000005"].map(
            (lsoa, index) => `test-proportion,${lsoa},${period},${10 + index + year},${100 + 10 * index}`,
          ),
        ),
      ].join("\n"),
    });
    const run = await project.ntg("run");
    expect(run.stderr).toMatch(/site: \d+ pages/);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/site: indicator\.md +\d+ pages?/);
    const site = path.join(project.distDir, "site");
    expect(existsSync(path.join(site, "index.html"))).toBe(true);
    expect(readdirSync(path.join(site, "assets")).sort()).toEqual([
      "models.js",
      "site.css",
      "site.js",
      "what-if-view.js",
      "what-if.css",
      "what-if.js",
    ]);
    const sources = readFileSync(path.join(site, "sources.html"), "utf8");
    expect(sources).toContain("test-lookup");
    const indicatorPages = readdirSync(path.join(site, "indicators"));
    expect(indicatorPages).toContain("test-proportion.html");
    const build = await project.ntg("build");
    expect(build.code, build.stderr).toBe(0);
    const again = await project.ntg("run");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/load: up to date, skipped/);
    expect(again.stderr).toMatch(/derive: up to date, skipped/);
    expect(again.stderr).toMatch(/site: up to date, skipped/);
  });
});
