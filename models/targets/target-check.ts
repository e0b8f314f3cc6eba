/**
 * The per-area rows and the check block of differential targets: what a reader needs to verify that
 * the targets add up to the county target and narrow the gap as intended.
 */
import type { DeprivationPosition } from "./deprivation-position.ts";
import { weightedMean } from "./polarity-direction.ts";
import type {
  AreaTarget,
  DifferentialTargetsCheck,
  DifferentialTargetsInput,
  TargetAreaInput,
} from "./target-types.ts";

/**
 * One row per area: target, required change (target − baseline), required annual change (÷ years, or
 * null when the years are unknown) and the gap to the county at baseline (bᵢ − B̄) and target (τᵢ − T).
 *
 * @example buildAreaRows([{ code: "A", baseline: 10, weight: 1 }], [14], [false],
 *   { meanBaseline: 15, countyTarget: 18, years: 4 })[0] // → { target: 14, requiredChange: 4, requiredAnnualChange: 1, gapBaseline: -5, gapTarget: -4, … }
 */
export function buildAreaRows(
  areas: readonly TargetAreaInput[],
  targets: readonly number[],
  lifted: readonly boolean[],
  context: { meanBaseline: number; countyTarget: number; years: number | null },
): AreaTarget[] {
  return areas.map((area, i) => {
    const requiredChange = targets[i]! - area.baseline;
    return {
      code: area.code,
      baseline: area.baseline,
      weight: area.weight,
      target: targets[i]!,
      requiredChange,
      requiredAnnualChange: context.years === null ? null : requiredChange / context.years,
      gapBaseline: area.baseline - context.meanBaseline,
      gapTarget: targets[i]! - context.countyTarget,
      liftedToFloor: lifted[i]!,
    };
  });
}

/**
 * The check block: consistency figures and one headline gap at baseline and at target — the weighted
 * mean absolute gap to the county for 'gap-to-county', the most deprived quintile minus the rest for
 * 'quintile-gap' and 'graded' — with the fraction by which it narrowed.
 *
 * @example summariseTargetCheck(…the differentialTargets example…) // → { baselineGap: 5, targetGap: 4, narrowedBy: 0.2, … }
 */
export function summariseTargetCheck(
  input: DifferentialTargetsInput,
  rows: readonly AreaTarget[],
  positions: ReadonlyMap<string, DeprivationPosition> | null,
  means: { meanBaseline: number; weightedMeanOfTargets: number },
): DifferentialTargetsCheck {
  const weights = rows.map((row) => row.weight);
  const inQuintile = rows.map((row) => positions?.get(row.code)?.inMostDeprivedQuintile === true);
  const byQuintile = input.method !== "gap-to-county";
  const groupMean = (values: readonly number[], wanted: boolean) => {
    const indices = inQuintile.flatMap((flag, i) => (flag === wanted ? [i] : []));
    return weightedMean(
      indices.map((i) => values[i]!),
      indices.map((i) => weights[i]!),
    );
  };
  const headlineGap = (values: readonly number[]) =>
    byQuintile
      ? groupMean(values, true) - groupMean(values, false)
      : weightedMean(values.map(Math.abs), weights);
  const baselineGap = headlineGap(rows.map((row) => row.gapBaseline));
  const targetGap = headlineGap(rows.map((row) => row.gapTarget));
  return {
    weightedMeanOfTargets: means.weightedMeanOfTargets,
    countyTarget: input.county.target,
    countyBaseline: input.county.baseline,
    weightedMeanOfBaselines: means.meanBaseline,
    baselineGap,
    targetGap,
    gapMeasure: byQuintile
      ? "most deprived quintile minus the rest"
      : "weighted mean absolute gap to the county",
    narrowedBy: baselineGap === 0 ? null : 1 - targetGap / baselineGap,
    mostDeprivedQuintile: positions ? rows.filter((_, i) => inQuintile[i]).map((row) => row.code) : null,
    liftedToFloor: rows.filter((row) => row.liftedToFloor).map((row) => row.code),
  };
}
