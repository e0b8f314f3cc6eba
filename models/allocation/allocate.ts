/**
 * Allocation of a pot of money between recipients by a stated rule (METHODS.md §8): tiered fixed
 * amounts, equal shares, per head, need-weighted, need-weighted with floors and ceilings (floor
 * damping), or pace of change from a baseline — each reported against the need-weighted target.
 */
import { ModelInputError } from "../errors.ts";
import { exactAmountsForRule } from "./exact-amounts.ts";
import { roundByLargestRemainder } from "./largest-remainder.ts";
import { formatPounds, penceToPounds, toWholePence } from "./money.ts";
import { recipientsInCodeOrder } from "./recipients.ts";
import type { AllocationResult, AllocationRow, AllocationRule, Recipient } from "./types.ts";

const RULE_KINDS = new Set([
  "tiered",
  "equal",
  "per-head",
  "need-weighted",
  "need-weighted-with-floors",
  "pace-of-change",
]);

/** Checks the rule's kind and returns the rounding unit in whole pence (default a penny). */
export function roundingUnitInPence(functionName: string, rule: AllocationRule): number {
  if (rule === null || typeof rule !== "object" || !RULE_KINDS.has(rule.kind)) {
    throw new ModelInputError(
      `${functionName}: unknown rule kind "${(rule as { kind?: unknown } | null)?.kind}"`,
      `use one of: ${[...RULE_KINDS].join(", ")}`,
    );
  }
  const unit = rule.roundingUnit ?? 0.01;
  const unitPence = toWholePence(functionName, "roundingUnit", unit);
  if (unitPence < 1)
    throw new ModelInputError(`${functionName}: roundingUnit must be at least £0.01 (got ${unit})`);
  return unitPence;
}

function rowFor(
  recipient: Recipient,
  amountPence: number,
  targetPence: number | null,
  potPence: number,
): AllocationRow {
  const { code, name, population, deprivedPopulation, baseline } = recipient;
  const amount = penceToPounds(amountPence);
  return {
    code,
    name,
    amount,
    share: amountPence / potPence,
    perHead: amount / population,
    perDeprivedPerson: deprivedPopulation ? amount / deprivedPopulation : null,
    targetAmount: targetPence === null ? null : penceToPounds(targetPence),
    distanceFromTarget: targetPence ? (amountPence - targetPence) / targetPence : null,
    changeFromBaseline:
      baseline === undefined ? null : penceToPounds(amountPence - Math.round(baseline * 100)),
  };
}

/**
 * Allocate a pot between recipients by a rule, rounded by largest remainder so the amounts sum to the
 * pot exactly to the penny.
 *
 * Returns an object whose `rows` hold one entry per recipient, in the order given, with the fields
 * code, name, amount, share, perHead, perDeprivedPerson, targetAmount, distanceFromTarget and
 * changeFromBaseline; metadata (total, rule, roundingUnit, dampingFactor, notes) sits beside `rows`.
 * Results do not depend on the order of the recipients (computed in code order; ties broken by code).
 * Targets: the rule's own need measures, or for tiered, equal and per-head rules `referenceNeed`
 * (default: deprived population). Target amounts are rounded to the penny by the same method.
 *
 * Method: METHODS.md §8 (need-weighted target share, floors with damping, pace of change, tiered rules,
 * largest-remainder rounding).
 *
 * @throws {ModelInputError} for a bad pot, recipients or rule; tiered amounts that do not sum to the pot;
 *   fixed amounts that are not multiples of the rounding unit; unaffordable floors (naming the shortfall
 *   in £) or minimum growth; ceilings too low to place the pot; missing need values.
 * @example
 * allocate(800000, districts, { kind: "tiered", amounts: { E07000219: 400000, E07000218: 100000,
 *   E07000220: 100000, E07000221: 100000, E07000222: 100000 } }).rows.map((row) => row.amount)
 * // [100000, 400000, 100000, 100000, 100000] (districts in code order)
 */
export function allocate(
  pot: number,
  recipients: readonly Recipient[],
  rule: AllocationRule,
): AllocationResult {
  const functionName = `allocate (${rule?.kind})`;
  const unitPence = roundingUnitInPence(functionName, rule);
  const potPence = toWholePence(functionName, "pot", pot);
  if (potPence === 0) throw new ModelInputError(`${functionName}: the pot must be more than £0`);
  const sorted = recipientsInCodeOrder(functionName, recipients);
  const exact = exactAmountsForRule(functionName, potPence, sorted, rule, unitPence);
  const amounts = roundByLargestRemainder(exact.amounts, potPence, unitPence);
  const targets = exact.targets && roundByLargestRemainder(exact.targets, potPence, 1);
  const indexByCode = new Map(sorted.map((recipient, i) => [recipient.code, i]));
  const rows = recipients.map((recipient) => {
    const i = indexByCode.get(recipient.code)!;
    return rowFor(recipient, amounts[i]!, targets ? targets[i]! : null, potPence);
  });
  const notes = [...exact.notes];
  if (potPence % unitPence !== 0) {
    notes.push(
      `the pot is not a multiple of ${formatPounds(unitPence)}: the odd pence were shared by largest remainder`,
    );
  }
  const result: AllocationResult = {
    rows,
    total: penceToPounds(potPence),
    rule,
    roundingUnit: unitPence / 100,
    notes,
  };
  if (exact.dampingFactor !== undefined) result.dampingFactor = exact.dampingFactor;
  return result;
}
