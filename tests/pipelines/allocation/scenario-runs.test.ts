/**
 * Scenarios run on the fixture warehouse: inputs as JSON that rerun to the same result with the pure
 * models (what a browser page does), baselines from another scenario, the comparison against a common
 * target with departures and implied need, and the derive step that stores every scenario.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocate } from "../../../models/allocation/index.ts";
import {
  allocateInputs,
  allocationInputs,
  inputsCache,
} from "../../../pipelines/allocation/allocation-inputs.ts";
import { allocationStep } from "../../../pipelines/allocation/allocation-step.ts";
import { findScenario, readScenarios, scenariosDir } from "../../../pipelines/allocation/read-scenarios.ts";
import { compareScenarios } from "../../../pipelines/allocation/scenario-comparison.ts";
import type { LoadedScenario } from "../../../pipelines/allocation/scenario-schema.ts";
import { memoryReporter } from "../../../pipelines/util/reporter.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { FIXTURE_SCENARIOS, openFixtureWarehouse, writeScenario } from "./fixture-warehouse.ts";

let warehouse: Warehouse;
let sources: string;
let scenarios: LoadedScenario[];

beforeAll(async () => {
  warehouse = await openFixtureWarehouse();
  sources = mkdtempSync(path.join(tmpdir(), "ntg-allocation-"));
  for (const [name, yaml] of Object.entries(FIXTURE_SCENARIOS)) writeScenario(sources, name, yaml);
  scenarios = readScenarios(scenariosDir(sources));
});
afterAll(() => {
  warehouse.close();
  rmSync(sources, { recursive: true, force: true });
});

const run = async (id: string) => {
  const inputs = await allocationInputs(warehouse, findScenario(scenarios, id), scenarios);
  return { inputs, result: allocateInputs(inputs) };
};

describe("scenario inputs and results", () => {
  it("splits the pot by income-deprived people, with the tiered baseline attached", async () => {
    const { inputs, result } = await run("by-income");
    expect(inputs.recipients.map((r) => [r.code, r.population, r.deprivedPopulation, r.baseline])).toEqual([
      ["E07000001", 4500, 800, 700],
      ["E07000002", 4600, 370, 300],
    ]);
    // 800 / 1170 of £1,000 = £683.760…, 370 / 1170 = £316.239…: rounded to the penny by largest remainder.
    expect(result.rows.map((row) => row.amount)).toEqual([683.76, 316.24]);
    expect(result.rows.map((row) => row.changeFromBaseline)).toEqual([-16.24, 16.24]);
  });

  it("gives inputs that survive JSON and rerun to the same allocation with the pure model", async () => {
    const { inputs, result } = await run("by-extent-floor");
    const embedded = JSON.parse(JSON.stringify(inputs)) as typeof inputs;
    expect(allocate(embedded.pot, embedded.recipients, embedded.rule)).toEqual(result);
    expect(embedded.measures.map((m) => m.name)).toContain("extent");
    expect(result.rows.find((row) => row.code === "E07000002")!.amount).toBe(400);
    expect(result.rows.reduce((sum, row) => sum + row.amount, 0)).toBe(1000);
  });

  it("splits a pot with odd pence between apportioned localities exactly", async () => {
    const { result } = await run("localities");
    const totalPence = result.rows.reduce((sum, row) => sum + Math.round(row.amount * 100), 0);
    expect(totalPence).toBe(99999);
    expect(result.rows.every((row) => row.amount >= 0)).toBe(true);
  });
});

describe("comparison", () => {
  it("measures every scenario against one need-weighted target and the baseline they share", async () => {
    const cache = inputsCache();
    const runs = [];
    for (const id of ["tiered", "equal", "by-income", "by-extent-floor"]) {
      const inputs = await allocationInputs(warehouse, findScenario(scenarios, id), scenarios, cache);
      runs.push({ inputs, result: allocateInputs(inputs) });
    }
    const comparison = compareScenarios(runs);
    expect(comparison.baselineId).toBe("tiered");
    const extentRow = comparison.rows.find(
      (r) => r.scenarioId === "by-extent-floor" && r.code === "E07000001",
    )!;
    expect(extentRow.targetAmount).toBe(683.76);
    expect(extentRow.changeFromBaseline).toBeCloseTo(extentRow.amount - 700, 9);
    const toIncome = comparison.baselineDepartures.find((d) => d.toId === "by-income")!;
    expect(toIncome).toMatchObject({ moneyMoved: 16.24, maxRelativeDifferenceCode: "E07000002" });
    // The tiered split gives District One (700/4500) / (300/4600) = 2.385× the £ per head of District Two.
    const implied = comparison.impliedNeed.find((entry) => entry.measure === "income-deprived-people")!;
    expect(implied.result.rows[0]!.impliedVersusOthers).toBeCloseTo(700 / 4500 / (300 / 4600), 12);
    expect(comparison.statements.join("\n")).toMatch(
      /Tiered split departs from the need-based alternative "By income-deprived people" by £16\.24 moved/,
    );
  });
});

describe("allocation derive step", () => {
  it("stores every scenario with exact totals and skips one whose recipients are not in the warehouse", async () => {
    writeScenario(
      sources,
      "zz-elsewhere.yaml",
      "id: elsewhere\ntitle: Elsewhere\npot: 10\nrecipients: { districts: E10000031 }\nrule: { kind: equal }\n",
    );
    const reporter = memoryReporter();
    const summary = await allocationStep(scenariosDir(sources)).run(warehouse, reporter);
    expect(summary).toBe("5 of 6 scenarios in table allocation (skipped: elsewhere)");
    expect(reporter.lines.join("\n")).toMatch(
      /elsewhere skipped: county "E10000031" is not in the warehouse/,
    );
    const totals = await warehouse.rows<{ scenario_id: string; pence: number; negative: number }>(
      `SELECT scenario_id, sum(round(amount * 100))::BIGINT AS pence, count(*) FILTER (WHERE amount < 0)::INTEGER AS negative
       FROM allocation GROUP BY 1 ORDER BY 1`,
    );
    expect(totals).toEqual([
      { scenario_id: "by-extent-floor", pence: 100000, negative: 0 },
      { scenario_id: "by-income", pence: 100000, negative: 0 },
      { scenario_id: "equal", pence: 100000, negative: 0 },
      { scenario_id: "localities", pence: 99999, negative: 0 },
      { scenario_id: "tiered", pence: 100000, negative: 0 },
    ]);
    const inputsJson = await warehouse.scalar<string>(
      "SELECT inputs_json FROM allocation_scenario WHERE scenario_id = 'by-income'",
    );
    const inputs = JSON.parse(inputsJson!);
    expect(allocate(inputs.pot, inputs.recipients, inputs.rule).rows.map((row) => row.amount)).toEqual([
      683.76, 316.24,
    ]);
  });
});
