/**
 * A scenario's configured rule as the allocation models' `AllocationRule`: need measures by name become
 * the models' need measures (see need-measure-catalogue.ts), the scenario's rounding unit is attached, and
 * fixed rules (tiered, equal, per head) carry the reference need their target is measured against.
 */
import type {
  AllocationRule,
  NeedMeasure,
  NeedWeightedWithFloorsRule,
} from "../../models/allocation/index.ts";
import { modelNeedMeasure, type NeedMeasureName } from "./need-measure-catalogue.ts";
import { SCENARIO_DEFAULTS, type ScenarioConfig } from "./scenario-schema.ts";

/** Rule kinds whose amounts follow need (the others are fixed: tiered, equal, per head). */
export const NEED_BASED_KINDS: ReadonlySet<string> = new Set([
  "need-weighted",
  "need-weighted-with-floors",
  "pace-of-change",
]);

function referenceNeedOf(scenario: ScenarioConfig): NeedMeasure[] {
  return (scenario.referenceNeed ?? SCENARIO_DEFAULTS.referenceNeed).map(modelNeedMeasure);
}

/**
 * The models' rule for a scenario.
 *
 * @example modelRule(scenario).kind // "need-weighted" for `rule: { kind: need-weighted, measures: [extent] }`
 */
export function modelRule(scenario: ScenarioConfig): AllocationRule {
  const { rule, roundingUnit } = scenario;
  switch (rule.kind) {
    case "tiered":
      return {
        kind: "tiered",
        amounts: rule.amounts,
        roundingUnit,
        referenceNeed: referenceNeedOf(scenario),
      };
    case "equal":
    case "per-head":
      return { kind: rule.kind, roundingUnit, referenceNeed: referenceNeedOf(scenario) };
    case "need-weighted":
      return { kind: "need-weighted", measures: rule.measures.map(modelNeedMeasure), roundingUnit };
    case "need-weighted-with-floors": {
      const floored: NeedWeightedWithFloorsRule = {
        kind: "need-weighted-with-floors",
        measures: rule.measures.map(modelNeedMeasure),
        roundingUnit,
      };
      if (rule.floor !== undefined) floored.floor = rule.floor;
      if (rule.ceiling !== undefined) floored.ceiling = rule.ceiling;
      return floored;
    }
    case "pace-of-change":
      return {
        kind: "pace-of-change",
        measures: rule.measures.map(modelNeedMeasure),
        minimumGrowth: rule.minimumGrowth,
        targetTolerance: rule.targetTolerance,
        roundingUnit,
      };
  }
}

/** The need measures a scenario's rule (or its reference need) names, without repeats. */
export function measuresNamed(scenario: ScenarioConfig): NeedMeasureName[] {
  const { rule } = scenario;
  const configured =
    "measures" in rule ? rule.measures : (scenario.referenceNeed ?? SCENARIO_DEFAULTS.referenceNeed);
  return [...new Set(configured.map((measure) => measure.measure))];
}

/** A one-line description of a rule, e.g. "need-weighted: income-deprived-people" or "tiered (5 amounts)". */
export function describeRule(scenario: ScenarioConfig): string {
  const { rule } = scenario;
  const measures = (list: readonly { measure: string; weight: number }[]) =>
    list.map(({ measure, weight }) => (list.length > 1 ? `${measure}×${weight}` : measure)).join(" + ");
  const pounds = (value: number | Record<string, number>) =>
    typeof value === "number" ? `£${value.toLocaleString("en-GB")}` : "by recipient";
  switch (rule.kind) {
    case "tiered":
      return `tiered (${Object.keys(rule.amounts).length} fixed amounts)`;
    case "equal":
    case "per-head":
      return rule.kind;
    case "need-weighted":
      return `need-weighted: ${measures(rule.measures)}`;
    case "need-weighted-with-floors":
      return [
        `need-weighted: ${measures(rule.measures)}`,
        rule.floor !== undefined ? `floor ${pounds(rule.floor)}` : "",
        rule.ceiling !== undefined ? `ceiling ${pounds(rule.ceiling)}` : "",
      ]
        .filter(Boolean)
        .join(", ");
    case "pace-of-change":
      return `pace of change: ${measures(rule.measures)}, minimum growth ${rule.minimumGrowth * 100}%, tolerance ${rule.targetTolerance * 100}%`;
  }
}
