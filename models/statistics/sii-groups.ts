/**
 * The groups of a slope index of inequality: checks that each can be used, and the scale each value is
 * simulated on (log for rates, logit for proportions, natural otherwise) with its standard error there,
 * as PHEindicatormethods `phe_sii` does.
 */
import { ModelInputError } from "../errors.ts";
import { isPresent } from "./checks.ts";
import { criticalZ } from "./critical-values.ts";
import type { SimulationScale } from "./sii-simulation.ts";
import type { IndicatorValueType } from "./types.ts";

/** One deprivation quantile: its population and indicator value with optional 95% limits. */
export interface InequalityGroup {
  population: number;
  value: number | null;
  lower?: number | null;
  upper?: number | null;
  /** Standard error on the simulation scale (log for rates, logit for proportions); overrides the limits. */
  standardError?: number | null;
}

/** The scale a value type is simulated on. */
export function simulationScale(valueType: IndicatorValueType): SimulationScale {
  if (valueType === "rate") return "log";
  if (valueType === "proportion") return "logit";
  return "natural";
}

/** The function that puts a value on the simulation scale. */
export function toSimulationScale(scale: SimulationScale): (x: number) => number {
  if (scale === "log") return Math.log;
  if (scale === "logit") return (x) => Math.log(x / (1 - x));
  return (x) => x;
}

/** Why the SII cannot be computed from these groups (null when it can); throws for impossible input. */
export function findUnusableGroup(groups: readonly InequalityGroup[], scale: SimulationScale): string | null {
  if (groups.length < 2) return `needs at least 2 groups (got ${groups.length})`;
  for (const [i, group] of groups.entries()) {
    const label = `slopeIndexOfInequality: group ${i + 1}`;
    if (!(Number.isFinite(group.population) && group.population >= 0)) {
      throw new ModelInputError(`${label} has population ${group.population}; it must be >= 0`);
    }
    if (group.population === 0) return `group ${i + 1} has no population`;
    if (!isPresent(group.value)) return `group ${i + 1} has no value`;
    if (scale === "logit" && !(group.value >= 0 && group.value <= 1)) {
      throw new ModelInputError(
        `${label} has value ${group.value}, outside 0..1`,
        "pass proportions as fractions (0.25, not 25) and use multiplier: 100 for percentage points",
      );
    }
    if (scale === "log" && group.value < 0) {
      throw new ModelInputError(`${label} has a negative rate ${group.value}`);
    }
  }
  return null;
}

/** Each group's standard error on the simulation scale, or why there is none. */
export function standardErrorsOnScale(
  groups: readonly InequalityGroup[],
  scale: SimulationScale,
): number[] | string {
  const toScale = toSimulationScale(scale);
  const z95 = criticalZ(0.95);
  const errors: number[] = [];
  for (const [i, group] of groups.entries()) {
    const centre = toScale(group.value!);
    if (!Number.isFinite(centre))
      return `group ${i + 1}: value ${group.value} cannot be put on the ${scale} scale`;
    if (isPresent(group.standardError) && group.standardError >= 0) {
      errors.push(group.standardError);
      continue;
    }
    if (!isPresent(group.lower) || !isPresent(group.upper)) return `group ${i + 1} has no confidence limits`;
    const error = (toScale(group.upper) - toScale(group.lower)) / (2 * z95);
    if (!(Number.isFinite(error) && error >= 0)) {
      return `group ${i + 1}: limits ${group.lower}–${group.upper} cannot be put on the ${scale} scale`;
    }
    errors.push(error);
  }
  return errors;
}
