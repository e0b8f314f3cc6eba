/**
 * Turns the £ amounts written in a rule (tiered amounts, floors, ceilings, minimum growth) into
 * validated pence arrays in recipient (code) order — done once per allocation, so the kernels trust them.
 * Fixed amounts must be whole multiples of the rounding unit, so rounding can never push an amount
 * below its floor or above its ceiling, nor alter a directed (tiered) amount.
 */
import { ModelInputError } from "../errors.ts";
import type { FloorsAndCeilings } from "./floor-damping.ts";
import { formatPounds, toWholePence } from "./money.ts";
import type { PaceOfChangeSettings } from "./pace-of-change.ts";
import type { AmountPerRecipient, PaceOfChangeRule, Recipient, TieredRule } from "./types.ts";

function checkedPence(functionName: string, label: string, pounds: number, unitPence: number): number {
  const pence = toWholePence(functionName, label, pounds);
  if (pence % unitPence !== 0) {
    throw new ModelInputError(
      `${functionName}: ${label} (${formatPounds(pence)}) is not a multiple of the rounding unit ${formatPounds(unitPence)}`,
      "make fixed amounts, floors and ceilings whole multiples of the rounding unit, or use a smaller unit",
    );
  }
  return pence;
}

function checkCodesKnown(
  functionName: string,
  label: string,
  amounts: object,
  recipients: readonly Recipient[],
) {
  const codes = new Set(recipients.map((recipient) => recipient.code));
  const unknown = Object.keys(amounts).filter((code) => !codes.has(code));
  if (unknown.length > 0) {
    throw new ModelInputError(
      `${functionName}: ${label} names codes that are not recipients: ${unknown.join(", ")}`,
    );
  }
}

/**
 * A £ amount per recipient (one number for all, or a record by code) as pence in code order; recipients
 * not in the record get `fallback` pence.
 */
export function amountsPerRecipient(
  functionName: string,
  label: string,
  amounts: AmountPerRecipient | undefined,
  recipients: readonly Recipient[],
  unitPence: number,
  fallback: number,
): Float64Array {
  if (amounts === undefined) return new Float64Array(recipients.length).fill(fallback);
  if (typeof amounts === "number") {
    const pence = checkedPence(functionName, label, amounts, unitPence);
    return new Float64Array(recipients.length).fill(pence);
  }
  checkCodesKnown(functionName, label, amounts, recipients);
  return Float64Array.from(recipients, ({ code }) => {
    const pounds = amounts[code];
    return pounds === undefined
      ? fallback
      : checkedPence(functionName, `${label} for "${code}"`, pounds, unitPence);
  });
}

/** Tiered amounts in pence, code order; every recipient needs one and they must sum to the pot. */
export function tieredAmounts(
  functionName: string,
  rule: TieredRule,
  recipients: readonly Recipient[],
  potPence: number,
  unitPence: number,
): Float64Array {
  const missing = recipients.filter(({ code }) => rule.amounts?.[code] === undefined).map(({ code }) => code);
  if (missing.length > 0) {
    throw new ModelInputError(`${functionName}: the tiered rule has no amount for ${missing.join(", ")}`);
  }
  const amounts = amountsPerRecipient(functionName, "tiered amount", rule.amounts, recipients, unitPence, 0);
  const sum = amounts.reduce((total, amount) => total + amount, 0);
  if (sum !== potPence) {
    throw new ModelInputError(
      `${functionName}: the tiered amounts sum to ${formatPounds(sum)} but the pot is ${formatPounds(potPence)} ` +
        `(difference ${formatPounds(sum - potPence)})`,
      "a tiered rule must share out exactly the pot",
    );
  }
  return amounts;
}

/** Floors (default none) and ceilings (default none), validated: each ceiling ≥ its floor. */
export function floorsAndCeilings(
  functionName: string,
  floor: AmountPerRecipient | undefined,
  ceiling: AmountPerRecipient | undefined,
  recipients: readonly Recipient[],
  unitPence: number,
): FloorsAndCeilings {
  const floors = amountsPerRecipient(functionName, "floor", floor, recipients, unitPence, 0);
  const ceilings = amountsPerRecipient(functionName, "ceiling", ceiling, recipients, unitPence, Infinity);
  let floorTotal = 0;
  recipients.forEach(({ code }, i) => {
    if (ceilings[i]! < floors[i]!) {
      throw new ModelInputError(
        `${functionName}: the ceiling for "${code}" (${formatPounds(ceilings[i]!)}) is below its floor (${formatPounds(floors[i]!)})`,
      );
    }
    floorTotal += floors[i]!;
  });
  return { floors, ceilings, floorTotal };
}

/** Baseline × (1 + minimum growth) per recipient, in pence; every recipient needs a baseline. */
export function paceOfChangeSettings(
  functionName: string,
  rule: PaceOfChangeRule,
  recipients: readonly Recipient[],
): PaceOfChangeSettings {
  const { minimumGrowth, targetTolerance } = rule;
  if (!(Number.isFinite(minimumGrowth) && minimumGrowth > -1)) {
    throw new ModelInputError(
      `${functionName}: minimumGrowth must be a fraction > −1 (got ${minimumGrowth})`,
    );
  }
  if (!(Number.isFinite(targetTolerance) && targetTolerance >= 0 && targetTolerance < 1)) {
    throw new ModelInputError(
      `${functionName}: targetTolerance must be a fraction in [0, 1) (got ${targetTolerance})`,
    );
  }
  const withoutBaseline = recipients.filter(({ baseline }) => baseline === undefined).map(({ code }) => code);
  if (withoutBaseline.length > 0) {
    throw new ModelInputError(
      `${functionName}: pace of change needs a baseline for ${withoutBaseline.join(", ")}`,
    );
  }
  const minimumAmounts = Float64Array.from(
    recipients,
    ({ baseline }) => baseline! * 100 * (1 + minimumGrowth),
  );
  const minimumTotal = minimumAmounts.reduce((total, amount) => total + amount, 0);
  return { minimumAmounts, minimumTotal, targetTolerance };
}
