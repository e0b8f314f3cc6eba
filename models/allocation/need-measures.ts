/**
 * Need-weighted targets (METHODS.md §8): Tᵢ = Pot × (popᵢ × needᵢ × costᵢ) / Σ(pop × need × cost).
 *
 * Blending several measures: each measure is first turned into recipients' shares of that measure's
 * total need (popᵢ × rateᵢ for per-head measures, the count itself for counts), then the shares are
 * blended with the normalised weights, then multiplied by cost and renormalised. So with costs all 1,
 * a measure with weight 0.3 steers exactly 30% of the pot — weights read as "how much of the money
 * follows this measure", whatever the units of the measures.
 */
import { ModelInputError } from "../errors.ts";
import type { NeedMeasure, Recipient } from "./types.ts";

/** Recipients' shares of each measure, the normalised measure weights, and the cost factors. */
export interface NeedShares {
  /** One array per measure, in recipient (code) order, each summing to 1. */
  measureShares: Float64Array[];
  /** Measure weights normalised to sum to 1. */
  measureWeights: Float64Array;
  /** Cost factor per recipient (1 when absent). */
  costs: Float64Array;
}

const BUILT_IN_COUNTS = new Set(["population", "deprivedPopulation"]);

/** A measure's need per recipient as a count for the whole area. */
function needCount(functionName: string, recipient: Recipient, measure: NeedMeasure): number {
  const { measure: name, basis } = measure;
  if (BUILT_IN_COUNTS.has(name)) {
    if (basis === "per-head") {
      throw new ModelInputError(
        `${functionName}: need measure "${name}" is a count; it cannot have basis "per-head"`,
      );
    }
    const value = name === "population" ? recipient.population : recipient.deprivedPopulation;
    if (value === undefined) {
      throw new ModelInputError(
        `${functionName}: recipient "${recipient.code}" has no ${name} (needed by the rule)`,
      );
    }
    return value;
  }
  const value = recipient.need?.[name];
  if (value === undefined || !Number.isFinite(value) || value < 0) {
    throw new ModelInputError(
      `${functionName}: recipient "${recipient.code}" needs a need value "${name}" ≥ 0 (got ${value})`,
      `need measures come from each recipient's "need" object, or the built-ins "population" and "deprivedPopulation"`,
    );
  }
  return basis === "count" ? value : value * recipient.population;
}

function measureShareArray(functionName: string, recipients: readonly Recipient[], measure: NeedMeasure) {
  const shares = new Float64Array(recipients.length);
  let total = 0;
  recipients.forEach((recipient, i) => {
    shares[i] = needCount(functionName, recipient, measure);
    total += shares[i]!;
  });
  if (!(total > 0)) {
    throw new ModelInputError(`${functionName}: need measure "${measure.measure}" is 0 for every recipient`);
  }
  for (let i = 0; i < shares.length; i++) shares[i] = shares[i]! / total;
  return shares;
}

/**
 * Need shares for a blend of measures: the first step of every need-weighted target.
 *
 * @throws {ModelInputError} for no measures, a negative or non-finite weight, weights summing to 0, a
 *   missing or negative need value, or a measure that is 0 everywhere.
 * @example needSharesFor("allocate", [{ code: "A", name: "a", population: 100, deprivedPopulation: 30 }, { code: "B", name: "b", population: 100, deprivedPopulation: 10 }], [{ measure: "deprivedPopulation" }]).measureShares[0] // Float64Array [0.75, 0.25]
 */
export function needSharesFor(
  functionName: string,
  recipients: readonly Recipient[],
  measures: readonly NeedMeasure[],
): NeedShares {
  if (!Array.isArray(measures) || measures.length === 0) {
    throw new ModelInputError(`${functionName}: a need-weighted rule needs at least one need measure`);
  }
  const measureWeights = new Float64Array(measures.length);
  let weightTotal = 0;
  measures.forEach((measure, k) => {
    const weight = measure.weight ?? 1;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new ModelInputError(
        `${functionName}: need measure "${measure.measure}" has weight ${weight}; use ≥ 0`,
      );
    }
    measureWeights[k] = weight;
    weightTotal += weight;
  });
  if (!(weightTotal > 0)) throw new ModelInputError(`${functionName}: the need measure weights sum to 0`);
  for (let k = 0; k < measureWeights.length; k++) measureWeights[k] = measureWeights[k]! / weightTotal;
  const measureShares = measures.map((measure) => measureShareArray(functionName, recipients, measure));
  const costs = Float64Array.from(recipients, (recipient) => recipient.cost ?? 1);
  return { measureShares, measureWeights, costs };
}

/**
 * Blends measure shares with the given weights and applies cost: outᵢ = costᵢ × Σₖ weightₖ × shareₖᵢ.
 * Allocation-free (writes into `out`) so the sensitivity loop can call it per draw. Returns Σ outᵢ.
 */
export function blendNeedWeights(shares: NeedShares, weights: Float64Array, out: Float64Array): number {
  const { measureShares, costs } = shares;
  let total = 0;
  for (let i = 0; i < out.length; i++) {
    let blended = 0;
    for (let k = 0; k < measureShares.length; k++) blended += weights[k]! * measureShares[k]![i]!;
    out[i] = blended * costs[i]!;
    total += out[i]!;
  }
  return total;
}

/**
 * Need-weighted target amounts Tᵢ = Pot × (popᵢ × needᵢ × costᵢ)/Σ(pop × need × cost), in pence (not
 * rounded), in recipient (code) order.
 *
 * @throws {ModelInputError} as for `needSharesFor`.
 * @example needWeightedTargets("allocate", [{ code: "A", name: "a", population: 100, deprivedPopulation: 30 }, { code: "B", name: "b", population: 100, deprivedPopulation: 10 }], [{ measure: "deprivedPopulation" }], 10000) // Float64Array [7500, 2500]
 */
export function needWeightedTargets(
  functionName: string,
  recipients: readonly Recipient[],
  measures: readonly NeedMeasure[],
  potPence: number,
): Float64Array {
  const shares = needSharesFor(functionName, recipients, measures);
  const targets = new Float64Array(recipients.length);
  const total = blendNeedWeights(shares, shares.measureWeights, targets);
  for (let i = 0; i < targets.length; i++) targets[i] = (potPence * targets[i]!) / total;
  return targets;
}
