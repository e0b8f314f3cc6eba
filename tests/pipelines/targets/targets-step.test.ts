/**
 * The "differential targets" step on the fixture warehouse: the series it builds (IoD editions bridged
 * across LSOA vintages, a county computed from districts), the targets it writes (weighted mean equals
 * the county target, each gap narrowed by p, example labels, floor rows) and the named error of an
 * infeasible configuration.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ModelInputError } from "../../../models/errors.ts";
import { differentialTargetsStep } from "../../../pipelines/targets/differential-targets-step.ts";
import { memoryReporter } from "../../../pipelines/util/reporter.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import {
  DISTRICT_PUBLISHED_YAML,
  fixtureWarehouse,
  IMD_INCOME_YAML,
  LOCALITY_RATE_YAML,
  TEST_RATE,
  targetsFolder,
} from "./fixture-warehouse.ts";

let warehouse: Warehouse;
beforeEach(async () => {
  warehouse = await fixtureWarehouse();
});
afterEach(() => warehouse.close());

async function runStep(files: Record<string, string>) {
  return differentialTargetsStep(targetsFolder(files)).run(warehouse, memoryReporter());
}

interface TargetRow {
  area_code: string;
  kind: string;
  baseline: number;
  target: number;
  weight: number | null;
  example: boolean;
  [key: string]: unknown;
}
const targetRows = (indicator: string) =>
  warehouse.rows<TargetRow>(
    `SELECT area_code, kind, baseline, target, example, json_extract(parameters, '$.weight')::DOUBLE AS weight
     FROM target WHERE indicator = $1 ORDER BY kind, area_code`,
    [indicator],
  );

describe("differential targets step", () => {
  it("makes gap-to-county targets whose weighted mean is the county target and whose gaps narrow by p", async () => {
    expect(await runStep({ "rate.yaml": LOCALITY_RATE_YAML })).toBe(
      "1 of 1 indicators (1 example targets), 5 rows in target",
    );
    const rows = await targetRows("test-rate");
    const county = rows.find((row) => row.kind === "laa")!;
    const areas = rows.filter((row) => row.kind === "differential");
    expect(areas.map((row) => row.area_code)).toEqual(["L01", "L02", "L03", "L04"]);
    expect(rows.every((row) => row.example)).toBe(true);
    // County baseline computed from the data: the county's own value = Σ denominators × rates / Σ denominators.
    expect(county.baseline).toBeCloseTo(20.25, 12);
    expect(county.target).toBeCloseTo(17.25, 12);
    const totalWeight = areas.reduce((sum, row) => sum + row.weight!, 0);
    const weightedMean = areas.reduce((sum, row) => sum + row.weight! * row.target, 0) / totalWeight;
    expect(Math.abs(weightedMean - county.target) / county.target).toBeLessThan(1e-12);
    for (const row of areas) {
      expect(row.weight).toBe(TEST_RATE[row.area_code]!.denominator);
      expect(row.target - county.target).toBeCloseTo(0.75 * (row.baseline - county.baseline), 12);
      expect(row.target).toBeLessThanOrEqual(row.baseline);
    }
    const [check] = await warehouse.rows("SELECT * FROM target_check");
    expect(check).toMatchObject({
      indicator: "test-rate",
      level: "locality",
      method: "gap-to-county",
      areas: 4,
    });
    expect(check!.narrowed_by).toBeCloseTo(0.25, 12);
    expect(check!.county_baseline_source).toMatch(/^computed from the data/);
    expect(check!.county_target_source).toBe("computed: county baseline − 3");
  });

  it("computes a missing county value as the weighted mean of the districts, and says so", async () => {
    await runStep({ "published.yaml": DISTRICT_PUBLISHED_YAML });
    const [county] = await warehouse.rows<{ value: number; basis: string }>(
      "SELECT value, basis FROM target_series WHERE area_type = 'county' AND period_year = 2019",
    );
    expect(county!.value).toBeCloseTo((4000 * 35.5 + 2000 * 30.3) / 6000, 12);
    expect(county!.basis).toMatch(/computed: weighted mean of the 2 districts \(population mid-2015/);
    const rows = await targetRows("test-published");
    expect(rows.filter((row) => row.kind === "differential").map((row) => row.weight)).toEqual([4000, 2000]);
    expect(
      await warehouse.scalar("SELECT count(*)::INTEGER FROM target_series WHERE area_type = 'county'"),
    ).toBe(10);
  });

  it("bridges the IoD editions to localities by apportioned mid-2015 population", async () => {
    await runStep({ "income.yaml": IMD_INCOME_YAML });
    const series = await warehouse.rows<{ code: string; period: string; value: number }>(
      "SELECT area_code AS code, period, value FROM target_series ORDER BY area_code, period_year",
    );
    const value = (code: string, period: string) =>
      series.find((row) => row.code === code && row.period === period)!.value;
    expect(value("L01", "2008 (IoD 2010)")).toBeCloseTo(10, 12); // X1 split into A and B: all their people
    expect(value("L02", "2008 (IoD 2010)")).toBeCloseTo(25, 12); // X2 and X3 merged into C: half of C's people each
    expect(value("L01", "2015 (IoD 2019)")).toBeCloseTo(12.5, 12); // (100 + 150) / 2,000
    expect(value("L04", "2015 (IoD 2019)")).toBeCloseTo(0.7, 12); // blank numerator imputed as 3.5
    expect(value("L02", "2022 (IoD 2025)")).toBeCloseTo(30, 12); // C1 and C2 share C's people
    expect(value("E10000001", "2022 (IoD 2025)")).toBeCloseTo((100 * 1120) / 6000, 12);
    const notes = await warehouse.rows("SELECT DISTINCT note FROM target_series WHERE period LIKE '%2025%'");
    expect(String(notes[0]!.note)).toMatch(/after housing costs/);
    const [check] = await warehouse.rows("SELECT method, most_deprived_quintile FROM target_check");
    expect(check).toEqual({ method: "graded", most_deprived_quintile: "L02" });
    const catalogue = await warehouse.rows(
      "SELECT name, polarity FROM indicator WHERE id = 'fixture-income-rate'",
    );
    expect(catalogue).toEqual([{ name: "Income deprivation rate across editions", polarity: "low-is-good" }]);
  });

  it("weights IoD LSOAs equally with lsoa-count weighting", async () => {
    const lsoaCount = IMD_INCOME_YAML.replace(
      "{ edition: 2025, dataYear: 2022 }]",
      "{ edition: 2025, dataYear: 2022 }]\n  weighting: lsoa-count",
    );
    // Weights consistent with the series: each locality's LSOA count (the series' denominator).
    await runStep({
      "income.yaml": lsoaCount.replace("weights: { kind: population }", "weights: { kind: denominator }"),
    });
    const value = await warehouse.scalar<number>(
      "SELECT value FROM target_series WHERE area_type = 'county' AND period = '2008 (IoD 2010)'",
    );
    expect(value).toBeCloseTo((100 * (0.5 * 0.1 + 0.5 * 0.1 + 0.2 + 0.3 + 0.05 + 0.4)) / 5, 12);
  });

  it("writes a floor target per area and lifts areas to the minimum standard", async () => {
    await runStep({ "rate.yaml": `${LOCALITY_RATE_YAML}floor: 24\n` });
    const rows = await targetRows("test-rate");
    expect(rows.filter((row) => row.kind === "floor").map((row) => row.target)).toEqual([24, 24, 24, 24]);
    expect(rows.find((row) => row.kind === "differential" && row.area_code === "L02")!.target).toBe(24);
    expect(await warehouse.scalar("SELECT lifted_to_floor FROM target_check")).toBe("L02");
  });

  it("fails the run with the model's named error when the configuration is infeasible", async () => {
    const infeasible = `${LOCALITY_RATE_YAML}floor: 15\n`;
    const error = await runStep({ "rate.yaml": infeasible }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelInputError);
    expect((error as Error).message).toMatch(
      /rate\.yaml: differentialTargets: constraint 'minimum standard' conflicts with 'consistency'/,
    );
    expect((error as Error).message).toMatch(/shortfall 2\.25/);
    const worse = await runStep({
      "rate.yaml": LOCALITY_RATE_YAML.replace("change: -3", "change: -1"),
    }).catch((caught: unknown) => caught);
    expect(worse).toBeInstanceOf(ModelInputError);
    expect((worse as Error).message).toMatch(/no area worse than its baseline/);
  });

  it("skips a file whose series the warehouse lacks, with a warning, and replaces its rows on a re-run", async () => {
    const reporter = memoryReporter();
    const folder = targetsFolder({
      "rate.yaml": LOCALITY_RATE_YAML,
      "missing.yaml": LOCALITY_RATE_YAML.replace("indicator: test-rate", "indicator: test-published").replace(
        "{ from: indicator-values }",
        "{ from: indicator-values, indicator: no-such-series }",
      ),
    });
    const step = differentialTargetsStep(folder);
    expect(await step.run(warehouse, reporter)).toMatch(/^1 of 2 indicators .*\(skipped: test-published\)$/);
    expect(reporter.lines.join("\n")).toMatch(
      /warning: targets for test-published skipped: .*missing\.yaml: the warehouse has no values/,
    );
    await step.run(warehouse, reporter);
    expect(await warehouse.scalar("SELECT count(*)::INTEGER FROM target")).toBe(5);
  });
});
