/**
 * Stage 3 (where we are going) and the differential targets of stage 4, the numbers: the county targets
 * of the plan's target indicators (`target_check`), each area's forecast against its target with a RAG
 * status (`forecast`; METHODS.md §7), the series the forecasts were fitted to (`target_series`), and each
 * locality's or district's differential target (`target`; METHODS.md §6). These tables come from the
 * targets step; when they are absent, or hold nothing for the plan, the pack says so.
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { areasWithRoles, ROLE_LABELS, roleOrder } from "./area-roles.ts";
import type { PackContext } from "./pack-context.ts";
import { hasTables, sqlList } from "./pack-sql.ts";
import { col, type PackTable } from "./pack-table.ts";

export const EXAMPLE_TARGETS_NOTE =
  "EXAMPLE targets shipped with the tool to show the method, not agreed targets.";

export function forecastAreas(context: PackContext) {
  return areasWithRoles(context, { localities: true, england: false });
}

export function sortByRole<T extends Record<string, unknown>>(
  rows: T[],
  context: PackContext,
  indicators: string[],
): T[] {
  const roles = new Map(forecastAreas(context).map((area) => [area.code, area.role]));
  return rows
    .map((row) => ({ ...row, role: ROLE_LABELS[roles.get(String(row.area_code)) ?? "focus"] }))
    .sort(
      (a, b) =>
        indicators.indexOf(String(a.indicator)) - indicators.indexOf(String(b.indicator)) ||
        roleOrder(roles.get(String(a.area_code)) ?? "") - roleOrder(roles.get(String(b.area_code)) ?? "") ||
        String(a.area_code).localeCompare(String(b.area_code)),
    );
}

export async function targetsTable(warehouse: Warehouse, context: PackContext): Promise<PackTable | null> {
  if (!hasTables(context.tables, "target_check") || context.plan.targets.length === 0) return null;
  const rows = await warehouse.rows(
    `SELECT indicator, indicator_name, example, level, method, narrow_by, baseline_period, county_baseline,
            target_period, county_target, baseline_gap, target_gap, notes
     FROM target_check WHERE indicator IN ${sqlList(context.plan.targets)}`,
  );
  if (rows.length === 0) return null;
  return {
    id: "targets",
    title: "County targets and how the differential targets were set",
    description: `The county baseline and target of each target indicator, the level of the differential targets, the method (e.g. narrow each area's gap to the county by a fraction) and the gap at baseline and at target. ${rows.some((row) => row.example) ? EXAMPLE_TARGETS_NOTE : ""}`,
    columns: [
      col("indicator_name", "Indicator"),
      col("indicator", "Indicator id", "text", { show: false }),
      col("example", "Example", "flag"),
      col("level", "Targets for"),
      col("method", "Method"),
      col("narrow_by", "Gap narrowed by", "share"),
      col("baseline_period", "Baseline period"),
      col("county_baseline", "County baseline", "value"),
      col("target_period", "Target period"),
      col("county_target", "County target", "value"),
      col("baseline_gap", "Gap at baseline", "value", { show: false }),
      col("target_gap", "Gap at target", "value", { show: false }),
      col("notes", "Notes", "text", { show: false }),
    ],
    rows: context.plan.targets.flatMap((id) => rows.filter((row) => row.indicator === id)),
  };
}

export async function forecastsTable(warehouse: Warehouse, context: PackContext): Promise<PackTable | null> {
  if (!hasTables(context.tables, "forecast") || context.plan.targets.length === 0) return null;
  const areas = forecastAreas(context);
  const rows = await warehouse.rows(
    `SELECT indicator, indicator_name, example, area_code, area_name, area_type, target_kind, baseline_period,
            baseline, latest_period, latest, target_period, target, points_used, achieved_annual_change,
            required_annual_change, projected, projected_lower, projected_upper, status, status_reason,
            gap_to_county_latest, gap_projected_to_narrow, notes
     FROM forecast WHERE indicator IN ${sqlList(context.plan.targets)} AND area_code IN ${sqlList(areas.map((a) => a.code))}`,
  );
  if (rows.length === 0) return null;
  return {
    id: "forecasts",
    title: "Forecasts against target",
    description: `The trend over the latest points projected to the target period with a 95% prediction interval (METHODS.md §7): on track when the target is met even at the pessimistic end of the interval, at risk when the target lies inside it, off track otherwise; "cannot be calculated" with fewer than three points. Required and achieved annual change side by side; whether the gap to the county is projected to narrow. ${rows.some((row) => row.example) ? EXAMPLE_TARGETS_NOTE : ""}`,
    columns: [
      col("indicator_name", "Indicator"),
      col("indicator", "Indicator id", "text", { show: false }),
      col("area_name", "Area"),
      col("role", "Role", "text", { show: false }),
      col("area_code", "Code", "text", { show: false }),
      col("area_type", "Type", "text", { show: false }),
      col("example", "Example", "flag", { show: false }),
      col("target_kind", "Target", "text", { show: false }),
      col("baseline_period", "Baseline period", "text", { show: false }),
      col("baseline", "Baseline", "value", { show: false }),
      col("latest_period", "Latest period"),
      col("latest", "Latest", "value"),
      col("target_period", "Target period"),
      col("target", "Target", "value"),
      col("projected", "Projected", "value"),
      col("projected_lower", "Projected (low)", "value"),
      col("projected_upper", "Projected (high)", "value"),
      col("status", "Status"),
      col("required_annual_change", "Required change a year", "number", { decimals: 2 }),
      col("achieved_annual_change", "Achieved change a year", "number", { decimals: 2 }),
      col("gap_projected_to_narrow", "Gap to county narrowing", "flag"),
      col("points_used", "Points used", "number", { decimals: 0, show: false }),
      col("status_reason", "Why", "text", { show: false }),
      col("gap_to_county_latest", "Gap to county (latest)", "value", { show: false }),
      col("notes", "Notes", "text", { show: false }),
    ],
    rows: sortByRole(rows, context, context.plan.targets),
  };
}

export async function targetSeriesTable(
  warehouse: Warehouse,
  context: PackContext,
): Promise<PackTable | null> {
  if (!hasTables(context.tables, "target_series") || context.plan.targets.length === 0) return null;
  const areas = forecastAreas(context);
  const rows = await warehouse.rows(
    `SELECT indicator, area_code, area_name, area_type, period, period_year, value, lower95, upper95, basis
     FROM target_series WHERE indicator IN ${sqlList(context.plan.targets)} AND area_code IN ${sqlList(areas.map((a) => a.code))}
     ORDER BY indicator, area_code, period_year`,
  );
  if (rows.length === 0) return null;
  return {
    id: "target-series",
    title: "The series the forecasts were fitted to",
    description:
      "Each target indicator's values by period for the areas with forecasts (the basis says how each value was computed).",
    columns: [
      col("indicator", "Indicator id"),
      col("area_name", "Area"),
      col("area_code", "Code", "text", { show: false }),
      col("area_type", "Type", "text", { show: false }),
      col("period", "Period"),
      col("period_year", "Year", "number", { decimals: 0 }),
      col("value", "Value", "value"),
      col("lower95", "Lower 95%", "value"),
      col("upper95", "Upper 95%", "value"),
      col("basis", "Basis", "text", { show: false }),
    ],
    rows,
    htmlRowLimit: 0,
  };
}
