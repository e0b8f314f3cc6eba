/**
 * Gap measures (METHODS.md §4) for each set of home-county areas — its localities, districts, wards and
 * LSOAs — at the set's latest period with values, from the `gapMeasures` model.
 *
 * Table `indicator_gap`, one row per area of a set: indicator, period, sex, age, area_set (the area type),
 * county_code, area_code, value, weight (the area's denominator, else its population), weight_kind,
 * population_share, county_value, england_value, gap_to_county, relative_gap_to_county, gap_to_england,
 * relative_gap_to_england, contribution_to_county_gap (population share × (value − England): the
 * contributions add up to the weighted mean of the set minus England, which is the county's gap when the
 * weights are the denominators).
 *
 * Table `indicator_gap_summary`, one row per set: indicator, period, sex, age, area_set, county_code, areas,
 * areas_with_value, county_value, england_value, county_gap_to_england, highest_code/_value,
 * lowest_code/_value, best_code/_value, worst_code/_value (by polarity; null without one), range
 * (highest − lowest), ratio (worst / best; highest / lowest without polarity), contributions_total,
 * contributions_note.
 */
import { gapMeasures } from "../../../models/statistics/index.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { AREA_POPULATION_SQL } from "./area-population.ts";
import { asPolarity } from "./benchmark-columns.ts";
import { readColumns } from "./columnar.ts";
import { appendRows, groupRuns } from "./row-groups.ts";

const SET_TYPES = "('locality', 'district', 'ward19', 'lsoa11', 'lsoa21')";

const INPUT_SQL = `
WITH area_population AS (${AREA_POPULATION_SQL}),
set_rows AS (
  SELECT c.*, max(CASE WHEN c.value IS NOT NULL THEN c.period_year END)
           OVER (PARTITION BY c.indicator, c.sex, c.age, c.area_type, c.county_code) AS set_latest
  FROM indicator_comparison c WHERE c.area_type IN ${SET_TYPES} AND c.county_code IS NOT NULL
)
SELECT r.indicator, r.period, r.sex, r.age, r.area_type, r.county_code, r.area_code, r.value,
       r.county_value, r.england_value, v.denominator, p.population, coalesce(n.polarity, 'none') AS polarity
FROM set_rows r
JOIN indicator_value v ON v.indicator = r.indicator AND v.area_code = r.area_code AND v.area_type = r.area_type
 AND v.period = r.period AND v.sex = r.sex AND v.age = r.age
LEFT JOIN area_population p ON p.area_code = r.area_code AND p.area_type = r.area_type
LEFT JOIN indicator n ON n.id = r.indicator
WHERE r.period_year = r.set_latest
ORDER BY r.indicator, r.sex, r.age, r.area_type, r.county_code, r.period, r.area_code`;

const CREATE_SQL = `
CREATE OR REPLACE TABLE indicator_gap (
  indicator VARCHAR, period VARCHAR, sex VARCHAR, age VARCHAR, area_set VARCHAR, county_code VARCHAR,
  area_code VARCHAR, value DOUBLE, weight DOUBLE, weight_kind VARCHAR, population_share DOUBLE,
  county_value DOUBLE, england_value DOUBLE, gap_to_county DOUBLE, relative_gap_to_county DOUBLE,
  gap_to_england DOUBLE, relative_gap_to_england DOUBLE, contribution_to_county_gap DOUBLE);
CREATE OR REPLACE TABLE indicator_gap_summary (
  indicator VARCHAR, period VARCHAR, sex VARCHAR, age VARCHAR, area_set VARCHAR, county_code VARCHAR,
  areas INTEGER, areas_with_value INTEGER, county_value DOUBLE, england_value DOUBLE, county_gap_to_england DOUBLE,
  highest_code VARCHAR, highest_value DOUBLE, lowest_code VARCHAR, lowest_value DOUBLE, best_code VARCHAR,
  best_value DOUBLE, worst_code VARCHAR, worst_value DOUBLE, range DOUBLE, ratio DOUBLE,
  contributions_total DOUBLE, contributions_note VARCHAR)`;

const SET_KEY = ["indicator", "sex", "age", "area_type", "county_code", "period"];

/** Writes `indicator_gap` and `indicator_gap_summary`; returns the number of sets. */
export async function writeGapTables(warehouse: Warehouse): Promise<number> {
  const { columns: c, rowCount } = await readColumns(warehouse, INPUT_SQL);
  await warehouse.run(CREATE_SQL);
  const areaRows: unknown[][] = [];
  const summaryRows: unknown[][] = [];
  for (const [start, end] of groupRuns(c, rowCount, SET_KEY)) {
    const rows = Array.from({ length: end - start }, (_, k) => start + k);
    const at = (name: string, i: number) => c[name]![i] as never;
    const weights = rows.map(
      (i) => (at("denominator", i) as number | null) ?? (at("population", i) as number | null),
    );
    const areas = rows.map((i, k) => ({
      code: at("area_code", i) as string,
      value: at("value", i),
      population: weights[k],
    }));
    const polarity = asPolarity(at("polarity", start));
    const countyValue = at("county_value", start) as number | null;
    const englandValue = at("england_value", start) as number | null;
    const toCounty = gapMeasures(areas, { comparatorValue: countyValue, polarity });
    const toEngland = gapMeasures(areas, { comparatorValue: englandValue, polarity });
    const key = ["indicator", "period", "sex", "age", "area_type", "county_code"].map((name) =>
      at(name, start),
    );
    rows.forEach((i, k) => {
      const contribution = toEngland.contributions.areas[k]!;
      areaRows.push([
        ...key,
        areas[k]!.code,
        areas[k]!.value,
        weights[k],
        at("denominator", i) !== null ? "denominator" : weights[k] !== null ? "population" : null,
        contribution.populationShare,
        countyValue,
        englandValue,
        toCounty.areas[k]!.absoluteGap,
        toCounty.areas[k]!.relativeGap,
        toEngland.areas[k]!.absoluteGap,
        toEngland.areas[k]!.relativeGap,
        contribution.contribution,
      ]);
    });
    const countyGap = countyValue !== null && englandValue !== null ? countyValue - englandValue : null;
    summaryRows.push([
      ...key,
      rows.length,
      toCounty.areas.filter((a) => a.value !== null).length,
      countyValue,
      englandValue,
      countyGap,
      toCounty.highest?.code ?? null,
      toCounty.highest?.value ?? null,
      toCounty.lowest?.code ?? null,
      toCounty.lowest?.value ?? null,
      toCounty.best?.code ?? null,
      toCounty.best?.value ?? null,
      toCounty.worst?.code ?? null,
      toCounty.worst?.value ?? null,
      toCounty.range,
      toCounty.ratio,
      toEngland.contributions.total,
      toEngland.contributions.reason ?? null,
    ]);
  }
  await appendRows(warehouse, "indicator_gap", areaRows);
  await appendRows(warehouse, "indicator_gap_summary", summaryRows);
  return summaryRows.length;
}
