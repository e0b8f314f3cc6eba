/**
 * Households by the number of dimensions of deprivation they have (Census; employment, education, health
 * and disability, housing): the pack's two-way table of counts. Within a row the dimensions add up to all
 * households; down the table, the small areas add up to their focus area (and focus areas to the whole
 * area), so small counts (often 1–4 households deprived in all four dimensions in an LSOA) need secondary
 * suppression across both. Cells share keys with the indicator tables, so a count hidden here is hidden
 * wherever else it appears.
 */

import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { TableRow } from "../disclosure/index.ts";
import { areasWithRoles, nestingTotals, ROLE_LABELS } from "./area-roles.ts";
import type { PackContext } from "./pack-context.ts";
import { hasTables, sqlList } from "./pack-sql.ts";
import { col, indicatorCountKey, type PackTable } from "./pack-table.ts";

const DIMENSIONS: [column: string, indicator: string, label: string][] = [
  ["not_deprived", "census-households-not-deprived", "Not deprived"],
  ["one", "census-households-deprived-1-dimension", "1 dimension"],
  ["two", "census-households-deprived-2-dimensions", "2 dimensions"],
  ["three", "census-households-deprived-3-dimensions", "3 dimensions"],
  ["four", "census-households-deprived-4-dimensions", "4 dimensions"],
  ["one_or_more", "census-households-deprived-1-or-more-dimensions", "1 or more"],
];
/** Types of the areas named in a plan (small areas come through area_link). */
const AREA_TYPES = ["locality", "priority", "district", "county", "country"];
const COUNT_COLUMNS = [...DIMENSIONS.map(([column]) => column), "households"];
const INDICATOR_OF = new Map(DIMENSIONS.map(([column, indicator]) => [column, indicator]));

function cellKey(row: TableRow, column: string): string {
  const indicator = INDICATOR_OF.get(column) ?? "census-households-not-deprived";
  return indicatorCountKey(
    indicator,
    String(row.area_code),
    String(row.area_type),
    String(row.period),
    column === "households" ? "denominator" : "numerator",
  );
}

export async function householdDeprivationTable(
  warehouse: Warehouse,
  context: PackContext,
): Promise<PackTable | null> {
  if (!hasTables(context.tables, "indicator_value", "area_link")) return null;
  const period = await warehouse.scalar<string>(
    `SELECT max(period) FROM indicator_value WHERE indicator = 'census-households-not-deprived' AND area_code = $1`,
    [context.county.code],
  );
  if (!period) return null;
  const areas = areasWithRoles(context);
  const focusCodes = context.focus.map((area) => area.code);
  const pivot = DIMENSIONS.map(
    ([column, indicator]) => `max(CASE WHEN v.indicator = '${indicator}' THEN v.numerator END) AS ${column}`,
  ).join(", ");
  const smallAreas = context.smallAreas
    ? `UNION ALL SELECT l.child, l.child_type, l.parent, l.weight FROM area_link l
       WHERE l.parent IN ${sqlList(focusCodes)} AND l.child_type IN ('lsoa11', 'lsoa21')`
    : "";
  const rows = await warehouse.rows(
    `WITH wanted(area_code, area_type, part_of, weight) AS (
       SELECT code, type, NULL::VARCHAR, NULL::DOUBLE FROM area
       WHERE code IN ${sqlList(areas.map((area) => area.code))} AND type IN ${sqlList(AREA_TYPES)} ${smallAreas})
     SELECT w.area_code, coalesce(a.name, a11.name, w.area_code) AS area_name, w.area_type, w.part_of, w.weight,
            v.period, ${pivot}, max(v.denominator) AS households
     FROM wanted w JOIN indicator_value v ON v.area_code = w.area_code AND v.area_type = w.area_type
     LEFT JOIN area a ON a.code = w.area_code AND a.type = w.area_type
     LEFT JOIN area a11 ON a11.code = w.area_code AND a11.type = 'lsoa11'
     WHERE v.period = $1 AND v.indicator LIKE 'census-households-%' AND v.sex = 'Persons'
     GROUP BY ALL`,
    [period],
  );
  const roleOf = new Map(areas.map((area) => [area.code, area.role]));
  const order = (row: Record<string, unknown>) => {
    const focusIndex = focusCodes.indexOf(String(row.part_of ?? row.area_code));
    if (focusIndex >= 0) return focusIndex * 2 + (row.part_of ? 1 : 0);
    return 1000 + areas.findIndex((area) => area.code === row.area_code);
  };
  const published = rows
    .map(
      (row): Record<string, unknown> => ({
        ...row,
        role: row.part_of ? "small area" : ROLE_LABELS[roleOf.get(String(row.area_code)) ?? "focus"],
        share_deprived: ratio(row.one_or_more, row.households),
        share_three_or_four: ratio(sum(row.three, row.four), row.households),
      }),
    )
    .sort((a, b) => order(a) - order(b) || String(a.area_code).localeCompare(String(b.area_code)));
  return {
    id: "household-deprivation",
    title: `Households by dimensions of deprivation (Census ${period})`,
    description: `Census ${period} households by the number of dimensions of deprivation (employment, education, health and disability, housing) they have, as counts and shares. Small areas are ${period === "2021" ? "2021" : "2011"} LSOAs best-fitted to the focus areas. Counts from 1 to ${context.plan.disclosure.threshold - 1} are suppressed, with other cells where they could be worked out from the totals.`,
    columns: [
      col("area_name", "Area"),
      col("role", "Role", "text", { show: false }),
      col("area_code", "Code", "text", { show: false }),
      col("area_type", "Type", "text", { show: false }),
      col("part_of", "Part of", "text", { show: false }),
      col("period", "Census", "text", { show: false }),
      ...DIMENSIONS.map(([column, , label]) => col(column, label, "count")),
      col("households", "Households", "count"),
      col("share_deprived", "% deprived in 1 or more", "share"),
      col("share_three_or_four", "% deprived in 3 or 4", "share"),
    ],
    rows: published,
    totals: [
      { kind: "columns", parts: ["one", "two", "three", "four"], total: "one_or_more" },
      { kind: "columns", parts: ["not_deprived", "one_or_more"], total: "households" },
      {
        kind: "rows",
        columns: COUNT_COLUMNS,
        partOf: (row) => (row.part_of ? `|${String(row.period)}|${String(row.part_of)}` : null),
        totalOf: (row) => (row.part_of ? null : `|${String(row.period)}|${String(row.area_code)}`),
        weight: (row) => (typeof row.weight === "number" ? row.weight : 1),
      },
      ...nestingTotals(context, published, COUNT_COLUMNS),
    ],
    dependents: [
      { column: "share_deprived", from: ["one_or_more", "households"] },
      { column: "share_three_or_four", from: ["three", "four", "households"] },
    ],
    cellKey,
    htmlRowLimit: 40,
  };
}

function sum(...values: unknown[]): number | null {
  return values.every((value) => typeof value === "number")
    ? (values as number[]).reduce((a, b) => a + b, 0)
    : null;
}

function ratio(numerator: unknown, denominator: unknown): number | null {
  return typeof numerator === "number" && typeof denominator === "number" && denominator > 0
    ? numerator / denominator
    : null;
}
