/**
 * What `ntg targets` and `ntg forecast` print: one indicator's targets (county LAA target first, then
 * each area's differential target with its required and recently achieved annual change) with the check
 * block, and its forecasts. Example targets say so in every format.
 */
import { UsageError } from "../../models/errors.ts";
import { roundRows } from "../report/report-figures.ts";
import { formatCsv, formatTextTable, type OutputFormat } from "../util/format-table.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";

export const EXAMPLE_LABEL = "EXAMPLE targets shipped with the tool to show the method, not agreed targets";

export const TARGET_COLUMNS = [
  "indicator",
  "example",
  "kind",
  "area_code",
  "area_name",
  "area_type",
  "baseline_period",
  "baseline",
  "weight",
  "target_period",
  "target",
  "required_change",
  "required_annual_change",
  "achieved_annual_change",
  "gap_baseline",
  "gap_target",
  "lifted_to_floor",
  "deprivation_rank",
];

const TARGETS_SQL = `
SELECT t.indicator, t.example, t.kind, t.area_code, s.area_name, s.area_type, t.baseline_period, t.baseline,
       json_extract(t.parameters, '$.weight')::DOUBLE AS weight, t.target_period, t.target,
       t.target - t.baseline AS required_change,
       coalesce(json_extract(t.parameters, '$.requiredAnnualChange')::DOUBLE,
                (t.target - t.baseline) / nullif(c.years, 0)) AS required_annual_change,
       f.achieved_annual_change,
       json_extract(t.parameters, '$.gapBaseline')::DOUBLE AS gap_baseline,
       json_extract(t.parameters, '$.gapTarget')::DOUBLE AS gap_target,
       json_extract(t.parameters, '$.liftedToFloor')::BOOLEAN AS lifted_to_floor,
       json_extract(t.parameters, '$.deprivationRank')::DOUBLE AS deprivation_rank
FROM target t JOIN target_check c ON c.indicator = t.indicator
LEFT JOIN forecast f ON f.indicator = t.indicator AND f.area_code = t.area_code
LEFT JOIN (SELECT code, min(name) AS area_name, min(type) AS area_type FROM area
           WHERE type IN ('county', 'district', 'locality') GROUP BY code) s ON s.code = t.area_code
WHERE t.indicator = $1 AND t.kind IN ('laa', 'differential')
ORDER BY t.kind = 'differential', t.area_code`;

export interface IndicatorTargets {
  indicator: string;
  name: string;
  example: boolean;
  label: string | null;
  check: Record<string, unknown>;
  targets: Record<string, unknown>[];
  rows: unknown[][];
}

/**
 * One indicator's targets and check block.
 *
 * @throws {UsageError} when the warehouse has no targets for it (naming those it has).
 */
export async function readIndicatorTargets(
  warehouse: Warehouse,
  indicator: string,
): Promise<IndicatorTargets> {
  const [check] = await warehouse.rows("SELECT * FROM target_check WHERE indicator = $1", [indicator]);
  if (!check) {
    const known = await warehouse.rows<{ indicator: string }>(
      "SELECT indicator FROM target_check ORDER BY 1",
    );
    throw new UsageError(
      `the warehouse has no targets for "${indicator}"`,
      known.length > 0
        ? `It has targets for: ${known.map((row) => row.indicator).join(", ")}`
        : "Add sources/targets/*.yaml and run `ntg run`.",
    );
  }
  const table = await warehouse.table(TARGETS_SQL, [indicator]);
  const targets = table.rows.map((row) =>
    Object.fromEntries(table.columns.map((column, i) => [column, row[i]])),
  );
  const example = check.example === true;
  return {
    indicator,
    name: String(check.indicator_name),
    example,
    label: example ? EXAMPLE_LABEL : null,
    check,
    targets,
    rows: table.rows,
  };
}

/** Prints one indicator's targets in a format; csv and table add the check block as a second section. */
export function formatIndicatorTargets(
  result: IndicatorTargets,
  format: Exclude<OutputFormat, "json">,
): string {
  const checkRows = Object.entries(result.check).map(([key, value]) => [key, value]);
  if (format === "csv")
    return `${formatCsv(TARGET_COLUMNS, result.rows)}\n${formatCsv(["check", "value"], checkRows)}`;
  const heading = `${result.name} (${result.indicator}): ${String(result.check.level)} targets, ${String(result.check.method)}${result.label ? `\n${result.label}` : ""}`;
  return `${heading}\n\n${formatTextTable(TARGET_COLUMNS, roundRows(result.rows))}\nCheck block\n${formatTextTable(["check", "value"], roundRows(checkRows, 6), 120)}`;
}
