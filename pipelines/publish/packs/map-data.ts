/**
 * The map of stage 1: the focus areas' small areas (2011 LSOAs) coloured by national IMD decile, with the
 * focus areas' outlines dissolved from them. Deciles are not counts, so the map needs no suppression.
 */
import {
  dissolveBoundaries,
  type GeoFeature,
  type MapProperties,
} from "../../../notebooks/components/index.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { PackContext } from "./pack-context.ts";
import { hasTables, sqlList } from "./pack-sql.ts";

export interface PackMap {
  features: GeoFeature<MapProperties>[];
  outlines: GeoFeature[];
  /** What the outlines are ("Locality", "Priority area" …). */
  outlineLabel: string;
}

const OUTLINE_LABELS: Record<string, string> = {
  locality: "Locality",
  district: "District",
  priority: "Priority area",
  county: "County",
};

export async function readPackMap(warehouse: Warehouse, context: PackContext): Promise<PackMap | null> {
  if (!hasTables(context.tables, "boundary", "deprivation", "area_link")) return null;
  // A county-wide plan outlines its localities; other plans outline their focus areas.
  const outlineParents = context.plan.focus.level === "county" ? context.localities : context.focus;
  const rows = await warehouse.rows<{
    code: string;
    name: string;
    geometry: string;
    decile: number | null;
    parent: string;
  }>(
    `SELECT b.area_code AS code, coalesce(b.name, b.area_code) AS name, b.geometry, d.decile, min(l.parent) AS parent
     FROM boundary b
     JOIN area_link l ON l.child = b.area_code AND l.child_type = 'lsoa11' AND l.parent IN ${sqlList(outlineParents.map((a) => a.code))}
     LEFT JOIN deprivation d ON d.lsoa = b.area_code AND d.lsoa_type = 'lsoa11' AND d.edition = $1 AND d.domain = 'imd'
     WHERE b.area_type = 'lsoa11'
     GROUP BY ALL ORDER BY b.area_code`,
    [context.plan.deprivation.edition],
  );
  if (rows.length === 0) return null;
  const features: GeoFeature<MapProperties>[] = rows.map((row) => ({
    type: "Feature",
    properties: { code: row.code, name: row.name, value: row.decile },
    geometry: JSON.parse(row.geometry),
  }));
  const parentOf = new Map(rows.map((row) => [row.code, row.parent]));
  const nameOf = new Map(outlineParents.map((area) => [area.code, area.name]));
  const outlines = dissolveBoundaries(features, (code) => parentOf.get(code) ?? null).map((feature) => ({
    ...feature,
    properties: { code: feature.properties.code, name: nameOf.get(String(feature.properties.code)) ?? "" },
  }));
  const outlineType = context.plan.focus.level === "county" ? "locality" : context.plan.focus.level;
  return { features, outlines, outlineLabel: OUTLINE_LABELS[outlineType] ?? "Area" };
}
