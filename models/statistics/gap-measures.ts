import { ModelInputError } from "../errors.ts";
import { isPresent } from "./checks.ts";
import { type ContributionsToGap, contributionToGap } from "./contribution-to-gap.ts";
import { mostDeprivedQuintileGap, type QuintileArea, type QuintileGap } from "./quintile-gap.ts";
import type { Polarity } from "./types.ts";

/** An area of the set (e.g. a locality) with its value and, optionally, population, counts and quintile. */
export interface GapArea extends Omit<QuintileArea, "deprivationQuintile"> {
  deprivationQuintile?: number | null;
}

export interface GapOptions {
  /** The value the gaps are measured from (e.g. the county or England). */
  comparatorValue: number | null | undefined;
  polarity: Polarity;
  /** Scale of pooled values in the quintile gap (100 for percentages); default 1. */
  multiplier?: number;
}

export interface AreaGap {
  code: string;
  value: number | null;
  /** value − comparator. */
  absoluteGap: number | null;
  /** (value − comparator) / comparator; null when the comparator is 0. */
  relativeGap: number | null;
}

export interface NamedValue {
  code: string;
  value: number;
}

export interface GapMeasures {
  areas: AreaGap[];
  highest: NamedValue | null;
  lowest: NamedValue | null;
  /** Best and worst area by polarity; null for polarity "none". */
  best: NamedValue | null;
  worst: NamedValue | null;
  /** highest − lowest (≥ 0). */
  range: number | null;
  /** worst / best (highest / lowest for polarity "none"); null when dividing by 0. */
  ratio: number | null;
  contributions: ContributionsToGap;
  /** Null when no area carries a deprivation quintile. */
  mostDeprivedQuintile: QuintileGap | null;
}

/**
 * Gap measures for one indicator across a set of areas (e.g. the 23 localities against the county).
 *
 * Per area: absolute gap (area − comparator) and relative gap ((area − comparator)/comparator). Across the
 * set: the highest and lowest areas, the best and worst by polarity, the range (highest − lowest) and the
 * ratio worst/best (highest/lowest without polarity); each area's contribution to the gap (population share
 * × gap, see `contributionToGap`); and, when areas carry a deprivation quintile, the most deprived quintile
 * against the rest (`mostDeprivedQuintileGap`). Ties for best or worst take the first area in input order.
 * Areas without a value are reported with null gaps. A single area gives a range of 0 and a ratio of 1.
 * Method: METHODS.md §4 (gap measures).
 *
 * @throws {ModelInputError} when the polarity is not one of the allowed values, or a population is negative.
 * @example
 * gapMeasures([{ code: "A", value: 30 }, { code: "B", value: 10 }], { comparatorValue: 20, polarity: "low-is-good" })
 * // → A gap 10 (0.5), B gap −10 (−0.5); best B, worst A; range 20; ratio 3
 */
export function gapMeasures(areas: readonly GapArea[], options: GapOptions): GapMeasures {
  const { comparatorValue, polarity, multiplier = 1 } = options;
  if (polarity !== "high-is-good" && polarity !== "low-is-good" && polarity !== "none") {
    throw new ModelInputError(`gapMeasures: unknown polarity ${JSON.stringify(polarity)}`);
  }
  const rows = areas.map((area) => areaGap(area.code, area.value, comparatorValue));
  const present = rows.filter((row): row is AreaGap & { value: number } => row.value !== null);
  const highest = pickExtreme(present, (a, b) => a > b);
  const lowest = pickExtreme(present, (a, b) => a < b);
  const best = polarity === "none" ? null : polarity === "high-is-good" ? highest : lowest;
  const worst = polarity === "none" ? null : polarity === "high-is-good" ? lowest : highest;
  const [top, bottom] = polarity === "none" ? [highest, lowest] : [worst, best];
  const withQuintile = areas.filter((area) => isPresent(area.deprivationQuintile)) as QuintileArea[];
  return {
    areas: rows,
    highest,
    lowest,
    best,
    worst,
    range: highest && lowest ? highest.value - lowest.value : null,
    ratio: top && bottom && bottom.value !== 0 ? top.value / bottom.value : null,
    contributions: contributionToGap(areas, comparatorValue),
    mostDeprivedQuintile:
      withQuintile.length > 0 ? mostDeprivedQuintileGap(withQuintile, { multiplier }) : null,
  };
}

/**
 * Absolute and relative gap of one value from a comparator: value − comparator and
 * (value − comparator)/comparator. Missing inputs give nulls; a comparator of 0 gives a null relative gap.
 * Method: METHODS.md §4.
 *
 * @example
 * areaGap("E05000001", 12, 10) // → { code: "E05000001", value: 12, absoluteGap: 2, relativeGap: 0.2 }
 */
export function areaGap(
  code: string,
  value: number | null | undefined,
  comparatorValue: number | null | undefined,
): AreaGap {
  if (!isPresent(value)) return { code, value: null, absoluteGap: null, relativeGap: null };
  if (!isPresent(comparatorValue)) return { code, value, absoluteGap: null, relativeGap: null };
  const absoluteGap = value - comparatorValue;
  return {
    code,
    value,
    absoluteGap,
    relativeGap: comparatorValue === 0 ? null : absoluteGap / comparatorValue,
  };
}

function pickExtreme(
  rows: readonly { code: string; value: number }[],
  beats: (a: number, b: number) => boolean,
): NamedValue | null {
  let chosen: NamedValue | null = null;
  for (const { code, value } of rows) {
    if (chosen === null || beats(value, chosen.value)) chosen = { code, value };
  }
  return chosen;
}
