import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../pipelines/cli/main.ts";
import { openIndicatorFixture, runIndicatorSteps } from "./fixture-warehouse.ts";

async function ntg(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (lines: string[]) =>
    ({ write: (chunk: string) => lines.push(chunk) }) as unknown as NodeJS.WritableStream;
  const code = await main(args, sink(out), sink(err));
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("ntg profile", () => {
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), "ntg-profile-"));
    const warehouse = await openIndicatorFixture("as listed", path.join(dist, "warehouse.duckdb"));
    try {
      await runIndicatorSteps(warehouse);
    } finally {
      warehouse.close();
    }
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it("prints a locality's header and every indicator with value, CI, comparators, benchmark and rank", async () => {
    const result = await ntg("profile", "L01", "--dist", dist, "-q");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Northtown \(L01\): locality in North \(E07000001\), Testshire \(E10000001\)/,
    );
    expect(result.stdout).toMatch(/Population: 4,050 \(ONS mid-year estimate 2020/);
    expect(result.stdout).toMatch(/Wards \(2019\): Ward W1/);
    expect(result.stdout).toMatch(/illustrative locality definition/);
    expect(result.stdout).toMatch(
      /A test proportion\s+2020\s+18\.1\s+15\.9–20\.5\s+%\s+22\.4\s+19\.5\s+better\s+similar\s+1 of 2/,
    );
    expect(result.stdout).toMatch(/Income deprivation rate/);
    expect(result.stdout).not.toMatch(/NaN/);
  });

  it("finds areas by name, gives CSV and JSON with every field, and lists profile-able areas", async () => {
    const json = JSON.parse((await ntg("profile", "southvale", "--format", "json", "--dist", dist)).stdout);
    expect(json.area.code).toBe("L02");
    expect(json.indicators.map((i: { indicator: string }) => i.indicator).sort()).toEqual([
      "iod2019-income-deprivation-rate",
      "test-proportion",
    ]);
    const csv = (await ntg("profile", "E07000001", "--format", "csv", "--dist", dist)).stdout.split("\n");
    expect(csv[0]).toMatch(/^area_code,area_name,area_type,theme,indicator,name/);
    expect(csv.some((line) => line.includes("test-published") && line.includes("Worse"))).toBe(true);
    const list = await ntg("profile", "--list", "--dist", dist);
    expect(list.stdout).toMatch(/L01\s+Northtown\s+locality\s+North/);
    expect(list.stdout).toMatch(/P01\s+Priority D\s+priority/);
  });

  it("shows an earlier period with --period and explains unknown areas with exit code 2", async () => {
    const earlier = await ntg("profile", "North", "--type", "district", "--period", "2015", "--dist", dist);
    expect(earlier.stdout).toMatch(/A test rate series\s+2015\s+450/);
    const unknown = await ntg("profile", "Atlantis", "--dist", dist);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no profile-able area matches "Atlantis"[\s\S]*ntg profile --list/);
  });

  it("ntg indicator shows one indicator across the localities with gaps, contributions and the SII", async () => {
    const result = await ntg("indicator", "test-proportion", "--dist", dist);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^A test proportion \(test-proportion\), 2020; low-is-good; %/);
    expect(result.stdout).toMatch(/L01\s+Northtown\s+18\.1\s+15\.9–20\.5\s+better\s+similar\s+1 of 2/);
    expect(result.stdout).toMatch(/Best L01 18\.1, worst L02 30\.0; range 11\.9/);
    expect(result.stdout).toMatch(/2020\s+national deciles\s+2019\s+3/);
    const json = JSON.parse(
      (await ntg("indicator", "test-proportion", "--level", "district", "--format", "json", "--dist", dist))
        .stdout,
    );
    expect(json.areas.map((a: { area_code: string }) => a.area_code)).toEqual(["E07000001", "E07000002"]);
    expect((await ntg("indicator", "--list", "--dist", dist)).stdout).toMatch(/test-proportion/);
    const unknown = await ntg("indicator", "no-such-thing", "--dist", dist);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no indicator "no-such-thing"/);
  });
});
