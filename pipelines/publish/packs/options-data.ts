/**
 * Stage 5 (how: appraisal of options), the numbers: the allocation scenarios the plan names (METHODS.md §8)
 * — the amount each recipient would get, per head and per income-deprived person, its distance from the
 * need-weighted target and its change against the scenario's baseline — and what each scenario is.
 * Recipients in or holding the focus areas are flagged.
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { PackContext } from "./pack-context.ts";
import { hasTables, sqlList } from "./pack-sql.ts";
import { col, type PackTable } from "./pack-table.ts";

function focusRecipients(context: PackContext): Set<string> {
  return new Set([...context.focus, ...context.districts, ...context.localities].map((area) => area.code));
}

export async function allocationsTable(
  warehouse: Warehouse,
  context: PackContext,
): Promise<PackTable | null> {
  const ids = context.plan.scenarios;
  if (!hasTables(context.tables, "allocation", "allocation_scenario") || ids.length === 0) return null;
  const rows = await warehouse.rows(
    `SELECT a.scenario_id, s.title AS scenario, a.position, a.code, a.name, a.area_type, a.illustrative, a.amount,
            a.share, a.per_head, a.per_deprived_person, a.target_amount, a.distance_from_target,
            a.change_from_baseline
     FROM allocation a JOIN allocation_scenario s USING (scenario_id)
     WHERE a.scenario_id IN ${sqlList(ids)}`,
  );
  if (rows.length === 0) return null;
  const inFocus = focusRecipients(context);
  return {
    id: "allocations",
    title: "Allocation options: what each scenario gives each recipient",
    description:
      "The amount each recipient gets under each scenario (rounded to the scenario's unit by largest remainder, so they add up to the pot), its share, £ per head and per income-deprived person (IoD 2019), its distance from the need-weighted target ((amount − target) / target) and its change against the scenario's baseline.",
    columns: [
      col("scenario", "Scenario"),
      col("scenario_id", "Scenario id", "text", { show: false }),
      col("name", "Recipient"),
      col("code", "Code", "text", { show: false }),
      col("area_type", "Type", "text", { show: false }),
      col("in_focus", "Focus", "flag"),
      col("amount", "Amount", "money"),
      col("share", "Share", "share"),
      col("per_head", "£ per head", "money", { decimals: 2 }),
      col("per_deprived_person", "£ per income-deprived person", "money", { decimals: 2 }),
      col("target_amount", "Need-weighted target", "money", { show: false }),
      col("distance_from_target", "Distance from target", "share"),
      col("change_from_baseline", "Change from baseline", "money"),
      col("position", "Position", "number", { decimals: 0, show: false }),
      col("illustrative", "Illustrative definition", "flag", { show: false }),
    ],
    rows: ids.flatMap((id) =>
      rows
        .filter((row) => row.scenario_id === id)
        .sort((a, b) => Number(a.position) - Number(b.position))
        .map((row) => ({ ...row, in_focus: inFocus.has(String(row.code)) })),
    ),
    htmlRowLimit: 0,
  };
}

export async function scenariosTable(warehouse: Warehouse, context: PackContext): Promise<PackTable | null> {
  const ids = context.plan.scenarios;
  if (!hasTables(context.tables, "allocation_scenario") || ids.length === 0) return null;
  const rows = await warehouse.rows(
    `SELECT scenario_id, title, description, recipients, rule, rule_kind, population, baseline_id, pot, rounding_unit
     FROM allocation_scenario WHERE scenario_id IN ${sqlList(ids)}`,
  );
  if (rows.length === 0) return null;
  return {
    id: "scenarios",
    title: "The allocation scenarios",
    description: "Each scenario's pot, recipients, rule and baseline (sources/scenarios).",
    columns: [
      col("title", "Scenario"),
      col("scenario_id", "Id", "text", { show: false }),
      col("recipients", "Recipients"),
      col("rule", "Rule"),
      col("pot", "Pot", "money"),
      col("baseline_id", "Baseline"),
      col("description", "What it means", "text", { show: false }),
      col("rule_kind", "Rule kind", "text", { show: false }),
      col("population", "Population", "text", { show: false }),
      col("rounding_unit", "Rounded to", "money", { show: false }),
    ],
    rows: ids.flatMap((id) => rows.filter((row) => row.scenario_id === id)),
  };
}
