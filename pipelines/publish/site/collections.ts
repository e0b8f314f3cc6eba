/**
 * Template expansion: a notebook with `for:` becomes one page per row of a collection. The built-in
 * collections are the county's localities and districts (bound as `area`: code, name, type, illustrative,
 * district_code, district_name) and the indicators with data for the county (bound as `indicator`: the
 * catalogue row; from `indicator_value` when it exists, so derived rates get pages too). A
 * custom collection is any query (`for: { as: name, sql: ... }`). Each page's path comes from the `path:`
 * pattern with every `${…}` value slugged.
 */
import { SchemaError } from "../../../models/errors.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { CollectionName, Expansion } from "./front-matter.ts";
import type { SiteInfo } from "./site-context.ts";

const AREA_COLUMNS = `a.code, coalesce(a.name, a.code) AS name, a.type, a.illustrative`;

function collectionSql(
  collection: CollectionName,
  info: SiteInfo,
  tables: Set<string>,
): { sql: string; values: string[] } {
  const county = info.county?.code;
  if (collection === "locality") {
    return {
      sql: `SELECT ${AREA_COLUMNS}, d.code AS district_code, coalesce(d.name, d.code) AS district_name
            FROM area a
            LEFT JOIN area_link l ON l.child = a.code AND l.child_type = 'locality' AND l.parent_type = 'district'
            LEFT JOIN area d ON d.code = l.parent AND d.type = 'district'
            WHERE a.type = 'locality' ${county ? "AND a.code IN (SELECT child FROM area_link WHERE parent = $1 AND child_type = 'locality')" : ""}
            ORDER BY a.code`,
      values: county ? [county] : [],
    };
  }
  if (collection === "district") {
    return {
      sql: `SELECT ${AREA_COLUMNS}, a.code AS district_code, coalesce(a.name, a.code) AS district_name
            FROM area a
            WHERE a.type = 'district' AND a.code IN (SELECT child FROM area_link WHERE parent = $1 AND child_type = 'district')
            ORDER BY a.code`,
      values: [county ?? ""],
    };
  }
  // Derived indicators (rates computed from IoD numerators) exist only in indicator_value, when it is built.
  const values = tables.has("indicator_value") ? "indicator_value" : "observation";
  return {
    sql: `SELECT i.* FROM indicator i
          WHERE i.id IN (SELECT DISTINCT indicator FROM ${values}
                         WHERE area_code IN (SELECT child FROM area_link WHERE parent = $1) OR area_code = $1)
          ORDER BY i.theme, i.name`,
    values: [county ?? ""],
  };
}

/** The values a template expands over, in page order. */
export async function expansionRows(
  warehouse: Warehouse,
  expansion: Expansion,
  info: SiteInfo,
  tables: Set<string>,
  file: string,
): Promise<Record<string, unknown>[]> {
  if (expansion.sql) {
    try {
      return await warehouse.rows(expansion.sql);
    } catch (error) {
      throw new SchemaError(`${file}: for.sql failed: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  const rows: Record<string, unknown>[] = [];
  for (const collection of expansion.collections) {
    const { sql, values } = collectionSql(collection, info, tables);
    rows.push(...(await warehouse.rows(sql, values)));
  }
  return rows.map((row) => Object.freeze(row));
}
