import { ModelInputError } from "../errors.ts";
import { isPresent } from "./checks.ts";
import type { Polarity } from "./types.ts";

/** The outcome of comparing an area with a comparator such as the county or England. */
export type BenchmarkResult =
  | "better"
  | "similar"
  | "worse"
  | "best"
  | "worst"
  | "lower"
  | "higher"
  | "not compared";

/** An area's value with its 95% (and, for five levels, 99.8%) confidence limits. */
export interface BenchmarkArea {
  value: number | null | undefined;
  lower95: number | null | undefined;
  upper95: number | null | undefined;
  lower998?: number | null | undefined;
  upper998?: number | null | undefined;
}

export interface BenchmarkOptions {
  /** 3 levels (better/similar/worse) or 5 (adding best/worst beyond the 99.8% interval); default 3. */
  levels?: 3 | 5;
}

type Side = "above" | "inside" | "below";

function sideOfComparator(lower: number, upper: number, comparator: number): Side {
  if (lower > comparator) return "above";
  if (upper < comparator) return "below";
  return "inside";
}

/**
 * Benchmarks an area against a comparator value by confidence interval overlap, as the national profiles do.
 *
 * The comparator inside the area's 95% interval (limits inclusive) → "similar"; otherwise "better" or "worse"
 * according to the polarity. With five levels the 99.8% interval is checked too: a comparator outside it
 * gives "best"/"worst", outside the 95% interval only gives "better"/"worse" (if the 99.8% limits are
 * missing the 95% result is kept). Indicators with polarity "none" get "lower"/"similar"/"higher" at either
 * level (there is no good or bad direction to grade). A missing value, 95% limit or comparator gives
 * "not compared", never a silent "similar".
 * Method: METHODS.md §2; Fingertips benchmarking by confidence intervals (95% and 99.8%).
 *
 * @throws {ModelInputError} when the polarity or the number of levels is not one of the allowed values.
 * @example
 * benchmark({ value: 12, lower95: 10.5, upper95: 13.6 }, 9.8, "low-is-good") // → "worse"
 */
export function benchmark(
  area: BenchmarkArea,
  comparatorValue: number | null | undefined,
  polarity: Polarity,
  { levels = 3 }: BenchmarkOptions = {},
): BenchmarkResult {
  if (polarity !== "high-is-good" && polarity !== "low-is-good" && polarity !== "none") {
    throw new ModelInputError(
      `benchmark: polarity must be "high-is-good", "low-is-good" or "none" (got ${JSON.stringify(polarity)})`,
    );
  }
  if (levels !== 3 && levels !== 5) {
    throw new ModelInputError(`benchmark: levels must be 3 or 5 (got ${JSON.stringify(levels)})`);
  }
  const { value, lower95, upper95, lower998, upper998 } = area;
  if (!isPresent(value) || !isPresent(lower95) || !isPresent(upper95) || !isPresent(comparatorValue)) {
    return "not compared";
  }
  const side = sideOfComparator(lower95, upper95, comparatorValue);
  if (side === "inside") return "similar";
  if (polarity === "none") return side === "above" ? "higher" : "lower";
  const extreme =
    levels === 5 &&
    isPresent(lower998) &&
    isPresent(upper998) &&
    sideOfComparator(lower998, upper998, comparatorValue) === side;
  const good = (side === "above") === (polarity === "high-is-good");
  if (good) return extreme ? "best" : "better";
  return extreme ? "worst" : "worse";
}
