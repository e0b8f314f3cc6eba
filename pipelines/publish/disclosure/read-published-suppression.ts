/**
 * The one part of disclosure control that reads the warehouse: the area hierarchy of the county the
 * outputs are about, and its indicator counts (localities, districts, the county, England, and every
 * other district in England, with which the county's districts are compared), protected
 * once together so that every output — each site page, its CSV and Parquet files, `ntg profile`,
 * `ntg indicator`, the quarterly report — hides the same cells. Outputs then protect their own rows with
 * this set as already hidden (`protect-result.ts`).
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { type AreaHierarchy, EMPTY_HIERARCHY } from "./area-totals.ts";
import type { DisclosureSettings } from "./disclosure-settings.ts";
import type { DisclosureSummary, TableRow } from "./disclosure-types.ts";
import { type IndicatorCountRow, indicatorCountTables } from "./indicator-cells.ts";
import type { ProtectionContext } from "./protect-result.ts";
import { protectTables } from "./protect-tables.ts";

export const ENGLAND_CODE = "E92000001";

export interface PublishedSuppression extends ProtectionContext {
  /** The indicator counts protected (primary: 1 to threshold−1; secondary: to stop recovery from totals). */
  summary: DisclosureSummary;
}

export interface SuppressionScope {
  /** The county the outputs are about; default: the county holding the localities. */
  countyCode?: string | null;
  /** More areas whose counts an output shows (e.g. the wards of `ntg indicator --level ward`). */
  extraAreas?: ExtraAreas[];
}

export interface ExtraAreas {
  type: string;
  codes: readonly string[];
  /** Only this indicator's counts. */
  indicator?: string;
  /** The areas make up the county (wards, LSOAs), whose count is published: they add up to it. */
  partOfCounty?: boolean;
}

async function hasTables(warehouse: Warehouse, names: string[]): Promise<boolean> {
  const found = await warehouse.scalar<number>(
    `SELECT count(DISTINCT name)::INTEGER FROM (
       SELECT table_name AS name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views())
     WHERE name IN (${names.map((_, i) => `$${i + 1}`).join(", ")})`,
    names,
  );
  return found === names.length;
}

/** The county holding the localities (else the only county in the lookups), or null. */
export async function outputCounty(warehouse: Warehouse): Promise<string | null> {
  if (!(await hasTables(warehouse, ["area_link"]))) return null;
  return (
    (await warehouse.scalar<string>(
      `SELECT parent FROM area_link WHERE child_type = 'locality' AND parent_type = 'county'
       GROUP BY parent ORDER BY count(*) DESC, parent LIMIT 1`,
    )) ?? null
  );
}

/** Localities and districts of the county with their parents. */
export async function readAreaHierarchy(warehouse: Warehouse, county: string | null): Promise<AreaHierarchy> {
  if (!county || !(await hasTables(warehouse, ["area_link"]))) return EMPTY_HIERARCHY;
  const links = await warehouse.rows<{
    child: string;
    child_type: string;
    parent: string;
    parent_type: string;
  }>(
    `WITH scope AS (
       SELECT child FROM area_link WHERE parent = $1 AND child_type IN ('locality', 'district'))
     SELECT DISTINCT child, child_type, parent, parent_type FROM area_link
     WHERE child IN (SELECT child FROM scope) AND child_type IN ('locality', 'district')
       AND parent_type IN ('district', 'county')
     ORDER BY child, parent`,
    [county],
  );
  const typeOf = new Map<string, string>([[county, "county"]]);
  const parentOf = new Map<string, string>();
  const countyOf = new Map<string, string>();
  const childrenOf = new Map<string, { locality: string[]; district: string[] }>();
  for (const link of links) {
    typeOf.set(link.child, link.child_type);
    if (link.parent_type === "county") countyOf.set(link.child, link.parent);
    const direct =
      (link.child_type === "locality" && link.parent_type === "district") ||
      (link.child_type === "district" && link.parent_type === "county");
    if (direct) parentOf.set(link.child, link.parent);
    if (direct || link.parent_type === "county") {
      const children = childrenOf.get(link.parent) ?? { locality: [], district: [] };
      (link.child_type === "locality" ? children.locality : children.district).push(link.child);
      childrenOf.set(link.parent, children);
    }
  }
  return { typeOf, parentOf, countyOf, childrenOf };
}

/** Reads and protects the indicator counts of the county's published areas. */
export async function readPublishedSuppression(
  warehouse: Warehouse,
  settings: DisclosureSettings,
  scope: SuppressionScope = {},
): Promise<PublishedSuppression> {
  const countyCode = scope.countyCode === undefined ? await outputCounty(warehouse) : scope.countyCode;
  const hierarchy = await readAreaHierarchy(warehouse, countyCode);
  const base = { ...settings, hierarchy, countyCode, englandCode: ENGLAND_CODE };
  if (!(await hasTables(warehouse, ["indicator_value"])))
    return { ...base, hidden: new Set(), summary: { ...settings, primary: 0, secondary: 0, dependent: 0 } };
  const codes = [...hierarchy.typeOf.keys()];
  const extra = (scope.extraAreas ?? []).filter((area) => area.codes.length > 0);
  const parameters: string[] = [];
  const list = (values: readonly string[]) =>
    `(${values.map((value) => `$${parameters.push(value)}`).join(", ")})`;
  const conditions = [
    `area_type = 'country' AND area_code = $${parameters.push(ENGLAND_CODE)}`,
    // Every district in England: the county's districts are compared with them (ranks, peer ranges).
    "area_type = 'district'",
    ...(codes.length > 0 ? [`area_type IN ('locality', 'county') AND area_code IN ${list(codes)}`] : []),
    ...extra.map(
      (area) =>
        `area_type = $${parameters.push(area.type)} AND area_code IN ${list(area.codes)}${
          area.indicator ? ` AND indicator = $${parameters.push(area.indicator)}` : ""
        }`,
    ),
  ];
  // A warehouse without counts (some columns absent) simply has none to suppress.
  const present = new Set(
    (await warehouse.rows<{ column_name: string }>("DESCRIBE indicator_value")).map((row) => row.column_name),
  );
  const missing = ["sex", "age", "numerator", "denominator"].filter((name) => !present.has(name));
  const rows = await warehouse.rows<IndicatorCountRow>(
    `SELECT DISTINCT indicator, area_code, area_type, period, coalesce(sex, 'Persons') AS sex,
            coalesce(age, 'All ages') AS age, numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator
     FROM (SELECT *${missing.map((name) => `, NULL AS ${name}`).join("")} FROM indicator_value)
     WHERE (numerator IS NOT NULL OR denominator IS NOT NULL) AND ((${conditions.join(") OR (")}))
     ORDER BY indicator, period, sex, age, area_code`,
    parameters,
  );
  const tables = indicatorCountTables(rows, hierarchy);
  const parts = new Set(
    extra
      .filter((area) => area.partOfCounty)
      .flatMap((area) => area.codes.map((code) => `${area.type}|${code}`)),
  );
  const partRows = rows.filter((row) => parts.has(`${row.area_type}|${row.area_code}`));
  if (partRows.length > 0) {
    const counts = ["numerator", "denominator"];
    const group = (row: TableRow) =>
      [row.indicator, row.period, row.sex, row.age, row.area_type].map(String).join("|");
    tables.push({
      ...tables[0]!,
      name: "areas making up the county",
      rows: partRows,
      totals: [{ kind: "rows", columns: counts, partOf: group, totalOf: () => null, externalTotal: true }],
    });
  }
  const result = protectTables(tables, settings);
  return { ...base, hidden: result.hidden, summary: result.summary };
}
