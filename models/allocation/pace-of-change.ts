/**
 * Pace of change (METHODS.md §8): every recipient first gets its baseline plus a minimum growth; the
 * money left over then closes the gaps to the need-weighted target of those more than c below it
 * (tier 1), all scaled by one factor k = min(1, money left / Σ tier-1 gaps); anything still left closes,
 * by the same rule, the gaps of the recipients below target but within c of it (tier 2). Nobody is
 * lifted above its target by the extra, and nobody gets less than baseline × (1 + minimum growth)
 * (before rounding; after it, less by under one rounding unit at most).
 *
 * Works on typed arrays in place (no allocation) so the sensitivity loop can call it for every draw.
 */
import { ModelInputError } from "../errors.ts";
import { formatPounds } from "./money.ts";

/** Baseline-with-minimum-growth amounts (pence), their total, and the tolerance c. */
export interface PaceOfChangeSettings {
  minimumAmounts: Float64Array;
  minimumTotal: number;
  targetTolerance: number;
}

/** Σ of the gaps to target of one tier (1: more than c below target; 2: below but within c). */
function tierGapTotal(targets: Float64Array, settings: PaceOfChangeSettings, tier: 1 | 2): number {
  let total = 0;
  for (let i = 0; i < targets.length; i++) {
    const gap = targets[i]! - settings.minimumAmounts[i]!;
    if (gap > 0 && isFarBelowTarget(targets[i]!, settings, i) === (tier === 1)) total += gap;
  }
  return total;
}

function isFarBelowTarget(target: number, settings: PaceOfChangeSettings, i: number): boolean {
  return settings.minimumAmounts[i]! < (1 - settings.targetTolerance) * target;
}

/**
 * Pace-of-change amounts: writes each recipient's exact amount (pence) into `out` and returns the factor
 * k by which the tier-1 extra was scaled (1 = every gap of more than c closed in full).
 *
 * @throws {ModelInputError} when the minimum growth alone costs more than the pot (naming the shortfall).
 * @example paceOfChangeAmounts("allocate", Float64Array.of(6000, 4000), { minimumAmounts: Float64Array.of(5000, 4500), minimumTotal: 9500, targetTolerance: 0.05 }, 10000, new Float64Array(2)) // 0.5 (amounts 5500, 4500)
 */
export function paceOfChangeAmounts(
  functionName: string,
  targets: Float64Array,
  settings: PaceOfChangeSettings,
  potPence: number,
  out: Float64Array,
): number {
  // A tolerance of a millionth of a penny absorbs float noise in baseline × (1 + growth).
  const available = Math.max(0, potPence - settings.minimumTotal);
  if (potPence - settings.minimumTotal < -1e-6) {
    throw new ModelInputError(
      `${functionName}: the minimum growth is unaffordable — baseline plus minimum growth totals ` +
        `${formatPounds(settings.minimumTotal)} but the pot is ${formatPounds(potPence)}, a shortfall of ` +
        `${formatPounds(settings.minimumTotal - potPence)}`,
      "lower the minimum growth or raise the pot",
    );
  }
  const farGaps = tierGapTotal(targets, settings, 1);
  const farFactor = farGaps > 0 ? Math.min(1, available / farGaps) : 1;
  const nearGaps = tierGapTotal(targets, settings, 2);
  const left = Math.max(0, available - farFactor * farGaps);
  const nearFactor = nearGaps > 0 ? Math.min(1, left / nearGaps) : 0;
  for (let i = 0; i < targets.length; i++) {
    const minimum = settings.minimumAmounts[i]!;
    const gap = targets[i]! - minimum;
    if (gap <= 0) out[i] = minimum;
    else out[i] = minimum + gap * (isFarBelowTarget(targets[i]!, settings, i) ? farFactor : nearFactor);
  }
  return farFactor;
}
