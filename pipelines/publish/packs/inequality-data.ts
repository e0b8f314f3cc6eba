/**
 * The gap across deprivation (stage 1): for each plan indicator with small-area data, its value in each
 * national deprivation decile of the county's small areas and the slope and relative indices of
 * inequality (METHODS.md §4), from `indicator_inequality`. Deciles hold thousands of people, so no count
 * here is small; the decile values travel as JSON for the chart.
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { PackContext } from "./pack-context.ts";
import { hasTables, sqlList } from "./pack-sql.ts";
import { col, type PackTable } from "./pack-table.ts";

export async function inequalityTable(warehouse: Warehouse, context: PackContext): Promise<PackTable | null> {
  if (!hasTables(context.tables, "indicator_inequality", "indicator")) return null;
  const rows = await warehouse.rows(
    `SELECT q.indicator, i.name AS indicator_name, i.unit, q.period, q.quantile_scheme, q.deprivation_edition,
            q.small_areas, q.sii, q.sii_lower95, q.sii_upper95, q.rii, q.rii_lower95, q.rii_upper95,
            q.intercept, q.group_values, q.seed, q.simulations
     FROM indicator_inequality q JOIN indicator i ON i.id = q.indicator
     WHERE q.indicator IN ${sqlList(context.plan.indicators)} AND q.county_code = $1
       AND q.quantile_scheme = 'national deciles' AND q.sex = 'Persons' AND q.sii IS NOT NULL
     QUALIFY row_number() OVER (PARTITION BY q.indicator ORDER BY q.period DESC) = 1`,
    [context.county.code],
  );
  if (rows.length === 0) return null;
  const order = context.plan.indicators;
  return {
    id: "inequality",
    title: `Inequality across deprivation deciles in ${context.county.name}`,
    description: `Slope index of inequality (SII: the modelled difference from the most to the least deprived end of the county's population, in the indicator's units) and relative index (RII) across national IMD deciles of the county's small areas, with 95% intervals by simulation (seeded); the value of each decile is in group_values.`,
    columns: [
      col("indicator_name", "Indicator"),
      col("indicator", "Indicator id", "text", { show: false }),
      col("period", "Period"),
      col("quantile_scheme", "Groups", "text", { show: false }),
      col("deprivation_edition", "IMD edition", "text", { show: false }),
      col("small_areas", "Small areas", "number", { decimals: 0 }),
      col("sii", "SII", "number", { decimals: 2 }),
      col("sii_lower95", "SII lower 95%", "number", { decimals: 2 }),
      col("sii_upper95", "SII upper 95%", "number", { decimals: 2 }),
      col("rii", "RII", "number", { decimals: 2 }),
      col("rii_lower95", "RII lower 95%", "number", { decimals: 2, show: false }),
      col("rii_upper95", "RII upper 95%", "number", { decimals: 2, show: false }),
      col("intercept", "Intercept", "number", { show: false }),
      col("group_values", "Decile values (JSON)", "text", { show: false }),
      col("seed", "Seed", "number", { decimals: 0, show: false }),
      col("simulations", "Simulations", "number", { decimals: 0, show: false }),
      col("unit", "Unit", "text", { show: false }),
    ],
    rows: rows
      .map(
        (row): Record<string, unknown> => ({
          ...row,
          deprivation_edition: String(row.deprivation_edition),
          group_values: withoutCounts(row.group_values),
        }),
      )
      .sort((a, b) => order.indexOf(String(a.indicator)) - order.indexOf(String(b.indicator))),
  };
}

/** The decile values without their pooled counts (the JSON column is text: disclosure control cannot see in). */
function withoutCounts(groupValues: unknown): unknown {
  if (typeof groupValues !== "string") return groupValues;
  const groups = JSON.parse(groupValues) as Record<string, unknown>[];
  return JSON.stringify(groups.map(({ numerator: _count, ...group }) => group));
}
