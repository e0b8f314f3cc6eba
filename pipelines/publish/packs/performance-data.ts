/**
 * Stage 2 of the delivery planning standard, the numbers: each plan indicator's latest value for the focus
 * areas and their comparators with 95% intervals and benchmarks (METHODS.md §1–3), and every period of it
 * for the trend charts. Numerators and denominators are counts: a small one hides the value and limits
 * computed from it (disclosure control, applied later to all tables together).
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { areasWithRoles, nestingTotals, ROLE_LABELS, type RoleArea, roleOrder } from "./area-roles.ts";
import type { PackContext } from "./pack-context.ts";
import { hasTables, sqlList } from "./pack-sql.ts";
import { col, indicatorCellKey, type PackColumn, type PackTable } from "./pack-table.ts";

const AREA_TYPES = sqlList(["locality", "priority", "district", "county", "country"]);
const VALUE_DEPENDENTS = ["value", "lower95", "upper95"].map((column) => ({
  column,
  from: ["numerator", "denominator"],
}));

/** Every area an indicator table may show: focus, whole, localities, districts (all), county, England. */
export function indicatorAreas(context: PackContext): RoleArea[] {
  return areasWithRoles(context, {
    localities: context.plan.focus.level === "priority",
    peers: true,
    england: true,
  });
}

function withRoles(rows: Record<string, unknown>[], areas: RoleArea[], indicators: string[]) {
  const roleOf = new Map(areas.map((area) => [area.code, area.role]));
  const nameOf = new Map(areas.map((area) => [area.code, area.name]));
  return rows
    .map((row): Record<string, unknown> & { role_order: number } => ({
      ...row,
      area_name: nameOf.get(String(row.area_code)) ?? row.area_code,
      role: ROLE_LABELS[roleOf.get(String(row.area_code)) ?? "focus"],
      role_order: roleOrder(roleOf.get(String(row.area_code)) ?? "focus"),
    }))
    .sort(
      (a, b) =>
        indicators.indexOf(String(a.indicator)) - indicators.indexOf(String(b.indicator)) ||
        a.role_order - b.role_order ||
        String(a.area_code).localeCompare(String(b.area_code)) ||
        Number(a.period_year ?? 0) - Number(b.period_year ?? 0),
    )
    .map(({ role_order: _order, ...row }) => row);
}

const INDICATOR_COLUMNS: PackColumn[] = [
  col("indicator_name", "Indicator"),
  col("indicator", "Indicator id", "text", { show: false }),
  col("area_name", "Area"),
  col("role", "Role", "text", { show: false }),
  col("area_code", "Code", "text", { show: false }),
  col("area_type", "Type", "text", { show: false }),
  col("period", "Period"),
  col("numerator", "Count", "count"),
  col("denominator", "Denominator", "count"),
  col("value", "Value", "value"),
  col("lower95", "Lower 95%", "value"),
  col("upper95", "Upper 95%", "value"),
  col("unit", "Unit", "text", { show: false }),
];

