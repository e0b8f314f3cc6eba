/**
 * Wilson score 95% intervals (METHODS.md §1) for many aggregates at once: typed arrays in, typed arrays out,
 * one call of the `wilsonInterval` model per row. A row the model rejects (a numerator above its
 * denominator, a negative count) gets NaN (NULL) and is counted, instead of stopping a national build.
 */
import { ModelInputError } from "../../../models/errors.ts";
import { wilsonInterval } from "../../../models/statistics/index.ts";

export interface WilsonColumns {
  value: Float64Array;
  lower95: Float64Array;
  upper95: Float64Array;
  /** Rows the model rejected as invalid. */
  invalidRows: number;
}

/** Value = numerator/denominator × multiplier with its 95% Wilson limits; NaN where there is none. */
export function wilsonColumns(
  numerator: ArrayLike<number>,
  denominator: ArrayLike<number>,
  multiplier: ArrayLike<number>,
): WilsonColumns {
  const n = numerator.length;
  const out: WilsonColumns = {
    value: new Float64Array(n).fill(Number.NaN),
    lower95: new Float64Array(n).fill(Number.NaN),
    upper95: new Float64Array(n).fill(Number.NaN),
    invalidRows: 0,
  };
  for (let i = 0; i < n; i++) {
    const count = numerator[i]!;
    const total = denominator[i]!;
    if (Number.isNaN(count) || Number.isNaN(total)) continue;
    try {
      const interval = wilsonInterval(count, total, { multiplier: multiplier[i]! });
      out.value[i] = interval.value ?? Number.NaN;
      out.lower95[i] = interval.lower ?? Number.NaN;
      out.upper95[i] = interval.upper ?? Number.NaN;
    } catch (error) {
      if (!(error instanceof ModelInputError)) throw error;
      out.invalidRows++;
    }
  }
  return out;
}
