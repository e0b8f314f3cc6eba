/**
 * Population of every area from the small-area population table: Σ population × link weight over
 * `area_link` from 2011 LSOAs (plus each LSOA itself), at the latest period that has all-ages totals
 * (mid-2020 with the default sources). Used as the weight of areas without a denominator (e.g. districts'
 * Fingertips values) and in the profile header.
 */
export const AREA_POPULATION_SQL = `
WITH latest AS (
  SELECT period FROM population WHERE age_band = 'all' AND sex = 'Persons' AND area_type = 'lsoa11'
  GROUP BY period ORDER BY max(try_cast(regexp_extract(period, '(\\d{4})', 1) AS INTEGER)) DESC NULLS LAST, period DESC
  LIMIT 1
), lsoa AS (
  SELECT p.area_code, p.population, p.period, p.source FROM population p
  WHERE p.area_type = 'lsoa11' AND p.age_band = 'all' AND p.sex = 'Persons' AND p.period = (SELECT period FROM latest)
)
SELECT l.parent AS area_code, l.parent_type AS area_type, fsum(s.population * l.weight) AS population,
       min(s.period) AS period, min(s.source) AS source
FROM lsoa s JOIN area_link l ON l.child = s.area_code AND l.child_type = 'lsoa11'
GROUP BY ALL
UNION ALL
SELECT area_code, 'lsoa11', population, period, source FROM lsoa`;
