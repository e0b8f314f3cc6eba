/**
 * Boundary validation for differential targets: checks every argument once and returns the areas sorted
 * by code (so results never depend on input order) with the number of years resolved.
 */
import { ModelInputError } from "../errors.ts";
import { improvementSign } from "./polarity-direction.ts";
import type { DifferentialTargetsInput, TargetAreaInput } from "./target-types.ts";

const caller = "differentialTargets";
const methods = ["gap-to-county", "quintile-gap", "graded"];

export interface ValidatedTargetInput {
  sign: 1 | -1;
  areas: TargetAreaInput[];
  years: number | null;
}

/**
 * Validates the input of `differentialTargets`.
 *
 * @throws {ModelInputError} naming the bad value: unknown polarity or method, non-finite county values,
 *   no areas, duplicate codes, non-positive weights, narrowBy outside [0, 1], a non-finite floor, missing
 *   deprivation ranks for rank-based methods, or years that are not positive or disagree with the periods.
 * @example validateTargetInput({ polarity: "high-is-good", county: { baseline: 1, target: 2 },
 *   areas: [{ code: "B", baseline: 1, weight: 1 }, { code: "A", baseline: 1, weight: 1 }],
 *   method: "gap-to-county", narrowBy: 0.1, years: 5 }).areas.map((a) => a.code) // → ["A", "B"]
 */
export function validateTargetInput(input: DifferentialTargetsInput): ValidatedTargetInput {
  const sign = improvementSign(input.polarity, caller);
  if (!methods.includes(input.method)) {
    throw new ModelInputError(
      `${caller}: method must be one of ${methods.join(", ")} (got ${JSON.stringify(input.method)})`,
    );
  }
  const { baseline, target } = input.county ?? {};
  if (!Number.isFinite(baseline) || !Number.isFinite(target)) {
    throw new ModelInputError(
      `${caller}: county baseline and target must be finite numbers (got ${baseline}, ${target})`,
    );
  }
  if (!(input.narrowBy >= 0 && input.narrowBy <= 1)) {
    throw new ModelInputError(`${caller}: narrowBy must be between 0 and 1 (got ${input.narrowBy})`);
  }
  if (input.floor !== undefined && !Number.isFinite(input.floor)) {
    throw new ModelInputError(`${caller}: floor must be a finite number when given (got ${input.floor})`);
  }
  const areas = validateAreas(input.areas, input.method !== "gap-to-county");
  return { sign, areas, years: resolveYears(input) };
}

function validateAreas(areas: readonly TargetAreaInput[], needsRanks: boolean): TargetAreaInput[] {
  if (!Array.isArray(areas) || areas.length === 0) {
    throw new ModelInputError(`${caller}: needs at least one area (got ${areas?.length ?? areas})`);
  }
  const seen = new Set<string>();
  for (const area of areas) {
    if (seen.has(area.code)) throw new ModelInputError(`${caller}: area code ${area.code} appears twice`);
    seen.add(area.code);
    if (!Number.isFinite(area.baseline)) {
      throw new ModelInputError(`${caller}: area ${area.code} has a non-finite baseline (${area.baseline})`);
    }
    if (!(area.weight > 0) || !Number.isFinite(area.weight)) {
      throw new ModelInputError(
        `${caller}: area ${area.code} needs a positive finite weight (got ${area.weight})`,
        "Weights are denominators or populations; drop areas with no population.",
      );
    }
    if (needsRanks && !Number.isFinite(area.deprivationRank)) {
      throw new ModelInputError(
        `${caller}: area ${area.code} needs a deprivationRank for this method (got ${area.deprivationRank})`,
      );
    }
  }
  return [...areas].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function resolveYears(input: DifferentialTargetsInput): number | null {
  const { baselinePeriod, targetPeriod } = input.county;
  const fromPeriods =
    baselinePeriod !== undefined && targetPeriod !== undefined ? targetPeriod - baselinePeriod : null;
  const years = input.years ?? fromPeriods;
  if (years === null) return null;
  if (!(years > 0) || !Number.isFinite(years)) {
    throw new ModelInputError(
      `${caller}: the target must come after the baseline (years = ${years}; periods ${baselinePeriod} → ${targetPeriod})`,
    );
  }
  if (input.years !== undefined && fromPeriods !== null && Math.abs(input.years - fromPeriods) > 1e-9) {
    throw new ModelInputError(
      `${caller}: years (${input.years}) disagrees with the county periods ${baselinePeriod} → ${targetPeriod} (${fromPeriods})`,
    );
  }
  return years;
}
