/**
 * The optional minimum standard F of METHODS.md §6 ("every locality reaches a floor target") and how it
 * interacts with consistency. Algorithm (a one-parameter water-filling):
 *
 *   τᵢ(δ) = max_by_polarity(τ⁰ᵢ − s·δ, F)
 *
 * where τ⁰ are the gap-narrowing targets, s the improvement sign and δ ≥ 0 the amount every area that is
 * not held at F gives up so that the weighted mean stays T. Areas below F are lifted to it; all the
 * others move by the same amount, so the differences between their targets — the gap-narrowing shape —
 * are kept exactly. Lifting can push further areas below F; they join the lifted set and δ is solved
 * again (at most one pass per area, since δ only grows).
 */
import { ModelInputError } from "../errors.ts";
import { formatFigure } from "./polarity-direction.ts";

export interface MinimumStandardInput {
  codes: readonly string[];
  shapeTargets: readonly number[];
  weights: readonly number[];
  countyTarget: number;
  floor: number;
  sign: 1 | -1;
}

export interface MinimumStandardResult {
  targets: number[];
  lifted: boolean[];
  /** δ: how much each area not held at F gave up, in the improving direction. */
  absorbedPerArea: number;
}

/**
 * Lifts targets below the minimum standard F to F and shifts all other targets equally so that their
 * weighted mean remains the county target.
 *
 * @throws {ModelInputError} when F is better than the county target T (areas all at or above F would
 *   average better than T), naming the minimum-standard constraint and the excess.
 * @example applyMinimumStandard({ codes: ["A", "B"], shapeTargets: [8, 22], weights: [1, 1],
 *   countyTarget: 15, floor: 10, sign: 1 }) // → { targets: [10, 20], lifted: [true, false], absorbedPerArea: 2 }
 */
export function applyMinimumStandard(input: MinimumStandardInput): MinimumStandardResult {
  const { shapeTargets, weights, countyTarget, floor, sign } = input;
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  if (sign * (countyTarget - floor) < 0) {
    throw new ModelInputError(
      `differentialTargets: constraint 'minimum standard' conflicts with 'consistency': every area at or ` +
        `better than F = ${formatFigure(floor)} would average at least F, but the county target is ` +
        `T = ${formatFigure(countyTarget)} (shortfall ${formatFigure(Math.abs(floor - countyTarget))})`,
      "Set the minimum standard no better than the county target, or raise the county target.",
    );
  }
  const belowFloor = (value: number) => sign * (value - floor) < 0;
  const lifted = shapeTargets.map(belowFloor);
  let absorbedPerArea = 0;
  for (let pass = 0; pass <= shapeTargets.length; pass++) {
    let freeWeight = 0;
    let excess = -countyTarget * totalWeight;
    shapeTargets.forEach((target, i) => {
      if (lifted[i]) excess += weights[i]! * floor;
      else {
        excess += weights[i]! * target;
        freeWeight += weights[i]!;
      }
    });
    if (freeWeight === 0) break;
    absorbedPerArea = (sign * excess) / freeWeight;
    const newlyBelow = shapeTargets.map((t, i) => !lifted[i] && belowFloor(t - sign * absorbedPerArea));
    if (!newlyBelow.includes(true)) break;
    newlyBelow.forEach((isBelow, i) => {
      if (isBelow) lifted[i] = true;
    });
  }
  const targets = shapeTargets.map((target, i) => (lifted[i] ? floor : target - sign * absorbedPerArea));
  return { targets, lifted, absorbedPerArea };
}
