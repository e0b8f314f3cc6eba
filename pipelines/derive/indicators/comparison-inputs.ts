/**
 * The rows step 2 compares, read as columns: every `indicator_value` row of a home-county area (LSOAs, wards,
 * localities, priority areas, districts, the county) and of England, with the same-period county and England
 * values, the catalogue polarity and value type, the peer group, the national rank (SQL, see
 * `national-ranks.ts`), and whether the row is the area's latest period with a value. Rows are ordered by
 * series (indicator, area, sex, age) and then by period, which the trend calculation relies on.
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { readColumns } from "./columnar.ts";

export interface ComparisonInputs {
  rowCount: number;
  indicator: string[];
  areaCode: string[];
  areaType: string[];
  period: string[];
  periodYear: (number | null)[];
  sex: string[];
  age: string[];
  numerator: (number | null)[];
  denominator: (number | null)[];
  value: (number | null)[];
  lower95: (number | null)[];
  upper95: (number | null)[];
  lower998: (number | null)[];
  upper998: (number | null)[];
  publishedComparison: (string | null)[];
  countyCode: (string | null)[];
  countyValue: (number | null)[];
  englandCode: (string | null)[];
  englandValue: (number | null)[];
  polarity: string[];
  valueType: string[];
  multiplier: number[];
  peerGroup: (string | null)[];
  nationalRank: (number | null)[];
  nationalCount: (number | null)[];
  isLatest: boolean[];
}

const PEER_GROUP_SQL = `CASE s.area_type
  WHEN 'locality' THEN 'localities in ' || s.county_code
  WHEN 'ward19' THEN 'wards in ' || s.county_code
  WHEN 'priority' THEN 'priority areas in ' || s.county_code
  WHEN 'district' THEN 'districts in ' || s.county_code
  WHEN 'lsoa11' THEN '2011 LSOAs in ' || s.county_code
  WHEN 'lsoa21' THEN '2021 LSOAs in ' || s.county_code END`;

// Comparators are narrowed to the home counties and England before joining, so every join matches at most one
// row per key whatever order DuckDB picks (it has no statistics inside the build's transaction).
const INPUTS_SQL = `
WITH comparator AS (
  SELECT v.indicator, v.area_code, v.area_type, v.period, v.sex, v.age, v.value FROM indicator_value v
  JOIN indicator_scope_area s ON s.area_code = v.area_code AND s.area_type = v.area_type
  WHERE v.area_type IN ('county', 'country')
)
SELECT v.indicator, v.area_code, v.area_type, v.period, v.period_year, v.sex, v.age, v.numerator, v.denominator,
       v.value, v.lower95, v.upper95, v.lower998, v.upper998, v.published_comparison,
       CASE WHEN v.area_type <> 'country' THEN s.county_code END AS county_code, cv.value AS county_value,
       ev.area_code AS england_code, ev.value AS england_value,
       coalesce(n.polarity, 'none') AS polarity, coalesce(n.value_type, 'other') AS value_type,
       coalesce(n.multiplier, 1)::DOUBLE AS multiplier, ${PEER_GROUP_SQL} AS peer_group,
       r.national_rank, r.national_count,
       row_number() OVER (PARTITION BY v.indicator, v.area_code, v.area_type, v.sex, v.age
                          ORDER BY v.value IS NOT NULL DESC, v.period_year DESC, v.period DESC) = 1 AS is_latest
FROM indicator_value v
JOIN indicator_scope_area s ON s.area_code = v.area_code AND s.area_type = v.area_type
LEFT JOIN comparator cv ON cv.area_type = 'county' AND cv.area_code = s.county_code AND cv.indicator = v.indicator
 AND cv.period = v.period AND cv.sex = v.sex AND cv.age = v.age
LEFT JOIN comparator ev ON ev.area_type = 'country' AND ev.indicator = v.indicator
 AND ev.period = v.period AND ev.sex = v.sex AND ev.age = v.age
LEFT JOIN indicator n ON n.id = v.indicator
LEFT JOIN indicator_national_rank r ON r.indicator = v.indicator AND r.area_code = v.area_code
 AND r.area_type = v.area_type AND r.period = v.period AND r.sex = v.sex AND r.age = v.age
ORDER BY v.indicator, v.area_type, v.area_code, v.sex, v.age, v.period_year, v.period`;

/** Reads the comparison rows; needs temp tables `indicator_scope_area` and `indicator_national_rank`. */
export async function readComparisonInputs(warehouse: Warehouse): Promise<ComparisonInputs> {
  const { columns: c, rowCount } = await readColumns(warehouse, INPUTS_SQL);
  return {
    rowCount,
    indicator: c.indicator as string[],
    areaCode: c.area_code as string[],
    areaType: c.area_type as string[],
    period: c.period as string[],
    periodYear: c.period_year as (number | null)[],
    sex: c.sex as string[],
    age: c.age as string[],
    numerator: c.numerator as (number | null)[],
    denominator: c.denominator as (number | null)[],
    value: c.value as (number | null)[],
    lower95: c.lower95 as (number | null)[],
    upper95: c.upper95 as (number | null)[],
    lower998: c.lower998 as (number | null)[],
    upper998: c.upper998 as (number | null)[],
    publishedComparison: c.published_comparison as (string | null)[],
    countyCode: c.county_code as (string | null)[],
    countyValue: c.county_value as (number | null)[],
    englandCode: c.england_code as (string | null)[],
    englandValue: c.england_value as (number | null)[],
    polarity: c.polarity as string[],
    valueType: c.value_type as string[],
    multiplier: c.multiplier as number[],
    peerGroup: c.peer_group as (string | null)[],
    nationalRank: c.national_rank as (number | null)[],
    nationalCount: c.national_count as (number | null)[],
    isLatest: c.is_latest as boolean[],
  };
}
