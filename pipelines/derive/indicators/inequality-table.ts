/**
 * Table `indicator_inequality`: inequality across deprivation within each home county, for every small-area
 * indicator at its latest period (METHODS.md §4), one row per quantile scheme (national deciles and
 * quintiles of the latest IoD edition on the small areas' geography — IoD 2019 for 2011 LSOAs, IoD 2025 for
 * 2021 LSOAs — and deciles and quintiles re-ranked within the county).
 *
 * Columns: indicator, period, sex, age, county_code, small_area_type, deprivation_edition, quantile_scheme,
 * quantiles, groups (quantiles with LSOAs), small_areas, group_values (JSON: quantile, small_areas,
 * numerator, denominator, value, lower95, upper95 — values on the indicator's scale), sii, sii_lower95, sii_upper95
 * (the modelled change from the most to the least deprived end, in the indicator's units; negative when
 * values fall as deprivation falls), rii, rii_lower95, rii_upper95, intercept, simulations, seed (of the
 * simulated interval), note; most_deprived_value, rest_value, most_deprived_gap, most_deprived_relative_gap,
 * most_deprived_ratio (most deprived quintile vs the other four, pooled from counts; quintile schemes only).
 */
import { mostDeprivedQuintileGap, slopeIndexOfInequality } from "../../../models/statistics/index.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { readColumns } from "./columnar.ts";
import { assignQuantiles, pooledGroups, QUANTILE_SCHEMES, type SmallArea } from "./inequality-groups.ts";
import { appendRows, groupRuns } from "./row-groups.ts";
import { modelValueType } from "./value-types.ts";

/** Seed and number of draws of every simulated SII interval (METHODS.md §4: seeded, ≥ 10,000 draws). */
export const INEQUALITY_SEED = 2019;
export const INEQUALITY_SIMULATIONS = 10_000;

const INPUT_SQL = `
WITH edition AS (
  SELECT lsoa_type, max(edition) AS edition FROM deprivation WHERE domain = 'imd' GROUP BY lsoa_type
), rows AS (
  SELECT v.indicator, v.period, v.sex, v.age, v.area_type, s.county_code, v.area_code, v.numerator, v.denominator,
         v.period_year, max(v.period_year) OVER (PARTITION BY v.indicator, v.sex, v.age, v.area_type, s.county_code) AS latest
  FROM indicator_value v JOIN indicator_scope_area s ON s.area_code = v.area_code AND s.area_type = v.area_type
  WHERE v.area_type IN ('lsoa11', 'lsoa21') AND v.numerator IS NOT NULL AND v.denominator > 0
    AND v.numerator <= v.denominator
)
SELECT r.indicator, r.period, r.sex, r.age, r.area_type, r.county_code, r.area_code, r.numerator, r.denominator,
       d.rank AS national_rank, e.edition, coalesce(n.value_type, 'other') AS value_type,
       coalesce(n.multiplier, 1)::DOUBLE AS multiplier
FROM rows r
JOIN edition e ON e.lsoa_type = r.area_type
JOIN deprivation d ON d.lsoa = r.area_code AND d.lsoa_type = r.area_type AND d.edition = e.edition AND d.domain = 'imd'
LEFT JOIN indicator n ON n.id = r.indicator
WHERE r.period_year = r.latest AND d.rank IS NOT NULL
ORDER BY r.indicator, r.sex, r.age, r.area_type, r.county_code, r.period, r.area_code`;

const CREATE_SQL = `
CREATE OR REPLACE TABLE indicator_inequality (
  indicator VARCHAR, period VARCHAR, sex VARCHAR, age VARCHAR, county_code VARCHAR, small_area_type VARCHAR,
  deprivation_edition INTEGER, quantile_scheme VARCHAR, quantiles INTEGER, groups INTEGER, small_areas INTEGER,
  group_values VARCHAR, sii DOUBLE, sii_lower95 DOUBLE, sii_upper95 DOUBLE, rii DOUBLE, rii_lower95 DOUBLE,
  rii_upper95 DOUBLE, intercept DOUBLE, simulations INTEGER, seed BIGINT, note VARCHAR,
  most_deprived_value DOUBLE, rest_value DOUBLE, most_deprived_gap DOUBLE, most_deprived_relative_gap DOUBLE,
  most_deprived_ratio DOUBLE)`;

const GROUP_KEY = ["indicator", "sex", "age", "area_type", "county_code", "period"];

/** Writes `indicator_inequality`; returns its row count. */
export async function writeInequalityTable(warehouse: Warehouse): Promise<number> {
  const { columns: c, rowCount } = await readColumns(warehouse, INPUT_SQL);
  await warehouse.run(CREATE_SQL);
  const out: unknown[][] = [];
  for (const [start, end] of groupRuns(c, rowCount, GROUP_KEY)) {
    const modelType = modelValueType(c.value_type![start] as string);
    if (modelType !== "proportion" && modelType !== "rate") continue;
    const multiplier = c.multiplier![start] as number;
    const edition = c.edition![start] as number;
    const areas: SmallArea[] = [];
    for (let i = start; i < end; i++) {
      areas.push({
        code: c.area_code![i] as string,
        numerator: c.numerator![i] as number,
        denominator: c.denominator![i] as number,
        nationalRank: c.national_rank![i] as number,
      });
    }
    const key = GROUP_KEY.map((name) => c[name]![start]);
    const [indicator, sex, age, areaType, county, period] = key;
    for (const scheme of QUANTILE_SCHEMES) {
      const quantiles = assignQuantiles(areas, scheme, edition);
      const groups = pooledGroups(areas, quantiles, scheme.quantiles, modelType, multiplier);
      const sii = slopeIndexOfInequality(groups, {
        valueType: modelType,
        multiplier: modelType === "proportion" ? multiplier : 1,
        simulations: INEQUALITY_SIMULATIONS,
        seed: INEQUALITY_SEED,
      });
      const scale = modelType === "proportion" ? multiplier : 1;
      const groupValues = groups.map((g) => ({
        quantile: g.quantile,
        small_areas: g.smallAreas,
        numerator: g.numerator,
        denominator: g.population,
        value: g.value === null ? null : g.value! * scale,
        lower95: g.lower == null ? null : g.lower * scale,
        upper95: g.upper == null ? null : g.upper * scale,
      }));
      const quintileGap =
        scheme.quantiles === 5
          ? mostDeprivedQuintileGap(
              areas.map((area, i) => ({
                code: area.code,
                value: (area.numerator / area.denominator) * multiplier,
                count: area.numerator,
                denominator: area.denominator,
                deprivationQuintile: quantiles[i],
              })),
              { multiplier },
            )
          : null;
      const notes = [sii.reason, sii.intervalReason, quintileGap?.reason].filter(Boolean).join("; ");
      out.push([
        indicator,
        period,
        sex,
        age,
        county,
        areaType,
        edition,
        scheme.name,
        scheme.quantiles,
        groups.length,
        areas.length,
        JSON.stringify(groupValues),
        sii.sii,
        sii.lowerSii,
        sii.upperSii,
        sii.rii,
        sii.lowerRii,
        sii.upperRii,
        sii.intercept,
        sii.simulations,
        sii.seed,
        notes || null,
        quintileGap?.mostDeprived ?? null,
        quintileGap?.rest ?? null,
        quintileGap?.absoluteGap ?? null,
        quintileGap?.relativeGap ?? null,
        quintileGap?.ratio ?? null,
      ]);
    }
  }
  await appendRows(warehouse, "indicator_inequality", out);
  return out.length;
}