export async function indicatorValuesTable(
  warehouse: Warehouse,
  context: PackContext,
): Promise<PackTable | null> {
  if (!hasTables(context.tables, "indicator_value", "indicator")) return null;
  const indicators = context.plan.indicators;
  const areas = indicatorAreas(context);
  const comparison = hasTables(context.tables, "indicator_comparison");
  const rows = await warehouse.rows(
    `SELECT v.indicator, i.name AS indicator_name, i.unit, i.polarity, v.area_code, v.area_type, v.period,
            v.period_year, CASE WHEN i.value_type = 'count' THEN coalesce(v.numerator, v.value) ELSE v.numerator END AS numerator,
            v.denominator, v.value, v.lower95, v.upper95,
            ${comparison ? "c.county_value, c.england_value, c.benchmark_county, c.benchmark_england, c.trend_label, c.peer_rank, c.peer_count" : "NULL AS county_value, NULL AS england_value, NULL AS benchmark_county, NULL AS benchmark_england, NULL AS trend_label, NULL AS peer_rank, NULL AS peer_count"}
     FROM indicator_value v JOIN indicator i ON i.id = v.indicator
     ${comparison ? "LEFT JOIN indicator_comparison c ON c.indicator = v.indicator AND c.area_code = v.area_code AND c.area_type = v.area_type AND c.period = v.period AND c.sex = v.sex AND c.age = v.age" : ""}
     WHERE v.indicator IN ${sqlList(indicators)} AND v.area_code IN ${sqlList(areas.map((a) => a.code))}
       AND v.area_type IN ${AREA_TYPES} AND v.sex = 'Persons' AND v.value IS NOT NULL
     QUALIFY row_number() OVER (PARTITION BY v.indicator, v.area_code, v.area_type ORDER BY v.period_year DESC, v.period DESC) = 1`,
  );
  return {
    id: "indicator-values",
    title: "The plan's indicators: latest values with 95% confidence intervals and benchmarks",
    description:
      "Latest period of each indicator for the focus areas, the areas around them, the county and England: count and denominator where the value is computed from them, value, 95% confidence limits (Wilson for proportions, Byar's or exact Poisson for rates), the county and England values, the benchmark against each (the comparator outside the area's 95% interval, by polarity) and the recent trend. Published values without counts (Fingertips, ONS Health Index) have no intervals and are not benchmarked.",
    columns: [
      ...INDICATOR_COLUMNS,
      col("county_value", "County", "value"),
      col("england_value", "England", "value"),
      col("benchmark_county", "vs county"),
      col("benchmark_england", "vs England"),
      col("trend_label", "Recent trend", "text", { show: false }),
      col("peer_rank", "Rank among peers", "number", { decimals: 0, show: false }),
      col("peer_count", "Peers", "number", { decimals: 0, show: false }),
      col("polarity", "Polarity", "text", { show: false }),
    ],
    rows: withRoles(rows, areas, indicators).map(({ period_year: _year, ...row }) => row),
    totals: nestingTotals(context, rows, ["numerator", "denominator"]),
    dependents: [
      ...VALUE_DEPENDENTS,
      { column: "benchmark_county", from: ["numerator", "denominator"] },
      { column: "benchmark_england", from: ["numerator", "denominator"] },
    ],
    cellKey: indicatorCellKey,
  };
}

export async function indicatorTrendsTable(
  warehouse: Warehouse,
  context: PackContext,
): Promise<PackTable | null> {
  if (!hasTables(context.tables, "indicator_value", "indicator")) return null;
  const indicators = context.plan.indicators;
  const areas = areasWithRoles(context, { england: true }).filter(
    (area) => area.role !== "focus" || context.focus.length <= 6,
  );
  const rows = await warehouse.rows(
    `SELECT v.indicator, i.name AS indicator_name, i.unit, v.area_code, v.area_type, v.period, v.period_year,
            CASE WHEN i.value_type = 'count' THEN coalesce(v.numerator, v.value) ELSE v.numerator END AS numerator,
            v.denominator, v.value, v.lower95, v.upper95
     FROM indicator_value v JOIN indicator i ON i.id = v.indicator
     WHERE v.indicator IN ${sqlList(indicators)} AND v.area_code IN ${sqlList(areas.map((a) => a.code))}
       AND v.area_type IN ${AREA_TYPES} AND v.sex = 'Persons' AND v.value IS NOT NULL`,
  );
  return {
    id: "indicator-trends",
    title: "The plan's indicators over time",
    description:
      "Every period of each indicator for the whole area, the focus areas (up to six), their districts, the county and England: the series behind the trend charts.",
    columns: [
      ...INDICATOR_COLUMNS.filter((column) => column.name !== "period"),
      col("period", "Period"),
      col("period_year", "Year", "number", { decimals: 0, show: false }),
    ],
    rows: withRoles(rows, areas, indicators),
    totals: nestingTotals(context, rows, ["numerator", "denominator"]),
    dependents: VALUE_DEPENDENTS,
    cellKey: indicatorCellKey,
    htmlRowLimit: 0,
  };
}
