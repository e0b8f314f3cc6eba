import { poissonCountInterval } from "./byar-interval.ts";
import { rateWithInterval } from "./rate-with-interval.ts";
import type { IndicatorValueType } from "./types.ts";
import { wilsonInterval } from "./wilson-interval.ts";

/** An indicator value with the 95% and 99.8% limits the benchmarking needs. */
export interface IndicatorIntervals {
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  /** The interval method: "wilson", "byar", "exact", or null when none applies. */
  method: "wilson" | "byar" | "exact" | null;
  reason?: string;
}

export interface IndicatorIntervalOptions {
  valueType: IndicatorValueType;
  /** Scale of the value: 100 for a percentage, 100,000 for a rate per 100,000; default 1. */
  multiplier?: number;
}

const EMPTY = { value: null, lower95: null, upper95: null, lower998: null, upper998: null } as const;

/**
 * An indicator's value with its 95% and 99.8% confidence limits, by value type.
 *
 * The two levels are those of the national profiles' benchmarking (METHODS.md §2): proportions get
 * Wilson score limits, rates Byar's/exact Poisson limits of the count, counts the Poisson limits of the
 * count itself. Other value types (means, scores, ratios) cannot be given limits from a numerator and
 * denominator alone: the value is returned with null limits and a reason.
 * Method: METHODS.md §1–2.
 *
 * @throws {ModelInputError} as `wilsonInterval` / `rateWithInterval` (negative counts, count > denominator
 *   for a proportion).
 * @example
 * indicatorIntervals(65, 100, { valueType: "proportion", multiplier: 100 })
 * // → { value: 65, lower95: 55.2544, upper95: 73.6358, lower998: 49.5495, upper998: 77.8354, method: "wilson" }
 */
export function indicatorIntervals(
  count: number,
  denominator: number,
  { valueType, multiplier = 1 }: IndicatorIntervalOptions,
): IndicatorIntervals {
  if (valueType === "proportion") {
    const at95 = wilsonInterval(count, denominator, { multiplier });
    const at998 = wilsonInterval(count, denominator, { multiplier, confidence: 0.998 });
    return combine(at95, at998, "wilson");
  }
  if (valueType === "rate") {
    const at95 = rateWithInterval(count, denominator, { multiplier });
    const at998 = rateWithInterval(count, denominator, { multiplier, confidence: 0.998 });
    return combine(at95, at998, at95.method);
  }
  if (valueType === "count") {
    const at95 = poissonCountInterval(count);
    const at998 = poissonCountInterval(count, { confidence: 0.998 });
    return combine({ value: count, ...at95 }, { value: count, ...at998 }, at95.method);
  }
  const reason = `no interval from counts for value type "${valueType}"`;
  const value = denominator > 0 ? (count / denominator) * multiplier : null;
  return { ...EMPTY, value, method: null, reason: value === null ? "denominator is 0" : reason };
}

interface Limits {
  value: number | null;
  lower: number | null;
  upper: number | null;
  reason?: string;
}

function combine(at95: Limits, at998: Limits, method: IndicatorIntervals["method"]): IndicatorIntervals {
  if (at95.value === null) return { ...EMPTY, method: null, reason: at95.reason ?? "no value" };
  return {
    value: at95.value,
    lower95: at95.lower,
    upper95: at95.upper,
    lower998: at998.lower,
    upper998: at998.upper,
    method,
  };
}
