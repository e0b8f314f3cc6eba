/**
 * The indicator steps on the real warehouse built from ../shared/data: the build shared by all real-data
 * tests when tests/global-setup.ts provides it, else one built here. Skipped, with the reason printed, when
 * the data is absent. Prints the figures it checks so a run documents them.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { main } from "../../../pipelines/cli/main.ts";
import { defaultMirrors, PROJECT_ROOT } from "../../../pipelines/config/project-config.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

const sharedDist = (inject as (key: string) => unknown)("realDist") as string | undefined;
const dataPresent = defaultMirrors().length > 0 && process.env.NTG_SKIP_REAL_DATA !== "1";
if (!dataPresent)
  console.log("real-data indicator tests skipped: ../shared/data is absent (or NTG_SKIP_REAL_DATA=1)");

let dist = sharedDist ?? "";
let ownDist: string | undefined;

function ensureWarehouse(): string {
  if (dist) return dist;
  ownDist = mkdtempSync(path.join(tmpdir(), "ntg-indicators-real-"));
  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, "bin", "ntg.mjs"), "run", "--dist", ownDist, "--offline"],
    {
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`ntg run failed:\n${result.stderr.slice(-3000)}`);
  dist = ownDist;
  return dist;
}

async function ntg(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (lines: string[]) =>
    ({ write: (chunk: string) => lines.push(chunk) }) as unknown as NodeJS.WritableStream;
  const code = await main(args, sink(out), sink(err));
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe.skipIf(!dataPresent)("indicator statistics on the real data", () => {
  afterAll(() => {
    if (ownDist) rmSync(ownDist, { recursive: true, force: true });
  });

  describe("tables", () => {
    let warehouse: Warehouse;
    beforeAll(async () => {
      warehouse = await Warehouse.open(path.join(ensureWarehouse(), "warehouse.duckdb"), { readOnly: true });
    });
    afterAll(() => warehouse?.close());

    it("derives Warwickshire's income deprivation rate from the IoD 2019 numerators and File 6 population", async () => {
      const [county] = await warehouse.rows<{
        numerator: number;
        denominator: number;
        value: number;
        lower95: number;
        upper95: number;
      }>(
        `SELECT numerator, denominator, value, lower95, upper95 FROM indicator_value
         WHERE indicator = 'iod2019-income-deprivation-rate' AND area_code = 'E10000031'`,
      );
      console.log(
        `Warwickshire income deprivation rate (IoD 2019): ${county!.numerator} / ${county!.denominator} = ${county!.value.toFixed(3)}% (95% CI ${county!.lower95.toFixed(3)}–${county!.upper95.toFixed(3)})`,
      );
      expect(county!.denominator).toBe(555_154);
      expect(county!.numerator).toBe(50_125);
      expect(county!.value).toBeGreaterThan(8.5);
      expect(county!.value).toBeLessThan(9.5);
    });

    it("reproduces England's published Census household deprivation shares", async () => {
      const rows = await warehouse.rows<{ period: string; value: number }>(
        `SELECT period, value FROM indicator_value WHERE indicator = 'census-households-not-deprived'
         AND area_code = 'E92000001' ORDER BY period`,
      );
      console.log(
        `England households not deprived: ${rows.map((r) => `${r.period} ${r.value.toFixed(2)}%`).join(", ")}`,
      );
      // ONS: 42.5% of households in England were not deprived in any dimension in 2011, 48.4% in 2021.
      expect(rows.map((r) => Math.round(r.value * 10) / 10)).toEqual([42.5, 48.4]);
    });

    it("computes the SII of income deprivation across the county's LSOAs by national IMD 2019 decile", async () => {
      const [row] = await warehouse.rows<{
        sii: number;
        sii_lower95: number;
        sii_upper95: number;
        seed: number;
        groups: number;
      }>(
        `SELECT sii, sii_lower95, sii_upper95, seed, groups FROM indicator_inequality
         WHERE indicator = 'iod2019-income-deprivation-rate' AND quantile_scheme = 'national deciles'`,
      );
      console.log(
        `SII income deprivation, Warwickshire by national IMD 2019 decile: ${row!.sii.toFixed(2)} percentage points (${row!.sii_lower95.toFixed(2)} to ${row!.sii_upper95.toFixed(2)}), seed ${row!.seed}, ${row!.groups} deciles`,
      );
      expect(row!.sii).toBeLessThan(0);
      expect(row!.sii_lower95).toBeLessThan(row!.sii);
      expect(row!.sii_upper95).toBeGreaterThan(row!.sii);
    });

    it("runs each indicator step well under 15 s", () => {
      const log = readFileSync(path.join(dist, "run.log"), "utf8");
      for (const step of ["indicator aggregates", "benchmarks, trends, gaps, inequality"]) {
        const match = log.match(new RegExp(`${step}.*?([0-9.]+) s\\n`));
        expect(match, step).not.toBeNull();
        console.log(`${step}: ${match![1]} s`);
        expect(Number(match![1])).toBeLessThan(15);
      }
    });
  });

  it("prints a complete profile, without NaN, for every one of the 23 localities", async () => {
    const codes = Array.from({ length: 23 }, (_, i) => `WCC-L${String(i + 1).padStart(2, "0")}`);
    for (const code of codes) {
      const table = await ntg("profile", code, "--dist", ensureWarehouse());
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).not.toMatch(/NaN|undefined/);
      // The warehouse's values (--no-suppression) are complete; the default output suppresses small counts.
      const { area, indicators } = JSON.parse(
        (await ntg("profile", code, "--format", "json", "--no-suppression", "--dist", dist)).stdout,
      );
      const published = JSON.parse((await ntg("profile", code, "--format", "json", "--dist", dist)).stdout);
      published.indicators.forEach((indicator: Record<string, unknown>, index: number) => {
        const { numerator } = indicator;
        expect(typeof numerator === "number" && numerator > 0 && numerator < 5).toBe(false);
        if (indicator.value === "*") expect([indicator.lower95, indicator.upper95]).toEqual(["*", "*"]);
        else expect(indicator.value).toBe(indicators[index].value);
      });
      expect(area.population).toBeGreaterThan(10_000);
      expect(area.members.length).toBeGreaterThan(0);
      expect(indicators.length).toBeGreaterThanOrEqual(10);
      for (const indicator of indicators) {
        expect(Number.isFinite(indicator.value), `${code} ${indicator.indicator}`).toBe(true);
        expect(indicator.lower95).toBeLessThanOrEqual(indicator.value);
        expect(indicator.upper95).toBeGreaterThanOrEqual(indicator.value);
        expect(indicator.benchmark_county).not.toBe("not compared");
        expect(indicator.peer_count).toBe(23);
      }
    }
  });
});
