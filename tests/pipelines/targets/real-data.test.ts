/**
 * Acceptance of issue 5 on the real warehouse built once per test run from ../shared/data (skipped, with
 * the reason printed, when the data is absent): `ntg targets` prints targets for all 23 localities of
 * each locality-level example indicator with a consistent check block, the income series agrees with the
 * indicator step's IoD 2019 rate, forecasts cover county, districts and localities, and `ntg report
 * quarterly` lists only exceptions with their evidence.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { main } from "../../../pipelines/cli/main.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

const dist = inject("realDist");
if (!dist) console.log(`real-data targets tests skipped: ${inject("realDataSkipReason")}`);

async function ntg(...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      stdout += chunk.toString();
      done();
    },
  });
  const code = await main(
    [...args, "--dist", dist, "--quiet"],
    sink,
    new Writable({ write: (_c, _e, done) => done() }),
  );
  return { code, stdout };
}

interface TargetsJson {
  indicator: string;
  example: boolean;
  label: string | null;
  check: Record<string, number | string | boolean | null>;
  targets: { kind: string; area_type: string; area_code: string; target: number; weight: number | null }[];
}

describe.skipIf(!dist)("targets, forecasts and the quarterly report on the real data", () => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await Warehouse.open(path.join(dist, "warehouse.duckdb"), { readOnly: true });
  });
  afterAll(() => warehouse?.close());

  it("prints targets for all 23 localities of each locality-level example indicator", async () => {
    const result = await ntg("targets", "--format", "json");
    expect(result.code).toBe(0);
    const all = JSON.parse(result.stdout) as TargetsJson[];
    expect(all.map((entry) => entry.indicator).sort()).toEqual([
      "alcohol-related-admissions-narrow",
      "children-in-low-income-families",
      "excess-weight-year-6",
      "imd-income-deprivation-rate",
      "iod2019-idaci-rate",
    ]);
    for (const entry of all) {
      expect(entry.example).toBe(true);
      expect(entry.label).toMatch(/EXAMPLE targets/);
      const areas = entry.targets.filter((row) => row.kind === "differential");
      expect(areas).toHaveLength(entry.check.level === "locality" ? 23 : 5);
      expect(new Set(areas.map((row) => row.area_type))).toEqual(new Set([entry.check.level]));
      const total = areas.reduce((sum, row) => sum + row.weight!, 0);
      const mean = areas.reduce((sum, row) => sum + row.weight! * row.target, 0) / total;
      expect(Math.abs(mean - (entry.check.county_target as number))).toBeLessThan(1e-9 * Math.abs(mean));
    }
    const table = await ntg("targets", "imd-income-deprivation-rate");
    expect(table.stdout.match(/ WCC-L\d\d /g)).toHaveLength(23);
  });

  it("builds the income series from IoD 2010, 2019 and 2025, equal to the IoD 2019 rate for 2015", async () => {
    const rows = await warehouse.rows<{ area_type: string; periods: number; areas: number }>(
      `SELECT area_type, count(DISTINCT period)::INTEGER AS periods, count(DISTINCT area_code)::INTEGER AS areas
       FROM target_series WHERE indicator = 'imd-income-deprivation-rate' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { area_type: "county", periods: 3, areas: 1 },
      { area_type: "district", periods: 3, areas: 5 },
      { area_type: "locality", periods: 3, areas: 23 },
    ]);
    const difference = await warehouse.scalar<number>(
      `SELECT max(abs(s.value - v.value)) FROM target_series s JOIN indicator_value v
         ON v.area_code = s.area_code AND v.indicator = 'iod2019-income-deprivation-rate'
       WHERE s.indicator = 'imd-income-deprivation-rate' AND s.period = '2015 (IoD 2019)'`,
    );
    expect(difference).toBeLessThan(1e-9);
  });

  it("forecasts the county, the five districts and (for locality targets) the 23 localities", async () => {
    const rows = await warehouse.rows<{
      indicator: string;
      county: number;
      districts: number;
      localities: number;
    }>(
      `SELECT indicator, count(*) FILTER (WHERE area_type = 'county')::INTEGER AS county,
              count(*) FILTER (WHERE area_type = 'district')::INTEGER AS districts,
              count(*) FILTER (WHERE area_type = 'locality')::INTEGER AS localities
       FROM forecast GROUP BY 1 ORDER BY 1`,
    );
    const level = Object.fromEntries(
      (
        await warehouse.rows<{ indicator: string; level: string }>(
          "SELECT indicator, level FROM target_check",
        )
      ).map((r) => [r.indicator, r.level]),
    );
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect([row.county, row.districts, row.localities]).toEqual([
        1,
        5,
        level[row.indicator] === "locality" ? 23 : 0,
      ]);
    }
    const log = readFileSync(path.join(dist, "run.log"), "utf8");
    expect(log).toMatch(/differential targets\s+5 of 5 indicators/);
    expect(log).toMatch(/forecasts\s+76 forecasts for 5 indicators/);
  });

  it("lists only exceptions with their evidence in the quarterly report", async () => {
    const result = await ntg("report", "quarterly", "--period", "2026-Q1", "--format", "json");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.levels.map((level: { groups: unknown[] }) => level.groups.length)).toEqual([1, 6, 5]);
    for (const level of report.levels) {
      for (const group of level.groups) {
        for (const { item, reasons, rag } of group.exceptions) {
          expect(reasons.length).toBeGreaterThan(0);
          if (rag) expect(item.target).not.toBeNull();
          if (rag) expect(item.projectedLower).toBeLessThanOrEqual(item.projectedUpper);
          if (!rag) expect(reasons).toEqual(["significantly worse than the comparator and getting worse"]);
        }
      }
    }
    const html = readFileSync(path.join(dist, "reports", "quarterly-2026-Q1.html"), "utf8");
    expect(html).toContain("EXAMPLE targets");
    expect(existsSync(path.join(dist, "reports", "quarterly-2026-Q1.csv"))).toBe(true);
  });
});
