/**
 * The national aggregation and benchmarks on a copy of the real warehouse built from ../shared/data (the
 * build shared by all real-data tests, from tests/global-setup.ts): every English district's Census 2011
 * household deprivation percentages must equal those of the county indicator step (indicator_value), which
 * sums the same LSOA counts its own way. Skipped, with the reason printed, when the data is absent.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { aggregateToAreas, benchmarkAreas } from "../../../pipelines/derive/national/index.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

const realDist = (inject as (key: string) => unknown)("realDist") as string | undefined;
const skipReason = realDist
  ? ""
  : String((inject as (key: string) => unknown)("realDataSkipReason") ?? "no real warehouse");
if (skipReason) console.log(`real-data national tests skipped: ${skipReason}`);

describe.skipIf(Boolean(skipReason))("national statistics on the real warehouse", () => {
  let folder: string;
  let warehouse: Warehouse;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "ntg-national-real-"));
    const copy = path.join(folder, "warehouse.duckdb");
    copyFileSync(path.join(realDist!, "warehouse.duckdb"), copy);
    warehouse = await Warehouse.open(copy);
    await aggregateToAreas(warehouse);
    await benchmarkAreas(warehouse);
  });
  afterAll(() => {
    warehouse?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("matches the county indicator step's district and England values", async () => {
    const compared = await warehouse.rows<{ n: number; worst: number }>(`
      SELECT count(*)::INTEGER AS n, max(abs(a.value - v.value)) AS worst
      FROM national_aggregate a
      JOIN indicator_value v ON v.indicator = a.indicator AND v.area_code = a.area_code AND v.period = a.period
       AND v.sex = a.sex AND v.age = a.age
      WHERE a.area_type IN ('district', 'country') AND a.area_code LIKE 'E%' AND a.indicator LIKE 'census-households-%'`);
    console.log(
      `national_aggregate vs indicator_value: ${compared[0]!.n} values, largest difference ${compared[0]!.worst}`,
    );
    expect(compared[0]!.n).toBeGreaterThan(6 * 300);
    expect(compared[0]!.worst).toBeLessThan(1e-9);
  });

  it("gives England's share of households deprived in at least one dimension (Census 2011: 57.5%)", async () => {
    const england = await warehouse.scalar<number>(
      "SELECT value FROM national_aggregate WHERE area_code = 'E92000001' AND indicator = 'census-households-deprived-1-or-more-dimensions'",
    );
    expect(england).toBeCloseTo(57.46, 2);
    const warwickshire = await warehouse.rows(
      "SELECT area_code, value, benchmark FROM national_benchmark WHERE indicator = 'census-households-deprived-1-or-more-dimensions' AND area_code = 'E10000031'",
    );
    expect(warwickshire).toHaveLength(1);
    expect(warwickshire[0]!.benchmark).toBe("better");
  });
});
