/**
 * Finding and describing the areas `ntg profile` can print: localities, priority areas, districts, the county
 * and wards that have rows in `indicator_comparison`. Names are matched case-insensitively (exact, then
 * "contains"); when several areas share a name the locality is chosen first, then priority area, district,
 * county and ward, and the others are returned so the caller can say how to pick them.
 */
import { UsageError } from "../../../models/errors.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { AREA_POPULATION_SQL } from "./area-population.ts";

export const PROFILE_TYPES = ["locality", "priority", "district", "county", "ward19"] as const;
export type ProfileType = (typeof PROFILE_TYPES)[number];

export interface ProfileArea {
  code: string;
  name: string;
  type: ProfileType;
  illustrative: boolean;
  districtCode: string | null;
  districtName: string | null;
  countyCode: string | null;
  countyName: string | null;
  population: number | null;
  populationPeriod: string | null;
  definition: string | null;
  members: string[];
  /** "Wards (2019)" or "LSOAs (2011)": what `members` lists. */
  memberType: string;
}

const TYPE_ORDER = `CASE a.type ${PROFILE_TYPES.map((t, i) => `WHEN '${t}' THEN ${i}`).join(" ")} END`;

const CANDIDATES_SQL = `
SELECT a.code, a.name, a.type FROM area a
WHERE a.type IN (${PROFILE_TYPES.map((t) => `'${t}'`).join(", ")})
  AND EXISTS (SELECT 1 FROM indicator_comparison c WHERE c.area_code = a.code AND c.area_type = a.type)
  AND (CAST($type AS VARCHAR) IS NULL OR a.type = CAST($type AS VARCHAR))`;

/** Resolves a code or name to one area; `others` lists further areas with the same name. */
export async function findProfileArea(
  warehouse: Warehouse,
  query: string,
  type: ProfileType | null,
): Promise<{ code: string; type: ProfileType; others: { code: string; name: string; type: string }[] }> {
  const parameters = { query: query.trim(), type };
  type Candidate = { code: string; name: string; type: ProfileType };
  const order = `ORDER BY ${TYPE_ORDER}, a.code`;
  let matches = await warehouse.rows<Candidate>(
    `${CANDIDATES_SQL} AND (lower(a.code) = lower($query) OR lower(a.name) = lower($query)) ${order}`,
    parameters,
  );
  if (matches.length === 0) {
    matches = await warehouse.rows<Candidate>(
      `${CANDIDATES_SQL} AND contains(lower(a.name), lower($query)) ${order}`,
      parameters,
    );
  }
  if (matches.length === 0) {
    throw new UsageError(
      `no profile-able area matches "${query}"${type ? ` (type ${type})` : ""}`,
      "`ntg profile --list` shows the localities, priority areas, districts, county and wards with profiles.",
    );
  }
  const [first, ...others] = matches;
  return { code: first!.code, type: first!.type, others };
}

/** The header facts of an area: parents, population (latest mid-year estimate), definition and members. */
export async function describeProfileArea(
  warehouse: Warehouse,
  code: string,
  type: ProfileType,
): Promise<ProfileArea> {
  const [row] = await warehouse.rows<
    Omit<ProfileArea, "members" | "memberType" | "type"> & { type: ProfileType }
  >(
    `WITH population AS (SELECT * FROM (${AREA_POPULATION_SQL}) WHERE area_code = $code AND area_type = $type)
     SELECT a.code, a.name, a.type, a.illustrative,
            (SELECT min(l.parent) FROM area_link l WHERE l.child = a.code AND l.child_type = a.type AND l.parent_type = 'district') AS "districtCode",
            (SELECT min(l.parent) FROM area_link l WHERE l.child = a.code AND l.child_type = a.type AND l.parent_type = 'county') AS "countyCode",
            NULL AS "districtName", NULL AS "countyName",
            (SELECT population FROM population) AS population, (SELECT period FROM population) AS "populationPeriod",
            CASE WHEN a.illustrative THEN s.title END AS definition
     FROM area a LEFT JOIN source s ON s.id = a.source WHERE a.code = $code AND a.type = $type`,
    { code, type },
  );
  if (!row) throw new UsageError(`no area ${code} of type ${type}`);
  const nameOf = async (areaCode: string | null, areaType: string) =>
    areaCode
      ? ((await warehouse.scalar<string>("SELECT name FROM area WHERE code = $1 AND type = $2", [
          areaCode,
          areaType,
        ])) ?? null)
      : null;
  // Wards when the area is defined by wards, else the 2011 LSOAs that define it (e.g. a priority area).
  const members = await warehouse.rows<{ name: string; kind: string }>(
    `WITH children AS (
       SELECT l.child, l.child_type, coalesce(m.name, l.child) AS name FROM area_link l
       LEFT JOIN area m ON m.code = l.child AND m.type = l.child_type
       WHERE l.parent = $1 AND l.parent_type = $2 AND l.child_type IN ('ward19', 'lsoa11'))
     SELECT CASE WHEN child_type = 'lsoa11' THEN name || ' (' || child || ')' ELSE name END AS name, child_type AS kind
     FROM children
     WHERE child_type = CASE WHEN EXISTS (SELECT 1 FROM children WHERE child_type = 'ward19') THEN 'ward19' ELSE 'lsoa11' END
     ORDER BY name`,
    [code, type],
  );
  return {
    ...row,
    districtName: await nameOf(row.districtCode, "district"),
    countyName: await nameOf(row.countyCode, "county"),
    members: type === "locality" || type === "priority" ? members.map((m) => m.name) : [],
    memberType: members[0]?.kind === "lsoa11" ? "LSOAs (2011)" : "Wards (2019)",
  };
}

/** Every profile-able area with its district and population, for `ntg profile --list`. */
export async function listProfileAreas(warehouse: Warehouse, type: ProfileType | null) {
  return warehouse.table(
    `WITH population AS (${AREA_POPULATION_SQL}),
     profiled AS (SELECT DISTINCT area_code, area_type FROM indicator_comparison)
     SELECT a.code, a.name, a.type,
            (SELECT min(d.name) FROM area_link l JOIN area d ON d.code = l.parent AND d.type = 'district'
             WHERE l.child = a.code AND l.child_type = a.type AND l.parent_type = 'district') AS district,
            round(p.population)::INTEGER AS population, p.period AS population_period, a.illustrative,
            (SELECT count(DISTINCT indicator)::INTEGER FROM indicator_comparison c WHERE c.area_code = a.code AND c.area_type = a.type) AS indicators
     FROM area a JOIN profiled x ON x.area_code = a.code AND x.area_type = a.type
     LEFT JOIN population p ON p.area_code = a.code AND p.area_type = a.type
     WHERE a.type IN (${PROFILE_TYPES.map((t) => `'${t}'`).join(", ")}) AND (CAST($type AS VARCHAR) IS NULL OR a.type = CAST($type AS VARCHAR))
     ORDER BY ${TYPE_ORDER}, a.code`,
    { type },
  );
}
