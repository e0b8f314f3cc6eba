/**
 * The exact (unrounded) amount each recipient gets under a rule, and its need-weighted target, in pence
 * and in recipient (code) order — the step between validated input and the rounded allocation.
 */
import { ModelInputError } from "../errors.ts";
import { dampGainsAboveFloors } from "./floor-damping.ts";
import { needWeightedTargets } from "./need-measures.ts";
import { paceOfChangeAmounts } from "./pace-of-change.ts";
import { floorsAndCeilings, paceOfChangeSettings, tieredAmounts } from "./rule-settings.ts";
import type {
  AllocationRule,
  NeedMeasure,
  NeedWeightedWithFloorsRule,
  PaceOfChangeRule,
  Recipient,
} from "./types.ts";

export interface ExactAllocation {
  amounts: Float64Array;
  /** Need-weighted targets in pence, or null when the default reference need is not available. */
  targets: Float64Array | null;
  dampingFactor?: number;
  notes: string[];
}

/** The need the rule's target is measured against, and a note saying which. */
export function referenceNeedFor(rule: AllocationRule): { measures: NeedMeasure[]; isDefault: boolean } {
  if ("measures" in rule) return { measures: rule.measures, isDefault: false };
  if (rule.referenceNeed) return { measures: rule.referenceNeed, isDefault: false };
  return { measures: [{ measure: "deprivedPopulation" }], isDefault: true };
}

function describeMeasures(measures: readonly NeedMeasure[]): string {
  return measures
    .map(({ measure, weight }) => `${measure}${weight === undefined ? "" : ` × ${weight}`}`)
    .join(" + ");
}

/** Targets for the rule; for fixed rules with the default reference need, null if it is unavailable. */
function targetsFor(
  functionName: string,
  potPence: number,
  recipients: readonly Recipient[],
  rule: AllocationRule,
) {
  const { measures, isDefault } = referenceNeedFor(rule);
  const note = `targets are need-weighted by ${describeMeasures(measures)}${isDefault ? " (the default reference need)" : ""}`;
  const defaultUnavailable =
    recipients.some(({ deprivedPopulation }) => deprivedPopulation === undefined) ||
    recipients.every(({ deprivedPopulation }) => deprivedPopulation === 0);
  if (isDefault && defaultUnavailable) {
    return {
      targets: null,
      note: "no targets: some recipients have no deprived population (give referenceNeed)",
    };
  }
  return { targets: needWeightedTargets(functionName, recipients, measures, potPence), note };
}

/**
 * Exact amounts and targets for any rule.
 *
 * @throws {ModelInputError} for invalid rule settings, tiered amounts that do not sum to the pot,
 *   unaffordable floors or minimum growth, or missing need values.
 * @example exactAmountsForRule("allocate", 10000, [{ code: "A", name: "a", population: 1 }, { code: "B", name: "b", population: 3 }], { kind: "per-head" }, 1).amounts // Float64Array [2500, 7500]
 */
export function exactAmountsForRule(
  functionName: string,
  potPence: number,
  recipients: readonly Recipient[],
  rule: AllocationRule,
  unitPence: number,
): ExactAllocation {
  const { targets, note } = targetsFor(functionName, potPence, recipients, rule);
  const notes = [note];
  const n = recipients.length;
  switch (rule.kind) {
    case "tiered":
      return { amounts: tieredAmounts(functionName, rule, recipients, potPence, unitPence), targets, notes };
    case "equal":
      return { amounts: new Float64Array(n).fill(potPence / n), targets, notes };
    case "per-head": {
      const population = recipients.reduce((total, recipient) => total + recipient.population, 0);
      const amounts = Float64Array.from(
        recipients,
        (recipient) => (potPence * recipient.population) / population,
      );
      return { amounts, targets, notes };
    }
    case "need-weighted":
      return { amounts: Float64Array.from(targets!), targets, notes };
    case "need-weighted-with-floors":
      return withFloors(functionName, potPence, recipients, rule, unitPence, targets!, notes);
    case "pace-of-change":
      return withPaceOfChange(functionName, potPence, recipients, rule, targets!, notes);
    default:
      return unknownRule(functionName, rule);
  }
}

function unknownRule(functionName: string, rule: never): never {
  throw new ModelInputError(`${functionName}: unknown rule kind "${(rule as { kind: unknown }).kind}"`);
}

function withFloors(
  functionName: string,
  potPence: number,
  recipients: readonly Recipient[],
  rule: NeedWeightedWithFloorsRule,
  unitPence: number,
  targets: Float64Array,
  notes: string[],
): ExactAllocation {
  const limits = floorsAndCeilings(functionName, rule.floor, rule.ceiling, recipients, unitPence);
  const amounts = new Float64Array(recipients.length);
  const capped = new Uint8Array(recipients.length);
  const dampingFactor = dampGainsAboveFloors(functionName, targets, limits, potPence, amounts, capped);
  const floored = targets.filter((target, i) => target <= limits.floors[i]!).length;
  notes.push(
    `${floored} recipient(s) on their floor; gains above the floor scaled by s = ${dampingFactor.toFixed(4)}`,
  );
  const cappedCount = capped.reduce((total, flag) => total + flag, 0);
  if (cappedCount > 0) notes.push(`${cappedCount} recipient(s) capped at their ceiling`);
  return { amounts, targets, dampingFactor, notes };
}

function withPaceOfChange(
  functionName: string,
  potPence: number,
  recipients: readonly Recipient[],
  rule: PaceOfChangeRule,
  targets: Float64Array,
  notes: string[],
): ExactAllocation {
  const settings = paceOfChangeSettings(functionName, rule, recipients);
  const amounts = new Float64Array(recipients.length);
  const dampingFactor = paceOfChangeAmounts(functionName, targets, settings, potPence, amounts);
  notes.push(
    `minimum growth ${rule.minimumGrowth * 100}% on baseline; gaps of those more than ` +
      `${rule.targetTolerance * 100}% below target closed × ${dampingFactor.toFixed(4)}`,
  );
  return { amounts, targets, dampingFactor, notes };
}
