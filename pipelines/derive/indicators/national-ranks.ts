/**
 * Temp table `indicator_national_rank` (indicator, area_code, area_type, period, sex, age, national_rank,
 * national_count): each district and county ranked among all of its type in the home counties' country,
 * for every indicator and period. Set-based in SQL because the peer groups hold hundreds of areas; the rule
 * is exactly that of the `rankWithinPeers` model (rank 1 = best by polarity, the highest value for polarity
 * "none"; tied values share the smallest rank; areas without a value are left out of the count and get no
 * rank). tests/pipelines/indicators checks the two agree. Values aggregated from 2021 LSOAs are not ranked
 * nationally: they exist for the home counties only (see `lsoa21-best-fit.ts`).
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";

export async function createNationalRanks(warehouse: Warehouse): Promise<void> {
  await warehouse.run(`
    CREATE OR REPLACE TEMP TABLE indicator_national_rank AS
    WITH country AS (SELECT area_code FROM indicator_scope_area WHERE area_type = 'country'),
    peers AS (
      SELECT v.indicator, v.area_code, v.area_type, v.period, v.sex, v.age,
             CASE WHEN n.polarity = 'low-is-good' THEN v.value ELSE -v.value END AS ordered_value
      FROM indicator_value v
      JOIN area_link l ON l.child = v.area_code AND l.child_type = v.area_type AND l.parent_type = 'country'
      LEFT JOIN indicator n ON n.id = v.indicator
      WHERE v.area_type IN ('district', 'county') AND v.value IS NOT NULL AND isfinite(v.value)
        AND v.source <> 'aggregated from lsoa21'
        AND l.parent IN (SELECT area_code FROM country)
    )
    SELECT indicator, area_code, area_type, period, sex, age,
           rank() OVER (PARTITION BY indicator, area_type, period, sex, age ORDER BY ordered_value)::INTEGER AS national_rank,
           count(*) OVER (PARTITION BY indicator, area_type, period, sex, age)::INTEGER AS national_count
    FROM peers`);
}
