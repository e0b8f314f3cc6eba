/**
 * The constraint checks of METHODS.md §6. Each throws a `ModelInputError` that names the constraint that
 * fails and by how much, so a target-setting group can see what to change — the model never returns
 * targets that silently break consistency, gap narrowing or the no-worsening floor.
 */
import { ModelInputError } from "../errors.ts";
import { formatFigure } from "./polarity-direction.ts";

const caller = "differentialTargets";

export interface WorseningContext {
  codes: readonly string[];
  baselines: readonly number[];
  targets: readonly number[];
  sign: 1 | -1;
  tolerance: number;
}

/**
 * Checks that the county target is no worse than the areas' weighted-mean baseline B̄: otherwise the
 * weighted mean of the areas' changes is a worsening and some area must get worse.
 *
 * @throws {ModelInputError} naming 'no area worse than its baseline' and the county's shortfall.
 * @example assertCountyImproves(1, 50, 49, 1e-9) // throws: … county target 49 is worse … by 1
 */
export function assertCountyImproves(
  sign: 1 | -1,
  meanBaseline: number,
  countyTarget: number,
  tolerance: number,
): void {
  if (sign * (countyTarget - meanBaseline) >= -tolerance) return;
  throw new ModelInputError(
    `${caller}: constraint 'no area worse than its baseline' conflicts with 'consistency': the county ` +
      `target ${formatFigure(countyTarget)} is worse than the areas' weighted-mean baseline ` +
      `${formatFigure(meanBaseline)} by ${formatFigure(Math.abs(countyTarget - meanBaseline))}, so some area must get worse`,
    "Check the polarity and the county target; the target must be no worse than the baseline.",
  );
}

/** Signed improvement of each target on its baseline (negative = worse). */
function improvementMargins(context: WorseningContext): number[] {
  return context.targets.map((target, i) => context.sign * (target - context.baselines[i]!));
}

function worstArea(context: WorseningContext) {
  const margins = improvementMargins(context);
  let worst = 0;
  margins.forEach((margin, i) => {
    if (margin < margins[worst]!) worst = i;
  });
  const worsening = margins.filter((margin) => margin < -context.tolerance).length;
  return { index: worst, margin: margins[worst]!, worsening, margins };
}

/**
 * Checks that the gap-narrowing targets leave no area worse than its baseline. Because every shape's
 * targets are linear in p and give each area the county's change when p = 0, the largest feasible
 * narrowing fraction is p* = min over worsening areas of p·m₀/(m₀ − mᵢ) (m = improvement margin); it is
 * quoted in the hint.
 *
 * @throws {ModelInputError} naming 'no area worse than its baseline', the worst area and its shortfall.
 * @example assertShapeKeepsEveryAreaNoWorse({ …, narrowBy: 0.5, countyImprovement: 1 }) // throws when an area worsens
 */
export function assertShapeKeepsEveryAreaNoWorse(
  context: WorseningContext & { narrowBy: number; countyImprovement: number; method: string },
): void {
  const { index, margin, worsening, margins } = worstArea(context);
  if (margin >= -context.tolerance) return;
  const m0 = context.countyImprovement;
  const largestNarrowBy = Math.min(
    ...margins.filter((m) => m < 0).map((m) => (context.narrowBy * m0) / (m0 - m)),
  );
  throw new ModelInputError(
    `${caller}: constraint 'no area worse than its baseline' cannot hold with '${context.method}' gap ` +
      `narrowing by ${formatFigure(context.narrowBy)}: ${worsening} area(s) would get worse, most of all ` +
      `${context.codes[index]} (baseline ${formatFigure(context.baselines[index]!)} → target ` +
      `${formatFigure(context.targets[index]!)}, worse by ${formatFigure(-margin)}); the county target ` +
      `improves on the weighted-mean baseline by only ${formatFigure(m0)}`,
    `The largest narrowBy that keeps every area at or better than its baseline is ${formatFigure(largestNarrowBy)}; ` +
      "or set a more ambitious county target.",
  );
}

/**
 * Checks that the areas that absorbed the minimum-standard lifts are still no worse than their baselines.
 *
 * @throws {ModelInputError} naming 'minimum standard' and 'no area worse than its baseline' with the
 *   amount each absorbing area must give up, the most the worst can give up, and the shortfall.
 * @example assertFloorKeepsEveryAreaNoWorse({ …, floor: 10, absorbedPerArea: 3 }) // throws when an area worsens
 */
export function assertFloorKeepsEveryAreaNoWorse(
  context: WorseningContext & { floor: number; absorbedPerArea: number; lifted: readonly boolean[] },
): void {
  const { index, margin, worsening } = worstArea(context);
  if (margin >= -context.tolerance) return;
  const liftedCodes = context.codes.filter((_, i) => context.lifted[i]);
  const canGiveUp = context.absorbedPerArea + margin;
  throw new ModelInputError(
    `${caller}: constraint 'minimum standard' (F = ${formatFigure(context.floor)}) cannot hold with ` +
      `'no area worse than its baseline' and 'consistency': lifting ${liftedCodes.length} area(s) ` +
      `(${liftedCodes.join(", ")}) to F means every other area gives up ${formatFigure(context.absorbedPerArea)} ` +
      `from its gap-narrowing target, but ${context.codes[index]} can give up at most ${formatFigure(canGiveUp)} ` +
      `without getting worse (shortfall ${formatFigure(-margin)}; ${worsening} area(s) would get worse)`,
    "Lower the minimum standard, narrow the gap less, or set a more ambitious county target.",
  );
}

/**
 * Checks consistency: the weighted mean of the targets equals the county target to 1e-9 relative.
 *
 * @throws {ModelInputError} naming 'consistency' and the difference (only reachable with extreme values).
 * @example assertConsistent(20.000000000001, 20, 100) // passes
 */
export function assertConsistent(weightedMeanOfTargets: number, countyTarget: number, scale: number): void {
  const difference = weightedMeanOfTargets - countyTarget;
  if (Math.abs(difference) <= 1e-9 * Math.max(Math.abs(countyTarget), scale)) return;
  throw new ModelInputError(
    `${caller}: constraint 'consistency' failed: the weighted mean of the targets ` +
      `${formatFigure(weightedMeanOfTargets)} differs from the county target ${formatFigure(countyTarget)} ` +
      `by ${formatFigure(difference)}`,
    "This happens only with values so large or small that floating-point arithmetic loses them.",
  );
}
