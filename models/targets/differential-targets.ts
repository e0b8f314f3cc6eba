/**
 * Differential (gap-narrowing) locality targets from a county target — METHODS.md §6.
 */
import { deprivationPositions } from "./deprivation-position.ts";
import { applyMinimumStandard } from "./minimum-standard.ts";
import { weightedMean } from "./polarity-direction.ts";
import { buildAreaRows, summariseTargetCheck } from "./target-check.ts";
import {
  assertConsistent,
  assertCountyImproves,
  assertFloorKeepsEveryAreaNoWorse,
  assertShapeKeepsEveryAreaNoWorse,
} from "./target-constraints.ts";
import { gapToCountyShape, gradedShape, quintileGapShape, type ShapeInput } from "./target-shapes.ts";
import type { DifferentialTargetsInput, DifferentialTargetsResult } from "./target-types.ts";
import { validateTargetInput } from "./validate-target-input.ts";

const shapes = { "gap-to-county": gapToCountyShape, "quintile-gap": quintileGapShape, graded: gradedShape };

/**
 * Differential targets: turns a county target T into one target per area so that (1) the weighted mean
 * of the area targets is exactly T (consistency), (2) gaps narrow by the chosen method — 'gap-to-county'
 * (each area's gap to the weighted-mean baseline B̄ shrinks to (1 − p) of itself:
 * τᵢ = T + (1 − p)(bᵢ − B̄)), 'quintile-gap' (the most deprived quintile's gap to the rest shrinks by p,
 * each group moving uniformly) or 'graded' (proportionate universalism: change ∝ (1 + p) − 2p·relative
 * deprivation rank) — and (3) no area's target is worse than its baseline; with a minimum standard F,
 * areas below F are lifted to it and every other area gives up the same amount to keep consistency (see
 * minimum-standard.ts). Used by the partnership to set locality targets that narrow the gap while adding
 * up to the county's LAA target. Requires annual change = required change ÷ years.
 *
 * Method: METHODS.md §6 (differential targets), quintile and relative rank conventions from §4.
 *
 * @throws {ModelInputError} for invalid input, and whenever the constraints cannot all hold — the message
 *   names the constraint ('consistency', 'gap narrowing', 'no area worse than its baseline', 'minimum
 *   standard') and the shortfall in the indicator's units.
 * @example
 * differentialTargets({ polarity: "high-is-good", county: { baseline: 15, target: 18 }, method: "gap-to-county",
 *   narrowBy: 0.2, years: 4, areas: [{ code: "A", baseline: 10, weight: 1 }, { code: "B", baseline: 20, weight: 1 }] })
 * // → areas: A target 14 (change +4, +1 a year, gap −5 → −4), B target 22 (change +2, +0.5 a year, gap 5 → 4);
 * //   check: { weightedMeanOfTargets: 18, baselineGap: 5, targetGap: 4, narrowedBy: 0.2, … }
 */
export function differentialTargets(input: DifferentialTargetsInput): DifferentialTargetsResult {
  const { sign, areas, years } = validateTargetInput(input);
  const baselines = areas.map((area) => area.baseline);
  const weights = areas.map((area) => area.weight);
  const meanBaseline = weightedMean(baselines, weights);
  const allRanked = areas.every((area) => Number.isFinite(area.deprivationRank));
  const positions = allRanked ? deprivationPositions(areas, "differentialTargets") : null;
  const shapeInput: ShapeInput = {
    codes: areas.map((area) => area.code),
    baselines,
    weights,
    meanBaseline,
    countyTarget: input.county.target,
    narrowBy: input.narrowBy,
    positions,
  };
  const { targets, lifted } = solveTargets(input, shapeInput, sign);
  const weightedMeanOfTargets = weightedMean(targets, weights);
  assertConsistent(weightedMeanOfTargets, input.county.target, valueScale(input, baselines));
  const rows = buildAreaRows(areas, targets, lifted, {
    meanBaseline,
    countyTarget: input.county.target,
    years,
  });
  return {
    areas: rows,
    check: summariseTargetCheck(input, rows, positions, { meanBaseline, weightedMeanOfTargets }),
    method: input.method,
    parameters: {
      polarity: input.polarity,
      narrowBy: input.narrowBy,
      floor: input.floor ?? null,
      years,
      totalWeight: weights.reduce((sum, w) => sum + w, 0),
    },
  };
}

/** The largest magnitude among the figures, for relative tolerances. */
function valueScale(input: DifferentialTargetsInput, baselines: readonly number[]): number {
  return Math.max(Math.abs(input.county.target), ...baselines.map(Math.abs), Math.abs(input.floor ?? 0));
}

/** Shape targets, then the minimum standard, checking the no-worsening constraint after each step. */
function solveTargets(input: DifferentialTargetsInput, shape: ShapeInput, sign: 1 | -1) {
  const { codes, baselines, weights, meanBaseline, countyTarget } = shape;
  const tolerance = 1e-10 * valueScale(input, baselines);
  assertCountyImproves(sign, meanBaseline, countyTarget, tolerance);
  const shapeTargets = shapes[input.method](shape);
  const context = { codes, baselines, sign, tolerance };
  assertShapeKeepsEveryAreaNoWorse({
    ...context,
    targets: shapeTargets,
    narrowBy: input.narrowBy,
    countyImprovement: sign * (countyTarget - meanBaseline),
    method: input.method,
  });
  if (input.floor === undefined) return { targets: shapeTargets, lifted: codes.map(() => false) };
  const floor = input.floor;
  const floored = applyMinimumStandard({ codes, shapeTargets, weights, countyTarget, floor, sign });
  assertFloorKeepsEveryAreaNoWorse({ ...context, ...floored, floor });
  return floored;
}
