/**
 * Which areas the indicator steps profile. The "home" counties are those holding the observatory's
 * localities or priority areas (Warwickshire with the default sources); every county is used when no
 * locality is defined. Wards and small areas are kept for home counties only, districts and counties for
 * all of England (so districts can be ranked nationally), plus the country for the England comparator.
 *
 * Temp table `indicator_scope_area` (area_code, area_type, county_code, district_code): each area within a
 * home county with its county and district (null for the county itself), and the countries above them.
 * 2021 LSOAs are in scope through their `area_link` rows, which the deprivation step "2021 LSOA best fit"
 * writes from the boundaries (no LSOA 2021 → 2011 lookup is among the sources).
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";

/** Area types below a county that get values, comparisons and ranks. */
export const PROFILE_AREA_TYPES = ["lsoa11", "lsoa21", "ward19", "locality", "priority", "district"] as const;

/** Codes of the home counties, also written to temp table `indicator_home_county` (code). */
export async function homeCounties(warehouse: Warehouse): Promise<string[]> {
  await warehouse.run(`
    CREATE OR REPLACE TEMP TABLE indicator_home_county AS
    SELECT DISTINCT parent AS code FROM area_link
    WHERE child_type IN ('locality', 'priority') AND parent_type = 'county'`);
  const count = (await warehouse.scalar<number>("SELECT count(*) FROM indicator_home_county")) ?? 0;
  if (count === 0) {
    await warehouse.run(
      "INSERT INTO indicator_home_county SELECT DISTINCT code FROM area WHERE type = 'county'",
    );
  }
  const rows = await warehouse.rows<{ code: string }>("SELECT code FROM indicator_home_county ORDER BY code");
  return rows.map((row) => row.code);
}

/** Creates temp table `indicator_scope_area`; needs `indicator_home_county`. */
export async function createScopeAreas(warehouse: Warehouse): Promise<number> {
  await warehouse.run(`
    CREATE OR REPLACE TEMP TABLE indicator_scope_area AS
    WITH in_county AS (
      SELECT DISTINCT l.child AS area_code, l.child_type AS area_type, l.parent AS county_code
      FROM area_link l JOIN indicator_home_county h ON h.code = l.parent
      WHERE l.parent_type = 'county' AND l.child_type IN (${PROFILE_AREA_TYPES.map((t) => `'${t}'`).join(", ")})
    )
    SELECT c.area_code, c.area_type, c.county_code,
           CASE WHEN c.area_type = 'district' THEN c.area_code ELSE (
             SELECT min(d.parent) FROM area_link d
             WHERE d.child = c.area_code AND d.child_type = c.area_type AND d.parent_type = 'district'
           ) END AS district_code
    FROM in_county c
    UNION ALL
    SELECT code, 'county', code, NULL FROM indicator_home_county
    UNION ALL
    SELECT DISTINCT l.parent, 'country', NULL, NULL
    FROM area_link l JOIN indicator_home_county h ON h.code = l.child
    WHERE l.child_type = 'county' AND l.parent_type = 'country'`);
  return (await warehouse.scalar<number>("SELECT count(*)::INTEGER FROM indicator_scope_area")) ?? 0;
}
