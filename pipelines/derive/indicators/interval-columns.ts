/**
 * 95% and 99.8% confidence intervals for many aggregates at once: arrays in, arrays out, one call of the
 * `indicatorIntervals` model per row (Wilson for proportions, Byar's/exact Poisson for rates and counts,
 * METHODS.md §1). A row the model rejects (e.g. a numerator above its denominator, which rounded source
 * numerators can produce for a tiny LSOA) gets null limits and a note naming the row instead of stopping the
 * build; the caller reports how many.
 */
import { ModelInputError } from "../../../models/errors.ts";
import { type IndicatorValueType, indicatorIntervals } from "../../../models/statistics/index.ts";

export interface IntervalInput {
  numerator: ArrayLike<number | null>;
  denominator: ArrayLike<number | null>;
  valueType: ArrayLike<IndicatorValueType>;
  multiplier: ArrayLike<number>;
  /** Names row i in notes, e.g. "iod2019-idaci-rate E01031005 2019". */
  label: (row: number) => string;
}

export interface IntervalColumns {
  value: Float64Array;
  lower95: Float64Array;
  upper95: Float64Array;
  lower998: Float64Array;
  upper998: Float64Array;
  method: (string | null)[];
  note: (string | null)[];
  /** Rows the model rejected as invalid input. */
  invalidRows: number;
}

/** Computes value and limits per row; NaN marks a missing number (written as NULL). */
export function intervalColumns(input: IntervalInput): IntervalColumns {
  const n = input.numerator.length;
  const out: IntervalColumns = {
    value: new Float64Array(n).fill(Number.NaN),
    lower95: new Float64Array(n).fill(Number.NaN),
    upper95: new Float64Array(n).fill(Number.NaN),
    lower998: new Float64Array(n).fill(Number.NaN),
    upper998: new Float64Array(n).fill(Number.NaN),
    method: new Array<string | null>(n).fill(null),
    note: new Array<string | null>(n).fill(null),
    invalidRows: 0,
  };
  for (let i = 0; i < n; i++) {
    const count = input.numerator[i];
    const denominator = input.denominator[i];
    if (count === null || count === undefined || denominator === null || denominator === undefined) {
      out.note[i] = "no numerator or denominator";
      continue;
    }
    try {
      const result = indicatorIntervals(count, denominator, {
        valueType: input.valueType[i]!,
        multiplier: input.multiplier[i]!,
      });
      out.value[i] = result.value ?? Number.NaN;
      out.lower95[i] = result.lower95 ?? Number.NaN;
      out.upper95[i] = result.upper95 ?? Number.NaN;
      out.lower998[i] = result.lower998 ?? Number.NaN;
      out.upper998[i] = result.upper998 ?? Number.NaN;
      out.method[i] = result.method;
      out.note[i] = result.reason ?? null;
    } catch (error) {
      if (!(error instanceof ModelInputError)) throw error;
      out.note[i] = `${input.label(i)}: ${error.message} (value left empty)`;
      out.invalidRows++;
    }
  }
  return out;
}
