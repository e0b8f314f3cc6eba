/**
 * The differential targets of stage 4 (METHODS.md §6), from table `target`: the county (LAA) target and
 * each area's target for the plan's target indicators, with the change required a year next to the change
 * achieved recently (from `forecast`).
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { EXAMPLE_TARGETS_NOTE, forecastAreas, sortByRole } from "./forecast-data.ts";
import type { PackContext } from "./pack-context.ts";
import { hasTables, sqlList } from "./pack-sql.ts";
import { col, type PackTable } from "./pack-table.ts";

export async function differentialTargetsTable(
  warehouse: Warehouse,
  context: PackContext,
): Promise<PackTable | null> {
  if (!hasTables(context.tables, "target") || context.plan.targets.length === 0) return null;
  const areas = forecastAreas(context);
  const forecasts = hasTables(context.tables, "forecast");
  const rows = await warehouse.rows(
    `SELECT t.indicator, coalesce(i.name, t.indicator) AS indicator_name, t.area_code,
            coalesce(a.name, t.area_code) AS area_name, t.kind, t.example,
            t.baseline_period, t.baseline, t.target_period, t.target, t.target - t.baseline AS required_change,
            coalesce(try_cast(json_extract(t.parameters, '$.requiredAnnualChange') AS DOUBLE),
                     (t.target - t.baseline) / nullif(try_cast(json_extract(t.parameters, '$.years') AS DOUBLE), 0))
              AS required_annual_change,
            ${forecasts ? "f.achieved_annual_change" : "NULL::DOUBLE AS achieved_annual_change"},
            try_cast(json_extract(t.parameters, '$.liftedToFloor') AS BOOLEAN) AS lifted_to_floor
     FROM target t
     LEFT JOIN (SELECT code, min(name) AS name FROM area GROUP BY code) a ON a.code = t.area_code
     LEFT JOIN indicator i ON i.id = t.indicator
     ${forecasts ? "LEFT JOIN forecast f ON f.indicator = t.indicator AND f.area_code = t.area_code" : ""}
     WHERE t.indicator IN ${sqlList(context.plan.targets)} AND t.kind IN ('laa', 'differential')
       AND t.area_code IN ${sqlList(areas.map((a) => a.code))}`,
  );
  if (rows.length === 0) return null;
  return {
    id: "differential-targets",
    title: "Differential targets: what each area is asked to reach",
    description: `The county (LAA) target and each area's differential target (METHODS.md §6): more ambitious where the baseline is worse, so that the county target is met and the gap narrows, and no area is asked to get worse. Required annual change next to the change achieved recently. ${rows.some((row) => row.example) ? EXAMPLE_TARGETS_NOTE : ""}`,
    columns: [
      col("indicator_name", "Indicator"),
      col("indicator", "Indicator id", "text", { show: false }),
      col("area_name", "Area"),
      col("role", "Role", "text", { show: false }),
      col("area_code", "Code", "text", { show: false }),
      col("kind", "Kind"),
      col("example", "Example", "flag", { show: false }),
      col("baseline_period", "Baseline period"),
      col("baseline", "Baseline", "value"),
      col("target_period", "Target period"),
      col("target", "Target", "value"),
      col("required_change", "Change required", "number", { decimals: 2 }),
      col("required_annual_change", "Required a year", "number", { decimals: 2 }),
      col("achieved_annual_change", "Achieved a year", "number", { decimals: 2 }),
      col("lifted_to_floor", "Lifted to floor", "flag", { show: false }),
    ],
    rows: sortByRole(rows, context, context.plan.targets),
  };
}
