/**
 * Random multiplicative factors for uncertain need weights, used by `allocationSensitivity`.
 *
 * - uniform ±x: factor = 1 + x·(2u − 1), u uniform on [0, 1) — every value in [1 − x, 1 + x] equally likely;
 * - lognormal ±x: factor = exp(σ·z), z standard normal, σ = ln(1 + x)/1.959964 — 95% of factors lie in
 *   [1/(1 + x), 1 + x], symmetric on the log scale so the median factor is 1.
 */
import { ModelInputError } from "../errors.ts";
import type { SeededRandom } from "../random.ts";

export interface WeightUncertainty {
  /** Shape of the factor each weight is multiplied by (default "uniform"). */
  distribution?: "uniform" | "lognormal";
  /** The ± fraction x (default 0.2 = ±20%); below 1 for "uniform" so weights stay positive. */
  spread?: number;
  /**
   * What is uncertain (default "recipients"): each recipient's need weight pop × need × cost, or each
   * measure's weight in the blend ("measures", which leaves a single-measure rule unchanged).
   */
  applyTo?: "recipients" | "measures";
}

export type ResolvedWeightUncertainty = Required<WeightUncertainty>;

/** 97.5th percentile of the standard normal: the lognormal's 95% range is [1/(1 + x), 1 + x]. */
const Z_95 = 1.959964;

/**
 * Fills in the defaults and checks the settings.
 *
 * @throws {ModelInputError} for an unknown distribution or target, or a spread out of range.
 * @example resolveWeightUncertainty("allocationSensitivity", { spread: 0.1 }) // { distribution: "uniform", spread: 0.1, applyTo: "recipients" }
 */
export function resolveWeightUncertainty(
  functionName: string,
  uncertainty: WeightUncertainty | undefined,
): ResolvedWeightUncertainty {
  const { distribution = "uniform", spread = 0.2, applyTo = "recipients" } = uncertainty ?? {};
  if (distribution !== "uniform" && distribution !== "lognormal") {
    throw new ModelInputError(
      `${functionName}: unknown weight distribution "${distribution}" (use uniform or lognormal)`,
    );
  }
  if (applyTo !== "recipients" && applyTo !== "measures") {
    throw new ModelInputError(
      `${functionName}: applyTo must be "recipients" or "measures" (got "${applyTo}")`,
    );
  }
  const upper = distribution === "uniform" ? 1 : Number.POSITIVE_INFINITY;
  if (!(Number.isFinite(spread) && spread >= 0 && spread < upper)) {
    throw new ModelInputError(
      `${functionName}: spread must be ≥ 0${distribution === "uniform" ? " and < 1" : ""} for ${distribution} (got ${spread})`,
    );
  }
  return { distribution, spread, applyTo };
}

/**
 * A function returning one random weight factor per call, drawn from the seeded generator.
 *
 * @example weightFactorSampler({ distribution: "uniform", spread: 0, applyTo: "recipients" }, seededRandom(1))() // 1
 */
export function weightFactorSampler(
  uncertainty: ResolvedWeightUncertainty,
  random: SeededRandom,
): () => number {
  const { distribution, spread } = uncertainty;
  if (distribution === "uniform") return () => 1 + spread * (2 * random.uniform() - 1);
  const sigma = Math.log(1 + spread) / Z_95;
  return () => Math.exp(sigma * random.normal());
}
