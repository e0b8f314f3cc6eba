/**
 * The simulation behind the slope index of inequality's confidence interval (PHEindicatormethods
 * `phe_sii`): each group's value is drawn from a normal distribution on its own scale (log for rates, logit
 * for proportions, natural otherwise), transformed back, and the weighted line is refitted.
 *
 * Because the x positions (relative ranks) and weights (population shares) are the same in every draw, the
 * refit is a fixed linear combination of the drawn values: slope = Σcᵢyᵢ with cᵢ = aᵢ(bᵢ − b̄)/Σaⱼ(bⱼ − b̄)²
 * and intercept = Σaᵢyᵢ − slope·b̄. That makes 100,000 draws of 10 groups take a few milliseconds.
 */
import { seededRandom } from "../random.ts";

export type SimulationScale = "log" | "logit" | "natural";

export interface SimulationInput {
  /** Population shares aᵢ (sum 1). */
  shares: readonly number[];
  /** Relative ranks bᵢ. */
  ranks: readonly number[];
  /** Each group's value on the simulation scale, and its standard error on that scale. */
  centres: readonly number[];
  standardErrors: readonly number[];
  scale: SimulationScale;
  simulations: number;
  seed: number;
}

export interface SimulatedLines {
  slopes: Float64Array;
  intercepts: Float64Array;
}

function backTransform(scale: SimulationScale): (x: number) => number {
  if (scale === "log") return Math.exp;
  if (scale === "logit") return (x) => 1 / (1 + Math.exp(-x));
  return (x) => x;
}

/** Draws `simulations` sets of group values and returns the fitted slope and intercept of each. */
export function simulateWeightedLines(input: SimulationInput): SimulatedLines {
  const { shares, ranks, centres, standardErrors, simulations } = input;
  const groups = shares.length;
  let meanRank = 0;
  for (let i = 0; i < groups; i++) meanRank += shares[i]! * ranks[i]!;
  let spread = 0;
  for (let i = 0; i < groups; i++) spread += shares[i]! * (ranks[i]! - meanRank) ** 2;
  const slopeCoefficients = Float64Array.from(shares, (a, i) => (a * (ranks[i]! - meanRank)) / spread);
  const weights = Float64Array.from(shares);
  const means = Float64Array.from(centres);
  const errors = Float64Array.from(standardErrors);
  const back = backTransform(input.scale);
  const random = seededRandom(input.seed);
  const slopes = new Float64Array(simulations);
  const intercepts = new Float64Array(simulations);
  for (let s = 0; s < simulations; s++) {
    let slope = 0;
    let weightedMean = 0;
    for (let i = 0; i < groups; i++) {
      const y = back(means[i]! + errors[i]! * random.normal());
      slope += slopeCoefficients[i]! * y;
      weightedMean += weights[i]! * y;
    }
    slopes[s] = slope;
    intercepts[s] = weightedMean - slope * meanRank;
  }
  return { slopes, intercepts };
}

/**
 * The lower and upper simulated limits for a confidence level, taken as PHEindicatormethods does: sort the
 * draws and take the round(n·α/2)-th and round(n·(1 − α/2))-th smallest.
 */
export function simulatedLimits(draws: Float64Array, confidence: number): { lower: number; upper: number } {
  const sorted = Float64Array.from(draws).sort();
  const n = sorted.length;
  const tail = (1 - confidence) / 2;
  const position = (p: number) => Math.min(n - 1, Math.max(0, Math.round(n * p) - 1));
  return { lower: sorted[position(tail)]!, upper: sorted[position(1 - tail)]! };
}
