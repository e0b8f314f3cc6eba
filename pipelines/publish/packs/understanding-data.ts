/**
 * Stage 1 of the delivery planning standard, the numbers: how deprived the focus areas are (IMD summary
 * measures), how that changed over the editions 2004–2025, and the small areas where it is worst. Each
 * table is read from the warehouse as it is; disclosure control comes later, on all tables at once.
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { areasWithRoles, ROLE_LABELS, type RoleArea } from "./area-roles.ts";
import type { PackContext } from "./pack-context.ts";
import { hasTables, sqlList } from "./pack-sql.ts";
import { col, type PackTable } from "./pack-table.ts";

function withRoles<T extends Record<string, unknown>>(rows: T[], areas: RoleArea[]): T[] {
  const position = new Map(areas.map((area, index) => [area.code, index]));
  return rows
    .filter((row) => position.has(String(row.area_code)))
    .map((row) => ({ ...row, role: ROLE_LABELS[areas[position.get(String(row.area_code))!]!.role] }))
    .sort(
      (a, b) =>
        position.get(String(a.area_code))! - position.get(String(b.area_code))! ||
        Number(a.edition ?? 0) - Number(b.edition ?? 0),
    );
}

export async function deprivationSummaryTable(
  warehouse: Warehouse,
  context: PackContext,
): Promise<PackTable | null> {
  if (!hasTables(context.tables, "deprivation_summary")) return null;
  const areas = areasWithRoles(context, { localities: context.plan.focus.level === "priority" });
  const edition = context.plan.deprivation.edition;
  const rows = await warehouse.rows(
    `SELECT area_code, area_name, area_type, population, average_score, rank_of_average_score, peer_count,
            proportion_most_deprived_10, proportion_most_deprived_20, extent, local_concentration,
            income_scale, employment_scale, lsoa_count, illustrative
     FROM deprivation_summary WHERE edition = $1 AND index_id = 'imd' AND area_code IN ${sqlList(areas.map((a) => a.code))}`,
    [edition],
  );
  return {
    id: "deprivation-summary",
    title: `Deprivation in the focus areas (IMD ${edition})`,
    description: `Index of Multiple Deprivation ${edition} summary measures (METHODS.md §5): population-weighted average score (higher is more deprived) and its rank among peers (1 = most deprived), share of small areas among the most deprived 10% and 20% in England, extent (share of people in the most deprived 30%, tapered), local concentration, and the numbers of people income and employment deprived.`,
    columns: [
      col("area_name", "Area"),
      col("role", "Role"),
      col("area_code", "Code", "text", { show: false }),
      col("area_type", "Type", "text", { show: false }),
      col("population", "Population", "count"),
      col("average_score", "Average IMD score", "number", { decimals: 1 }),
      col("rank_of_average_score", "Rank (1 = most deprived)", "number", { decimals: 0 }),
      col("peer_count", "of", "number", { decimals: 0 }),
      col("proportion_most_deprived_20", "Small areas in most deprived 20%", "share"),
      col("proportion_most_deprived_10", "LSOAs in most deprived 10%", "share", { show: false }),
      col("extent", "Extent", "share"),
      col("local_concentration", "Local concentration", "number", { decimals: 0, show: false }),
      col("income_scale", "People income deprived", "count"),
      col("employment_scale", "People employment deprived", "count"),
      col("lsoa_count", "LSOAs", "number", { decimals: 0, show: false }),
      col("illustrative", "Illustrative definition", "flag", { show: false }),
    ],
    rows: withRoles(rows, areas),
  };
}

export async function deprivationTrendTable(
  warehouse: Warehouse,
  context: PackContext,
): Promise<PackTable | null> {
  if (!hasTables(context.tables, "deprivation_trend")) return null;
  const areas = areasWithRoles(context, { districts: false });
  const rows = await warehouse.rows(
    `SELECT area_code, area_name, area_type, edition, lsoa_count, lsoas_most_deprived_20,
            share_lsoas_most_deprived_20, people_most_deprived_20, average_inverted_rank_percentile,
            relative_position_change
     FROM deprivation_trend WHERE area_code IN ${sqlList(areas.map((a) => a.code))}`,
  );
  return {
    id: "deprivation-trend",
    title: "Deprivation over time: small areas among the most deprived 20% in England, IMD 2004–2025",
    description:
      "For each edition of the Index of Multiple Deprivation: the focus areas' small areas (LSOAs) among the most deprived 20% nationally, the people living in them (2015 and 2019, when populations are published), and the average national position (percentile of inverted rank; higher is more deprived). Boundaries changed in 2011 and 2021, so counts of LSOAs are of each edition's own LSOAs.",
    columns: [
      col("area_name", "Area"),
      col("area_code", "Code", "text", { show: false }),
      col("area_type", "Type", "text", { show: false }),
      col("role", "Role", "text", { show: false }),
      col("edition", "Edition", "text"),
      col("lsoa_count", "LSOAs", "number", { decimals: 0 }),
      col("lsoas_most_deprived_20", "In most deprived 20%", "number", { decimals: 0 }),
      col("share_lsoas_most_deprived_20", "Share", "share"),
      col("people_most_deprived_20", "People in them", "count"),
      col("average_inverted_rank_percentile", "Average position (percentile)", "number", { decimals: 1 }),
      col("relative_position_change", "Over the editions", "text", { show: false }),
    ],
    rows: withRoles(rows, areas).map((row) => ({ ...row, edition: String(row.edition) })),
    htmlRowLimit: 36,
  };
}

/** The focus areas' small areas with their IMD rank and decile (the map's data). */
export async function smallAreaDeprivationTable(
  warehouse: Warehouse,
  context: PackContext,
): Promise<PackTable | null> {
  if (!hasTables(context.tables, "deprivation", "area_link")) return null;
  const edition = context.plan.deprivation.edition;
  const rows = await warehouse.rows(
    `SELECT l.child AS area_code, coalesce(a.name, l.child) AS area_name, l.parent AS part_of,
            coalesce(p.name, l.parent) AS part_of_name, d.score, d.rank, d.decile
     FROM area_link l
     JOIN deprivation d ON d.lsoa = l.child AND d.lsoa_type = 'lsoa11' AND d.edition = $1 AND d.domain = 'imd'
     LEFT JOIN area a ON a.code = l.child AND a.type = 'lsoa11'
     LEFT JOIN area p ON p.code = l.parent AND p.type = l.parent_type
     WHERE l.child_type = 'lsoa11' AND l.parent IN ${sqlList(context.focus.map((a) => a.code))}
     ORDER BY d.rank, l.child`,
    [edition],
  );
  return {
    id: "small-areas",
    title: `Small areas (LSOAs) of the focus areas by national deprivation (IMD ${edition}), most deprived first`,
    description: `Every 2011 LSOA of the focus areas with its IMD ${edition} score, national rank (1 = most deprived of ${edition >= 2015 ? "32,844" : "32,482"}) and decile (1 = most deprived 10%).`,
    columns: [
      col("area_code", "LSOA"),
      col("area_name", "Name"),
      col("part_of_name", "Focus area"),
      col("part_of", "Focus area code", "text", { show: false }),
      col("score", "IMD score", "number", { decimals: 1 }),
      col("rank", "National rank", "number", { decimals: 0 }),
      col("decile", "Decile", "number", { decimals: 0 }),
    ],
    rows,
    htmlRowLimit: context.smallAreas ? 40 : 15,
  };
}
