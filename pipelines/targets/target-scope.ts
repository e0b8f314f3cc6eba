/**
 * Which areas a targets file covers: its county, the county's districts and, for locality-level targets,
 * the county's localities. Written to temp table `target_scope` (area_code, area_type, area_name,
 * district_code) so every series query joins one small table.
 */
import { SourceError } from "../../models/errors.ts";
import { displayPath } from "../config/read-yaml-config.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import type { LoadedTargetConfig } from "./target-config-schema.ts";

export interface ScopeArea {
  code: string;
  name: string | null;
  type: "county" | "district" | "locality";
  districtCode: string | null;
}

/**
 * The county of a targets file: its `county:` or, by default, the one county holding the localities.
 *
 * @throws {SourceError} when the county is not in the warehouse, or the default is ambiguous or absent.
 */
export async function resolveCounty(warehouse: Warehouse, config: LoadedTargetConfig): Promise<string> {
  const file = displayPath(config.file);
  if (config.county) {
    const known = await warehouse.scalar<number>(
      "SELECT count(*)::INTEGER FROM area WHERE code = $1 AND type = 'county'",
      [config.county],
    );
    if (!known) throw new SourceError(`${file}: county ${config.county} is not in the warehouse`);
    return config.county;
  }
  const counties = await warehouse.rows<{ code: string }>(
    "SELECT DISTINCT parent AS code FROM area_link WHERE child_type = 'locality' AND parent_type = 'county' ORDER BY 1",
  );
  if (counties.length !== 1) {
    throw new SourceError(
      `${file}: cannot tell which county the targets are for (${counties.length} counties hold localities)`,
      "Add county: CODE to the targets file.",
    );
  }
  return counties[0]!.code;
}

/**
 * The county ($1), its districts and localities: (area_code, area_type, area_name, district_code). Also
 * used as a subquery by readers that open the warehouse read-only.
 */
export const SCOPE_SELECT_SQL = `
  WITH members AS (
    SELECT $1 AS area_code, 'county' AS area_type
    UNION
    SELECT child, child_type FROM area_link
    WHERE parent = $1 AND parent_type = 'county' AND child_type IN ('district', 'locality')
  )
  SELECT m.area_code, m.area_type, a.name AS area_name,
         CASE m.area_type WHEN 'district' THEN m.area_code WHEN 'locality' THEN (
           SELECT min(d.parent) FROM area_link d
           WHERE d.child = m.area_code AND d.child_type = 'locality' AND d.parent_type = 'district'
         ) END AS district_code
  FROM members m LEFT JOIN area a ON a.code = m.area_code AND a.type = m.area_type`;

/** Creates temp table `target_scope` for the county and returns its areas (county first, then by code). */
export async function createTargetScope(warehouse: Warehouse, county: string): Promise<ScopeArea[]> {
  await warehouse.run(`CREATE OR REPLACE TEMP TABLE target_scope AS ${SCOPE_SELECT_SQL}`, [county]);
  const rows = await warehouse.rows<{
    area_code: string;
    area_type: ScopeArea["type"];
    area_name: string | null;
    district_code: string | null;
  }>(
    `SELECT * FROM target_scope
     ORDER BY CASE area_type WHEN 'county' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, area_code`,
  );
  return rows.map((row) => ({
    code: row.area_code,
    name: row.area_name,
    type: row.area_type,
    districtCode: row.district_code,
  }));
}
