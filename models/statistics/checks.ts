/**
 * Input checks shared by the statistics models. Each throws `ModelInputError` with the function name and
 * the offending value, so callers (pipelines) can add the source row.
 */
import { ModelInputError } from "../errors.ts";

/** Throws unless `value` is a finite number ≥ 0. */
export function requireNonNegative(functionName: string, label: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new ModelInputError(`${functionName}: ${label} must be a finite number >= 0 (got ${value})`);
  }
}

/** Throws unless `value` is a finite number. */
export function requireFinite(functionName: string, label: string, value: number): void {
  if (!Number.isFinite(value)) {
    throw new ModelInputError(`${functionName}: ${label} must be a finite number (got ${value})`);
  }
}

/** Throws unless the confidence level is strictly between 0 and 1; returns it. */
export function requireConfidence(functionName: string, confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new ModelInputError(
      `${functionName}: confidence must be strictly between 0 and 1 (got ${confidence})`,
      "write 95% as 0.95 and 99.8% as 0.998",
    );
  }
  return confidence;
}

/** True when `value` is a usable finite number (not null, undefined or NaN). */
export function isPresent(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
