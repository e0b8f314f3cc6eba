/**
 * What a column of a published result is, for disclosure control, judged by its name when nobody says
 * otherwise: a count of people or households (`numerator`, `population`, `*_count` …), a figure computed
 * from the counts of its row (`value`, `lower95`, `gap_to_county` …), or a figure that repeats another
 * area's or period's value of the row's indicator (`county_value`, `best_value` next to `best_code`,
 * `baseline` next to `baseline_period`). Counts of areas, ranks, scores and money are none of these.
 */

/** Exact names of counts of people or households. */
const COUNT_NAMES = new Set([
  "numerator",
  "denominator",
  "count",
  "people",
  "persons",
  "households",
  "population",
  "income_deprived",
  "employment_deprived",
  "income_scale",
  "employment_scale",
  "deaths",
  "births",
  "admissions",
  "cases",
]);

/** `*_count`, `people_*`, `*_households` …: counts of people, households or events. */
const COUNT_PATTERN =
  /(^count_|_count$|^number_of_|_numerator$|_denominator$|^(people|persons|households|population)_|_(people|persons|households|population)$)/;

/** Counts of areas, rows or peers (`lsoa_count`, `peer_count`, `national_count`): never suppressed. */
const NOT_COUNT_PATTERN =
  /^(lsoa|lsoas|small_area|small_areas|area|areas|peer|national|ward|wards|district|districts|locality|localities|row|rows|source|sources|indicator|indicators|simulation|simulations|group|groups|edition|editions|quantile|quantiles|period|periods)_count$/;

/** Figures computed from the counts of their own row (rates, limits, gaps, shares). */
const DEPENDENT_NAMES = new Set([
  "value",
  "rate",
  "lower95",
  "upper95",
  "lower998",
  "upper998",
  "lower_95",
  "upper_95",
  "gap_to_county",
  "gap_to_england",
  "relative_gap_to_county",
  "relative_gap_to_england",
  "contribution_to_county_gap",
  "share",
  "proportion",
  "percentage",
]);
const DEPENDENT_PATTERN = /_rate$|^rate_/;

/** Shares, rates, ranks and changes named after a count (`population_share`, `people_per_hectare`). */
const NOT_COUNT_SUFFIX =
  /_(share|shares|rate|ratio|proportion|percent|percentage|pct|rank|score|change|gap|basis|weighted|density)$|_per_/;

export function isCountColumn(name: string): boolean {
  const lower = name.toLowerCase();
  if (NOT_COUNT_PATTERN.test(lower) || NOT_COUNT_SUFFIX.test(lower)) return false;
  return COUNT_NAMES.has(lower) || COUNT_PATTERN.test(lower);
}

export function isDependentColumn(name: string): boolean {
  const lower = name.toLowerCase();
  return DEPENDENT_NAMES.has(lower) || DEPENDENT_PATTERN.test(lower);
}

/** Where a referenced value comes from: the row's indicator for another area and/or period. */
export interface ValueReference {
  column: string;
  /** Column holding the area code, or a fixed role ("county", "england"); default: the row's `area_code`. */
  area: { column: string } | { role: "county" | "england" };
  /** Column holding the period; default: the row's `period`. */
  period?: string;
}

/** Columns whose values come from other values of the row's indicator (see `defaultReferences`). */
export interface ReferenceRoles {
  references: ValueReference[];
  /** Columns computed from referenced values (hidden when any of `from` is): range, ratio, gaps. */
  derived: { column: string; from: string[] }[];
}

/** Summary figures computed from the best/worst/highest/lowest values of a gap summary. */
const FROM_EXTREMES = ["range", "ratio"];

/**
 * References found by name in a result with an `indicator` column: its own value (when the row has
 * `area_code` and `period`), `county_value`/`england_value`, `X_value` beside `X_code` (the value of the
 * area in X_code) and `X` or `X_value` beside `X_period` (the row's area's value in that period, e.g.
 * `baseline` and `baseline_period`, `previous_value` and `previous_period`).
 */
export function defaultReferences(columns: readonly string[]): ReferenceRoles {
  const has = new Set(columns);
  const references: ValueReference[] = [];
  const derived: ReferenceRoles["derived"] = [];
  if (!has.has("indicator")) return { references, derived };
  const ownArea = { column: "area_code" };
  if (has.has("area_code") && has.has("period")) {
    for (const column of columns)
      if (isDependentColumn(column)) references.push({ column, area: ownArea, period: "period" });
  }
  if (has.has("period")) {
    if (has.has("county_value"))
      references.push({ column: "county_value", area: { role: "county" }, period: "period" });
    if (has.has("england_value"))
      references.push({ column: "england_value", area: { role: "england" }, period: "period" });
    const extremes: string[] = [];
    for (const column of columns) {
      const stem = /^(.+)_value$/.exec(column)?.[1];
      if (stem && has.has(`${stem}_code`)) {
        references.push({ column, area: { column: `${stem}_code` }, period: "period" });
        extremes.push(column);
      }
    }
    if (extremes.length > 0)
      for (const column of FROM_EXTREMES) if (has.has(column)) derived.push({ column, from: extremes });
    const comparators = ["county_value", "england_value"].filter((column) => has.has(column));
    if (has.has("county_gap_to_england") && comparators.length > 0)
      derived.push({ column: "county_gap_to_england", from: comparators });
    for (const column of ["gap_to_county", "relative_gap_to_county", "contribution_to_county_gap"])
      if (has.has(column) && has.has("county_value")) derived.push({ column, from: ["county_value"] });
    for (const column of ["gap_to_england", "relative_gap_to_england", "contribution_to_county_gap"])
      if (has.has(column) && has.has("england_value")) derived.push({ column, from: ["england_value"] });
  }
  if (has.has("area_code")) {
    for (const column of columns) {
      if (column.endsWith("_period")) continue;
      const stem = column.replace(/_value$/, "");
      const period = [`${column}_period`, `${stem}_period`].find((name) => has.has(name));
      if (period) references.push({ column, area: ownArea, period });
    }
  }
  return { references, derived };
}
