/**
 * Floors and ceilings with floor damping (METHODS.md §8): recipients whose target is at or below their
 * floor get the floor; everyone else gets floor + s × (target − floor), one factor s for all, chosen so
 * the total is exactly the pot. s = (Pot − Σ floors) / Σ gains above floor, so s < 0 means the floors
 * cost more than the pot (unaffordable). Ceilings cap an amount at the ceiling; the money this frees
 * lowers the damping needed, i.e. it funds the floors first. Only when it frees more than the floors
 * cost does s exceed 1: the surplus then goes to the uncapped recipients in proportion to their gains.
 *
 * Works on typed arrays in place (no allocation) so the sensitivity loop can call it for every draw.
 */
import { ModelInputError } from "../errors.ts";
import { formatPounds } from "./money.ts";

/** Floors and ceilings per recipient in pence, in recipient (code) order; Infinity = no ceiling. */
export interface FloorsAndCeilings {
  floors: Float64Array;
  ceilings: Float64Array;
  /** Σ floors in pence. */
  floorTotal: number;
}

function throwIfFloorsUnaffordable(functionName: string, floorTotal: number, potPence: number): void {
  if (floorTotal <= potPence) return;
  throw new ModelInputError(
    `${functionName}: the floors are unaffordable — they total ${formatPounds(floorTotal)} but the pot is ` +
      `${formatPounds(potPence)}, a shortfall of ${formatPounds(floorTotal - potPence)} (damping factor s < 0)`,
    "lower the floors or raise the pot",
  );
}

/** Money fixed at floors or ceilings for the current capped set, and the gains still to be scaled. */
function fixedMoneyAndGains(targets: Float64Array, limits: FloorsAndCeilings, capped: Uint8Array) {
  let fixedMoney = 0;
  let gains = 0;
  for (let i = 0; i < targets.length; i++) {
    const gain = targets[i]! - limits.floors[i]!;
    if (gain > 0 && capped[i] === 1) {
      fixedMoney += limits.ceilings[i]!;
    } else {
      fixedMoney += limits.floors[i]!;
      if (gain > 0) gains += gain;
    }
  }
  return { fixedMoney, gains };
}

/** Caps every uncapped gaining recipient whose damped amount passes its ceiling; true if any. */
function capAboveCeilings(targets: Float64Array, limits: FloorsAndCeilings, capped: Uint8Array, s: number) {
  let newlyCapped = false;
  for (let i = 0; i < targets.length; i++) {
    const gain = targets[i]! - limits.floors[i]!;
    if (gain > 0 && capped[i] === 0 && limits.floors[i]! + s * gain > limits.ceilings[i]! + 1e-9) {
      capped[i] = 1;
      newlyCapped = true;
    }
  }
  return newlyCapped;
}

/**
 * Floor damping with ceilings: writes each recipient's exact amount (pence) into `out` and returns the
 * damping factor s.
 *
 * @param targets need-weighted targets in pence (summing to the pot).
 * @param capped scratch array of the same length (overwritten).
 * @throws {ModelInputError} when the floors total more than the pot (naming the shortfall in £), or
 *   when the ceilings leave money that no recipient may take.
 * @example dampGainsAboveFloors("allocate", Float64Array.of(1000, 3000, 6000), { floors: Float64Array.of(2000, 2000, 2000), ceilings: Float64Array.of(Infinity, Infinity, Infinity), floorTotal: 6000 }, 10000, new Float64Array(3), new Uint8Array(3)) // 0.8 (amounts 2000, 2800, 5200)
 */
export function dampGainsAboveFloors(
  functionName: string,
  targets: Float64Array,
  limits: FloorsAndCeilings,
  potPence: number,
  out: Float64Array,
  capped: Uint8Array,
): number {
  throwIfFloorsUnaffordable(functionName, limits.floorTotal, potPence);
  capped.fill(0);
  let s = 1;
  for (let round = 0; round <= targets.length; round++) {
    const { fixedMoney, gains } = fixedMoneyAndGains(targets, limits, capped);
    const remaining = potPence - fixedMoney;
    if (!(gains > 0)) {
      if (Math.abs(remaining) > 0.5) {
        throw new ModelInputError(
          `${functionName}: the ceilings are too low — ${formatPounds(remaining)} of the pot cannot be given to anyone`,
          "raise the ceilings or lower the pot",
        );
      }
      break;
    }
    s = remaining / gains;
    if (!capAboveCeilings(targets, limits, capped, s)) break;
  }
  for (let i = 0; i < targets.length; i++) {
    const gain = targets[i]! - limits.floors[i]!;
    if (gain <= 0) out[i] = limits.floors[i]!;
    else out[i] = capped[i] === 1 ? limits.ceilings[i]! : limits.floors[i]! + s * gain;
  }
  return s;
}
