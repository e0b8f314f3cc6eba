/**
 * The places a pack is about, resolved against the warehouse once: the focus areas of the plan, the area
 * they make up together (the headline area: the `within` area, the one focus area, or the county), the
 * home county and England as comparators, the districts and localities they sit in, and the level at which
 * "where to intervene" ranks areas (the focus areas themselves, or the small areas of a priority area).
 */
import { SchemaError } from "../../../models/errors.ts";
import { displayPath } from "../../config/read-yaml-config.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { sqlList } from "./pack-sql.ts";
import type { LoadedPlan } from "./read-plans.ts";

export interface PackArea {
  code: string;
  name: string;
  type: string;
  illustrative: boolean;
}

export interface PackContext {
  plan: LoadedPlan;
  county: PackArea;
  england: PackArea | null;
  focus: PackArea[];
  headline: PackArea;
  districts: PackArea[];
  /** Every district of the county (context for indicators published for districts only). */
  countyDistricts: PackArea[];
  /** The district and county of each locality and district of the county (for totals in tables). */
  parentOf: Map<string, { district?: string; county?: string }>;
  /** Localities that hold the focus areas' small areas (for priority areas and districts). */
  localities: PackArea[];
  /** Area type ranked in "where to intervene": the focus level, or lsoa11 inside a priority area. */
  rankingLevel: string;
  smallAreas: boolean;
  /** Whether any area shown is a local, illustrative definition. */
  illustrative: boolean;
  tables: ReadonlySet<string>;
}

const AREA_COLUMNS = "a.code, coalesce(a.name, a.code) AS name, a.type, a.illustrative";

async function areasWhere(warehouse: Warehouse, where: string, parameters: string[]): Promise<PackArea[]> {
  return warehouse.rows<PackArea & Record<string, unknown>>(
    `SELECT DISTINCT ${AREA_COLUMNS} FROM area a WHERE ${where} ORDER BY a.code`,
    parameters,
  );
}

function planProblem(plan: LoadedPlan, message: string): SchemaError {
  return new SchemaError(
    `${displayPath(plan.file)}: focus: ${message}`,
    "`ntg profile --list` lists the areas the warehouse knows.",
  );
}

/**
 * The county of the focus areas (or the plan's county): the county the first focus area belongs to, else
 * the county holding most localities (the home county of the local definitions).
 */
async function countyOf(warehouse: Warehouse, plan: LoadedPlan, focus: PackArea[]): Promise<PackArea> {
  const explicit = plan.focus.level === "county" ? (plan.focus.areas?.[0] ?? plan.focus.within) : undefined;
  const [county] = explicit
    ? await areasWhere(warehouse, "a.type = 'county' AND a.code = $1", [explicit])
    : await areasWhere(
        warehouse,
        `a.type = 'county' AND a.code = coalesce(
           (SELECT min(parent) FROM area_link WHERE parent_type = 'county' AND child = $1),
           (SELECT parent FROM area_link WHERE child_type = 'locality' AND parent_type = 'county'
            GROUP BY parent ORDER BY count(*) DESC, parent LIMIT 1))`,
        [focus[0]?.code ?? ""],
      );
  if (!county)
    throw planProblem(
      plan,
      explicit ? `unknown county "${explicit}"` : "no county found for the focus areas",
    );
  return county;
}

async function focusAreas(warehouse: Warehouse, plan: LoadedPlan): Promise<PackArea[]> {
  const { level, areas, within } = plan.focus;
  if (level === "county") return [];
  if (within) {
    const found = await areasWhere(
      warehouse,
      "(a.code, a.type) IN (SELECT (child, child_type) FROM area_link WHERE parent = $1 AND child_type = $2)",
      [within, level],
    );
    if (found.length === 0) throw planProblem(plan, `no ${level} areas within "${within}"`);
    return found;
  }
  const found = await areasWhere(warehouse, `a.type = $1 AND a.code IN ${sqlList(areas ?? [])}`, [level]);
  const missing = (areas ?? []).filter((code) => !found.some((area) => area.code === code));
  if (missing.length > 0)
    throw planProblem(plan, `unknown ${level} ${missing.map((c) => `"${c}"`).join(", ")}`);
  return (areas ?? []).map((code) => found.find((area) => area.code === code)!);
}

/** Resolves a plan's places; throws SchemaError (naming the plan file) for unknown areas. */
export async function resolvePackContext(warehouse: Warehouse, plan: LoadedPlan): Promise<PackContext> {
  const listed = await focusAreas(warehouse, plan);
  const county = await countyOf(warehouse, plan, listed);
  const focus = plan.focus.level === "county" ? [county] : listed;
  const codes = focus.map((area) => area.code);
  const [withinArea] = plan.focus.within
    ? await areasWhere(warehouse, "a.code = $1 AND a.type <> 'lsoa11'", [plan.focus.within])
    : [];
  const headline = withinArea ?? (focus.length === 1 ? focus[0]! : county);
  const parents = (type: string) =>
    areasWhere(
      warehouse,
      `a.type = $1 AND a.code IN (SELECT parent FROM area_link WHERE parent_type = $1 AND child IN (
         SELECT child FROM area_link WHERE child_type = 'lsoa11' AND parent IN ${sqlList(codes)}))`,
      [type],
    );
  const [england] = await areasWhere(warehouse, "a.type = 'country' AND a.code = 'E92000001'", []);
  const tables = await warehouse.rows<{ name: string }>(
    "SELECT table_name AS name FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views() WHERE NOT internal",
  );
  const level = plan.focus.level;
  const districts = level === "district" ? focus : await parents("district");
  const localities = level === "locality" ? focus : await parents("locality");
  const countyDistricts = await areasWhere(
    warehouse,
    "a.type = 'district' AND a.code IN (SELECT child FROM area_link WHERE parent = $1 AND child_type = 'district')",
    [county.code],
  );
  const links = await warehouse.rows<{ child: string; parent_type: "district" | "county"; parent: string }>(
    `SELECT child, parent_type, parent FROM area_link
     WHERE child_type IN ('locality', 'district') AND parent_type IN ('district', 'county')
       AND child IN (SELECT child FROM area_link WHERE parent = $1)`,
    [county.code],
  );
  const parentOf = new Map<string, { district?: string; county?: string }>();
  for (const link of links)
    parentOf.set(link.child, { ...parentOf.get(link.child), [link.parent_type]: link.parent });
  return {
    plan,
    county,
    countyDistricts,
    parentOf,
    england: england ?? null,
    focus,
    headline,
    districts,
    localities,
    rankingLevel: level === "priority" ? "lsoa11" : level === "county" ? "locality" : level,
    smallAreas: plan.smallAreas ?? level === "priority",
    illustrative: [...focus, ...localities].some((area) => area.illustrative),
    tables: new Set(tables.map((row) => row.name)),
  };
}
