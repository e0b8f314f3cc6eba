/**
 * Allocation models (METHODS.md §8): split a pot between recipients by a stated rule, compare the
 * scenarios, read the need a fixed split implies, and test a split's sensitivity to uncertain weights.
 */
export { allocate } from "./allocate.ts";
export {
  allocationSensitivity,
  type SensitivityOptions,
  type SensitivityResult,
  type SensitivityRow,
} from "./allocation-sensitivity.ts";
export { type AllocationComparison, type ComparisonRow, compareAllocations } from "./compare-allocations.ts";
export {
  type ImpliedNeedOptions,
  type ImpliedNeedResult,
  type ImpliedNeedRow,
  impliedNeedRatio,
} from "./implied-need-ratio.ts";
export { roundByLargestRemainder } from "./largest-remainder.ts";
export { formatPounds } from "./money.ts";
export {
  type AllocationScenario,
  type ScenarioDeparture,
  type ScenarioSummary,
  scenarioDeparture,
  scenarioSummary,
} from "./scenario-departures.ts";
export type {
  AllocationResult,
  AllocationRow,
  AllocationRule,
  AllocationRuleKind,
  AmountPerRecipient,
  EqualRule,
  NeedMeasure,
  NeedWeightedRule,
  NeedWeightedWithFloorsRule,
  PaceOfChangeRule,
  PerHeadRule,
  Recipient,
  TieredRule,
} from "./types.ts";
export type { WeightUncertainty } from "./weight-uncertainty.ts";
