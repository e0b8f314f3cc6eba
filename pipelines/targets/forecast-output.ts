/**
 * What `ntg forecast` prints: the forecasts of one indicator (optionally one area) — trend, projection
 * with its prediction interval, RAG status, gap to the county — labelled when the targets are examples,
 * with the notes behind the figures under the table.
 */
import { UsageError } from "../../models/errors.ts";
import { roundRows } from "../report/report-figures.ts";
import { formatRows, formatTextTable, type OutputFormat } from "../util/format-table.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { EXAMPLE_LABEL } from "./target-output.ts";

export const FORECAST_COLUMNS = [
  "indicator",
  "example",
  "area_code",
  "area_name",
  "area_type",
  "target_kind",
  "baseline_period",
  "baseline",
  "latest_period",
  "latest",
  "target_period",
  "target",
  "points_used",
  "weighting",
  "achieved_annual_change",
  "required_annual_change",
  "projected",
  "projected_lower",
  "projected_upper",
  "status",
  "gap_to_county_latest",
  "gap_trend",
  "gap_projected",
  "gap_projected_to_narrow",
  "notes",
];

/**
 * Forecasts of one indicator (optionally one area), printed in a format.
 *
 * @throws {UsageError} when there is no forecast for the indicator or area.
 */
export async function forecastOutput(
  warehouse: Warehouse,
  indicator: string,
  area: string | undefined,
  format: OutputFormat,
): Promise<string> {
  const table = await warehouse.table(
    `SELECT ${FORECAST_COLUMNS.join(", ")} FROM forecast WHERE indicator = $1 AND ($2::VARCHAR IS NULL OR area_code = $2)
     ORDER BY CASE area_type WHEN 'county' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, area_code`,
    [indicator, area ?? null],
  );
  if (table.rows.length === 0) {
    const known = await warehouse.rows<{ indicator: string }>(
      "SELECT DISTINCT indicator FROM forecast ORDER BY 1",
    );
    throw new UsageError(
      `no forecast for "${indicator}"${area ? ` in area ${area}` : ""}`,
      `Forecasts exist for: ${known.map((row) => row.indicator).join(", ") || "none (run ntg run with targets configured)"}`,
    );
  }
  if (format !== "table") return formatRows(format, table.columns, table.rows);
  const example = table.rows.some((row) => row[1] === true);
  const shown = FORECAST_COLUMNS.filter((column) => column !== "notes" && column !== "indicator");
  const rows = roundRows(
    table.rows.map((row) => shown.map((column) => row[FORECAST_COLUMNS.indexOf(column)])),
  );
  const notes = [...new Set(table.rows.map((row) => row.at(-1)).filter(Boolean))];
  return `Forecasts: ${indicator}${example ? `\n${EXAMPLE_LABEL}` : ""}\n\n${formatTextTable(shown, rows)}${notes.length ? `\nNotes:\n${notes.map((note) => `- ${String(note)}`).join("\n")}\n` : ""}`;
}
