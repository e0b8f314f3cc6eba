/**
 * Stage `allocation-sensitivity` (issue 6's benchmark check): 100,000 seeded Monte Carlo draws of the
 * built-in scenario `localities-income-deprived` (23 localities, need-weighted by income-deprived people)
 * with `allocationSensitivity`, on the inputs read from the warehouse the `warwickshire` stage built. Only
 * the model call is timed; reading the inputs is not.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { allocateInputs, allocationInputs } from "../../../pipelines/allocation/allocation-inputs.ts";
import { readScenarios } from "../../../pipelines/allocation/read-scenarios.ts";
import { scenarioSensitivity } from "../../../pipelines/allocation/sensitivity-output.ts";
import { PROJECT_ROOT } from "../../../pipelines/config/project-config.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import type { StageContext, StageOutcome } from "./stage-context.ts";

export const SENSITIVITY_SCENARIO = "localities-income-deprived";
export const SENSITIVITY_DRAWS = 100_000;

export async function allocationSensitivityStage(context: StageContext): Promise<StageOutcome> {
  const warehousePath = path.join(context.warwickshireDist, "warehouse.duckdb");
  if (!existsSync(warehousePath)) {
    throw new Error(
      `${warehousePath} not found. Hint: run the warwickshire stage first (--stages warwickshire,…)`,
    );
  }
  const scenarios = readScenarios(path.join(PROJECT_ROOT, "sources", "scenarios"));
  const scenario = scenarios.find((s) => s.id === SENSITIVITY_SCENARIO);
  if (!scenario) throw new Error(`scenario ${SENSITIVITY_SCENARIO} not found in sources/scenarios`);
  const warehouse = await Warehouse.open(warehousePath, { readOnly: true });
  let inputs: Awaited<ReturnType<typeof allocationInputs>>;
  try {
    inputs = await allocationInputs(warehouse, scenario, scenarios);
  } finally {
    warehouse.close();
  }
  const result = allocateInputs(inputs);
  const started = performance.now();
  const run = scenarioSensitivity(inputs, result, { draws: SENSITIVITY_DRAWS, seed: 2008 });
  const seconds = (performance.now() - started) / 1000;
  return {
    rows: SENSITIVITY_DRAWS,
    seconds,
    note: `${run.sensitivity.rows.length} recipients × ${SENSITIVITY_DRAWS.toLocaleString("en-GB")} draws`,
  };
}
