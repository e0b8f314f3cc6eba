/**
 * Recent trend for every comparison row: the `recentTrend` model on the series' last five periods up to and
 * including the row's period (METHODS.md §3: chi-square test for trend on counts for proportions, weighted
 * least squares on the 95% intervals otherwise; 99.8% significance and the leave-one-out sign check).
 * Periods are passed as numbers (`period_year`) so a missing year is detected. When no point of the series
 * has an interval or counts (Fingertips extracts and the Health Index publish values only) the note says so
 * rather than repeating the model's per-point reason.
 */
import { ModelInputError } from "../../../models/errors.ts";
import { type RecentTrend, recentTrend, type TrendPoint } from "../../../models/statistics/index.ts";
import { asPolarity } from "./benchmark-columns.ts";
import type { ComparisonInputs } from "./comparison-inputs.ts";
import { modelValueType } from "./value-types.ts";

export interface TrendColumns {
  direction: string[];
  label: string[];
  slope: (number | null)[];
  chiSquare: (number | null)[];
  method: (string | null)[];
  note: (string | null)[];
  improving: (boolean | null)[];
}

const VALUES_ONLY =
  "cannot be calculated: the source gives no confidence intervals or counts for this series";

function sameSeries(inputs: ComparisonInputs, a: number, b: number): boolean {
  return (
    inputs.indicator[a] === inputs.indicator[b] &&
    inputs.areaCode[a] === inputs.areaCode[b] &&
    inputs.areaType[a] === inputs.areaType[b] &&
    inputs.sex[a] === inputs.sex[b] &&
    inputs.age[a] === inputs.age[b]
  );
}

function isNumber(value: number | null | undefined): boolean {
  return typeof value === "number" && Number.isFinite(value);
}

/** The model's result, or "cannot be calculated" naming the input it rejected (e.g. count > denominator). */
function safeTrend(points: TrendPoint[], options: Parameters<typeof recentTrend>[1]): RecentTrend {
  try {
    return recentTrend(points, options);
  } catch (error) {
    if (!(error instanceof ModelInputError)) throw error;
    const direction = "cannot be calculated";
    return {
      direction,
      label: direction,
      slope: null,
      chiSquare: null,
      improving: null,
      method: null,
      reason: error.message,
    };
  }
}

export function trendColumns(inputs: ComparisonInputs): TrendColumns {
  const n = inputs.rowCount;
  const out: TrendColumns = {
    direction: new Array(n),
    label: new Array(n),
    slope: new Array(n).fill(null),
    chiSquare: new Array(n).fill(null),
    method: new Array(n).fill(null),
    note: new Array(n).fill(null),
    improving: new Array(n).fill(null),
  };
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && sameSeries(inputs, start, end)) end++;
    const points: TrendPoint[] = [];
    for (let i = start; i < end; i++) {
      points.push({
        value: inputs.value[i],
        lower: inputs.lower95[i],
        upper: inputs.upper95[i],
        count: inputs.numerator[i],
        denominator: inputs.denominator[i],
        period: inputs.periodYear[i],
      });
    }
    const valuesOnly = points.every((p) => !isNumber(p.lower) && !isNumber(p.count));
    const options = {
      valueType: modelValueType(inputs.valueType[start]!),
      polarity: asPolarity(inputs.polarity[start]!),
      multiplier: inputs.multiplier[start]!,
    };
    for (let i = start; i < end; i++) {
      const upTo = points.slice(Math.max(0, i - start - 4), i - start + 1);
      const trend = safeTrend(upTo, options);
      out.direction[i] = trend.direction;
      out.label[i] = trend.label;
      out.slope[i] = trend.slope;
      out.chiSquare[i] = trend.chiSquare;
      out.method[i] = trend.method;
      out.improving[i] = trend.improving;
      out.note[i] = trend.reason
        ? valuesOnly && upTo.length >= 5
          ? VALUES_ONLY
          : `cannot be calculated: ${trend.reason}`
        : null;
    }
    start = end;
  }
  return out;
}
