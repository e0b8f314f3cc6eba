/**
 * Scenarios side by side (METHODS.md §8 "Compare scenarios"): each scenario's £, £ per head, £ per
 * income-deprived person and share, its gains and losses against the baseline scenario, and its distance
 * from ONE need-weighted target common to every scenario (default: income-deprived people) — so that a
 * scenario weighted by extent is still measured against the same yardstick as the others. Then how far
 * the baseline departs from each need-based alternative, and the need the baseline implies when it is a
 * fixed split. Pure: runs in the browser as well.
 */
import {
  type AllocationComparison,
  type AllocationResult,
  allocate,
  compareAllocations,
  type ImpliedNeedResult,
  impliedNeedRatio,
  type NeedMeasure,
  type ScenarioDeparture,
} from "../../models/allocation/index.ts";
import type { AllocationInputs } from "./allocation-inputs.ts";
import { comparisonStatements } from "./comparison-statements.ts";
import { modelNeedMeasure, type NeedMeasureName } from "./need-measure-catalogue.ts";
import { NEED_BASED_KINDS } from "./scenario-rule.ts";

export interface ScenarioRun {
  inputs: AllocationInputs;
  result: AllocationResult;
}

export interface ImpliedNeedByMeasure {
  scenarioId: string;
  measure: NeedMeasureName;
  result: ImpliedNeedResult;
}

export interface ScenarioComparison extends AllocationComparison {
  /** The need measure(s) of the common target every scenario's distance is measured from. */
  targetNeed: NeedMeasureName[];
  /** How far the baseline departs from each other scenario (empty without a baseline). */
  baselineDepartures: ScenarioDeparture[];
  /** For a fixed baseline split (tiered, equal): the need it implies, against each need measure used. */
  impliedNeed: ImpliedNeedByMeasure[];
  statements: string[];
}

/** The result with its targets and distances restated against the common need-weighted target. */
function againstCommonTarget(run: ScenarioRun, targetMeasures: NeedMeasure[]): AllocationResult {
  const { pot, recipients } = run.inputs;
  const target = allocate(pot, recipients, { kind: "need-weighted", measures: targetMeasures });
  const targetByCode = new Map(target.rows.map((row) => [row.code, row.targetAmount]));
  const rows = run.result.rows.map((row) => {
    const targetAmount = targetByCode.get(row.code) ?? null;
    const distanceFromTarget = targetAmount ? (row.amount - targetAmount) / targetAmount : null;
    return { ...row, targetAmount, distanceFromTarget };
  });
  return { ...run.result, rows };
}

/** Single need measures of the need-based scenarios (plus the target's), for the implied-need reading. */
function measuresToRead(runs: readonly ScenarioRun[], targetNeed: NeedMeasureName[]): NeedMeasureName[] {
  const names = new Set<NeedMeasureName>(targetNeed);
  for (const { inputs } of runs) {
    if (!NEED_BASED_KINDS.has(inputs.rule.kind) || !("measures" in inputs.rule)) continue;
    for (const measure of inputs.rule.measures) names.add(measure.measure as NeedMeasureName);
  }
  names.delete("population");
  return [...names];
}

/** The configured baseline most of the listed scenarios share, when it is listed too (ties: first listed). */
function defaultBaseline(runs: readonly ScenarioRun[]): string | undefined {
  const ids = runs.map((run) => run.inputs.scenario.id);
  const counts = new Map<string, number>();
  for (const { inputs } of runs) {
    const id = inputs.scenario.baselineId;
    if (id !== null && ids.includes(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [id, count] of counts) if (best === undefined || count > counts.get(best)!) best = id;
  return best;
}

/**
 * Compare scenario runs over the same recipients.
 *
 * @param options.baselineId the scenario gains and losses are measured against (default: the baseline
 *   most of the runs are configured with, when it is among them; else each recipient's own baseline).
 * @param options.targetNeed the need measure(s) of the common target (default income-deprived people).
 * @throws {ModelInputError} (from compareAllocations) when the runs have different recipients.
 */
export function compareScenarios(
  runs: readonly ScenarioRun[],
  options: { baselineId?: string | undefined; targetNeed?: NeedMeasureName[] } = {},
): ScenarioComparison {
  const targetNeed = options.targetNeed ?? ["income-deprived-people"];
  const targetMeasures = targetNeed.map((measure) => modelNeedMeasure({ measure, weight: 1 }));
  const baselineId = options.baselineId ?? defaultBaseline(runs);
  const scenarios = runs.map((run) => ({
    id: run.inputs.scenario.id,
    label: run.inputs.scenario.title,
    result: againstCommonTarget(run, targetMeasures),
  }));
  const comparison = compareAllocations(scenarios, baselineId);
  const baselineDepartures = comparison.departures.filter((departure) => departure.fromId === baselineId);
  const baselineRun = runs.find((run) => run.inputs.scenario.id === baselineId);
  const impliedNeed: ImpliedNeedByMeasure[] =
    baselineRun && !NEED_BASED_KINDS.has(baselineRun.inputs.rule.kind)
      ? measuresToRead(runs, targetNeed).map((measure) => ({
          scenarioId: baselineRun.inputs.scenario.id,
          measure,
          result: impliedNeedRatio(baselineRun.result, baselineRun.inputs.recipients, {
            need: [modelNeedMeasure({ measure, weight: 1 })],
          }),
        }))
      : [];
  const partial = { ...comparison, targetNeed, baselineDepartures, impliedNeed };
  return { ...partial, statements: comparisonStatements(partial, runs) };
}
