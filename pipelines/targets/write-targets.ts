/**
 * Writes one indicator's targets into the shared `target` table — the county's LAA target (kind 'laa'),
 * one differential target per area (kind 'differential') and, with a minimum standard, one floor target
 * per area (kind 'floor') — and its check block into `target_check`. Every row carries `example` and its
 * parameters as JSON (the step mark, method, p, floor, weight, rank, required changes, gaps).
 */
import type { DifferentialTargetsResult } from "../../models/targets/index.ts";
import { displayPath } from "../config/read-yaml-config.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { weightsBasis } from "./area-weights.ts";
import type { LoadedTargetConfig } from "./target-config-schema.ts";
import type { TargetIndicator } from "./target-indicator.ts";
import type { TargetInputs } from "./target-inputs.ts";
import { TARGET_STEP_MARK } from "./target-tables.ts";

type TargetRow = [string, string, string, number, string, number, string, string | null, string, boolean];

/** Inserts the target rows and the check row; returns the number of `target` rows. */
export async function writeTargets(
  warehouse: Warehouse,
  config: LoadedTargetConfig,
  indicator: TargetIndicator,
  inputs: TargetInputs,
  result: DifferentialTargetsResult,
  context: {
    countyCode: string;
    seriesBasis: string;
    notes: string[];
    ranks: ReadonlyMap<string, number> | null;
  },
): Promise<number> {
  const { model, baselinePeriodLabel: from, targetPeriodLabel: to } = inputs;
  const common = {
    step: TARGET_STEP_MARK,
    example: config.example,
    level: config.level,
    configFile: displayPath(config.file),
  };
  const parameters = {
    ...common,
    narrowBy: config.narrowBy,
    floor: config.floor ?? null,
    weights: weightsBasis(config),
    years: result.parameters.years,
  };
  const rows: TargetRow[] = [
    [
      config.indicator,
      context.countyCode,
      from,
      model.county.baseline,
      to,
      model.county.target,
      "laa",
      null,
      JSON.stringify({
        ...common,
        baselineSource: inputs.countyBaselineSource,
        targetSource: inputs.countyTargetSource,
      }),
      config.example,
    ],
  ];
  for (const area of result.areas) {
    const detail = {
      ...parameters,
      weight: area.weight,
      deprivationRank: context.ranks?.get(area.code) ?? null,
      requiredChange: area.requiredChange,
      requiredAnnualChange: area.requiredAnnualChange,
      gapBaseline: area.gapBaseline,
      gapTarget: area.gapTarget,
      liftedToFloor: area.liftedToFloor,
    };
    rows.push([
      config.indicator,
      area.code,
      from,
      area.baseline,
      to,
      area.target,
      "differential",
      result.method,
      JSON.stringify(detail),
      config.example,
    ]);
    if (config.floor !== undefined) {
      rows.push([
        config.indicator,
        area.code,
        from,
        area.baseline,
        to,
        config.floor,
        "floor",
        "minimum standard",
        JSON.stringify(parameters),
        config.example,
      ]);
    }
  }
  for (const row of rows) {
    await warehouse.run("INSERT INTO target VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", row);
  }
  await writeCheck(warehouse, config, indicator, inputs, result, context);
  return rows.length;
}

async function writeCheck(
  warehouse: Warehouse,
  config: LoadedTargetConfig,
  indicator: TargetIndicator,
  inputs: TargetInputs,
  result: DifferentialTargetsResult,
  context: { countyCode: string; seriesBasis: string; notes: string[] },
): Promise<void> {
  const { check, parameters } = result;
  await warehouse.run(
    `INSERT INTO target_check VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
       $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29)`,
    [
      config.indicator,
      indicator.name,
      config.example,
      config.level,
      context.countyCode,
      result.method,
      parameters.narrowBy,
      parameters.floor,
      parameters.years,
      weightsBasis(config),
      parameters.totalWeight,
      result.areas.length,
      inputs.baselinePeriodLabel,
      check.countyBaseline,
      inputs.countyBaselineSource,
      check.weightedMeanOfBaselines,
      inputs.targetPeriodLabel,
      check.countyTarget,
      inputs.countyTargetSource,
      check.weightedMeanOfTargets,
      check.baselineGap,
      check.targetGap,
      check.gapMeasure,
      check.narrowedBy,
      check.mostDeprivedQuintile?.join(", ") ?? null,
      check.liftedToFloor.join(", ") || null,
      context.seriesBasis,
      context.notes.join("; ") || null,
      displayPath(config.file),
    ],
  );
}
