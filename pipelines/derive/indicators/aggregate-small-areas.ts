/**
 * Rolls small-area numerators and denominators up to every level in SQL: Σ numeratorᵢ·weightᵢ and
 * Σ denominatorᵢ·weightᵢ over `area_link` (weight = the apportioned share of a split LSOA, 1 otherwise),
 * never an average of percentages (METHODS.md §2, ARCHITECTURE "derive"). Sums use DuckDB's `fsum`
 * (compensated summation) so aggregates do not depend on row order.
 *
 * Small-area inputs (temp table `indicator_small_area`): LSOA observations of every indicator that has both
 * numerators and denominators (Census household deprivation 2011 on lsoa11, 2021 on lsoa21), plus the
 * derived rates of `derived-rates.ts` (IoD numerator joined to a population denominator).
 * Output (temp table `indicator_aggregate`): one row per indicator × area × period × sex × age with the sums,
 * the number of small areas, how many had a missing input (the aggregate is then left empty) and how many
 * suppressed numerators were imputed. Levels: ward19, locality and priority areas (home counties only),
 * district, county and country (all of England), and the home counties' LSOAs themselves.
 *
 * 2021 LSOAs reach wards, localities, districts and the county only where `area_link` has them (the
 * boundary best fit of the deprivation steps covers the home county), so their district and county values
 * exist for the home county alone; every English (Welsh) 2021 LSOA without a country link is linked to
 * England (Wales) by its code's first letter, the ONS convention, so the England comparator is complete.
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { derivedRatesValuesSql } from "./derived-rates.ts";

const LINKS_SQL = `
CREATE OR REPLACE TEMP TABLE indicator_link AS
WITH small_area_parent AS (
  SELECT child, child_type, parent, parent_type, weight FROM area_link
  WHERE child_type IN ('lsoa11', 'lsoa21')
    AND parent_type IN ('ward19', 'locality', 'priority', 'district', 'county', 'country')
)
SELECT p.child, p.child_type, p.parent, p.parent_type, p.weight FROM small_area_parent p
WHERE (p.child_type = 'lsoa11' AND p.parent_type IN ('district', 'county', 'country'))
   OR (p.child_type = 'lsoa21' AND p.parent_type = 'country')
   OR EXISTS (SELECT 1 FROM indicator_scope_area s WHERE s.area_code = p.parent AND s.area_type = p.parent_type)
UNION ALL
SELECT s.area_code, s.area_type, s.area_code, s.area_type, 1.0 FROM indicator_scope_area s
WHERE s.area_type IN ('lsoa11', 'lsoa21')
UNION ALL
SELECT a.code, 'lsoa21', c.code, 'country', 1.0 FROM area a
JOIN area c ON c.type = 'country'
 AND c.code = CASE left(a.code, 1) WHEN 'E' THEN 'E92000001' WHEN 'W' THEN 'W92000004' END
WHERE a.type = 'lsoa21'
  AND NOT EXISTS (SELECT 1 FROM small_area_parent p WHERE p.child = a.code AND p.child_type = 'lsoa21' AND p.parent_type = 'country')`;

// Each join below is between two inputs on all of their shared keys, so no join order can multiply rows: inside
// the build's single transaction DuckDB has no statistics for freshly loaded tables and may pick any order.
const RATE_NUMERATOR_SQL = `
CREATE OR REPLACE TEMP TABLE indicator_rate_numerator AS
WITH rate AS (${derivedRatesValuesSql()})
SELECT r.id AS indicator, o.area_code, o.area_type, o.period, o.period_year, o.sex, o.age, o.numerator,
       r.period AS denominator_period, r.age_band, r.suppressed_numerator, o.source
FROM observation o JOIN rate r ON o.indicator = r.numerator_indicator
WHERE o.area_type IN ('lsoa11', 'lsoa21')`;

const SMALL_AREA_SQL = `
CREATE OR REPLACE TEMP TABLE indicator_small_area AS
WITH counted AS (
  SELECT DISTINCT indicator FROM observation
  WHERE area_type IN ('lsoa11', 'lsoa21') AND numerator IS NOT NULL AND denominator IS NOT NULL
)
SELECT o.indicator, o.area_code, o.area_type, o.period, o.period_year, o.sex, o.age,
       o.numerator, o.denominator, false AS imputed, o.source
FROM observation o
WHERE o.area_type IN ('lsoa11', 'lsoa21') AND o.indicator IN (SELECT indicator FROM counted)
UNION ALL
SELECT n.indicator, n.area_code, n.area_type, n.period, n.period_year, n.sex, n.age,
       coalesce(n.numerator, n.suppressed_numerator), p.population,
       n.numerator IS NULL AND n.suppressed_numerator IS NOT NULL, n.source || ' + ' || p.source
FROM indicator_rate_numerator n
JOIN population p ON p.area_code = n.area_code AND p.area_type = n.area_type
 AND p.period = n.denominator_period AND p.age_band = n.age_band
WHERE p.sex = 'Persons'`;

const AGGREGATE_SQL = `
CREATE OR REPLACE TEMP TABLE indicator_aggregate AS
WITH series_sources AS (
  SELECT indicator, period, area_type, string_agg(source, ', ' ORDER BY source) AS sources
  FROM (SELECT DISTINCT indicator, period, area_type, source FROM indicator_small_area) GROUP BY ALL
), grouped AS (
  SELECT s.indicator, l.parent AS area_code, l.parent_type AS area_type, s.period, s.sex, s.age,
         s.area_type AS small_area_type, min(s.period_year) AS period_year,
         fsum(s.numerator * l.weight) AS numerator, fsum(s.denominator * l.weight) AS denominator,
         count(*) FILTER (WHERE l.weight > 0)::INTEGER AS small_areas,
         count(*) FILTER (WHERE l.weight > 0 AND (s.numerator IS NULL OR s.denominator IS NULL))::INTEGER AS missing,
         count(*) FILTER (WHERE l.weight > 0 AND s.imputed)::INTEGER AS imputed
  FROM indicator_small_area s
  JOIN indicator_link l ON l.child = s.area_code AND l.child_type = s.area_type
  GROUP BY ALL
)
SELECT g.indicator, g.area_code, g.area_type, g.period, g.period_year, g.sex, g.age,
       CASE WHEN g.missing = 0 THEN g.numerator END AS numerator,
       CASE WHEN g.missing = 0 THEN g.denominator END AS denominator,
       g.small_areas, g.imputed,
       CASE WHEN g.area_type = g.small_area_type THEN x.sources ELSE 'aggregated from ' || g.small_area_type END AS source,
       x.sources AS underlying_sources,
       nullif(concat_ws('; ',
         CASE WHEN g.missing > 0 THEN g.missing || ' of ' || g.small_areas || ' small areas have no numerator or denominator, so no value' END,
         CASE WHEN g.imputed > 0 THEN g.imputed || ' of ' || g.small_areas || ' small-area numerators were suppressed in the source and imputed' END
       ), '') AS note
FROM grouped g
JOIN series_sources x ON x.indicator = g.indicator AND x.period = g.period AND x.area_type = g.small_area_type`;

/** Builds `indicator_link`, `indicator_small_area` and `indicator_aggregate`; returns the aggregate rows. */
export async function aggregateSmallAreas(warehouse: Warehouse): Promise<number> {
  await warehouse.run(LINKS_SQL);
  await warehouse.run(RATE_NUMERATOR_SQL);
  await warehouse.run(SMALL_AREA_SQL);
  await warehouse.run(AGGREGATE_SQL);
  return (await warehouse.scalar<number>("SELECT count(*)::INTEGER FROM indicator_aggregate")) ?? 0;
}
