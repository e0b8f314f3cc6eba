/**
 * Small helpers shared by the target and forecast models: which way is "better" for an indicator, and
 * how figures are quoted in error messages (six significant figures, so a shortfall is readable).
 */
import { ModelInputError } from "../errors.ts";
import type { TargetPolarity } from "./target-types.ts";

/**
 * The improvement sign of a polarity: +1 when a higher value is better, −1 when lower is better, so that
 * `sign × (new − old)` is positive for an improvement whatever the polarity.
 *
 * @throws {ModelInputError} when the polarity is neither 'high-is-good' nor 'low-is-good'.
 * @example improvementSign("low-is-good") // → -1
 */
export function improvementSign(polarity: TargetPolarity, caller: string): 1 | -1 {
  if (polarity === "high-is-good") return 1;
  if (polarity === "low-is-good") return -1;
  throw new ModelInputError(
    `${caller}: polarity must be 'high-is-good' or 'low-is-good' (got ${JSON.stringify(polarity)})`,
  );
}

/** A figure for a message: six significant figures, no trailing zeros (e.g. 0.1 + 0.2 → "0.3"). */
export function formatFigure(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}

/** Σwᵢvᵢ / Σwᵢ over parallel arrays (the caller guarantees positive weights). */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sumWeighted = 0;
  let sumWeights = 0;
  for (let i = 0; i < values.length; i++) {
    sumWeighted += weights[i]! * values[i]!;
    sumWeights += weights[i]!;
  }
  return sumWeighted / sumWeights;
}
