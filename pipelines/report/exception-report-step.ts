/**
 * Derive step "exception report": the latest quarterly exception report stored as table `exception_report`
 * (REPORT_COLUMNS, one row per exception per group and a "no exceptions" row for each empty group), so the
 * site and evidence packs show exactly what `ntg report quarterly` prints. The figures are the latest in
 * the warehouse; the quarter label is left to the report command (a build must not depend on the clock).
 */
import type { DeriveStep } from "../derive/derive-stage.ts";
import { quoteIdentifier } from "../warehouse/warehouse.ts";
import { REPORT_COLUMNS, reportRows } from "./report-rows.ts";
import { buildQuarterlyReport } from "./write-report.ts";

const NUMERIC = new Set([
  "baseline",
  "latest",
  "target",
  "projected",
  "projected_lower",
  "projected_upper",
  "required_annual_change",
  "achieved_annual_change",
  "comparator_value",
]);

function columnType(column: string): string {
  if (NUMERIC.has(column)) return "DOUBLE";
  if (column === "example_target" || column === "gap_projected_to_narrow") return "BOOLEAN";
  return "VARCHAR";
}

export const exceptionReportStep: DeriveStep = {
  name: "exception report",
  async run(warehouse) {
    const hasForecasts = await warehouse.scalar<number>(
      "SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'forecast'",
    );
    const columns = REPORT_COLUMNS.map((column) => `${quoteIdentifier(column)} ${columnType(column)}`);
    await warehouse.run(`CREATE OR REPLACE TABLE exception_report (position INTEGER, ${columns.join(", ")})`);
    if (!hasForecasts) return "no forecasts, no report";
    const report = await buildQuarterlyReport(warehouse, "latest");
    const rows = reportRows(report);
    const placeholders = REPORT_COLUMNS.map((_, index) => `$${index + 2}`).join(", ");
    for (const [position, row] of rows.entries()) {
      const values = row.map((value) => (value === undefined ? null : value)) as (
        | string
        | number
        | boolean
        | null
      )[];
      await warehouse.run(`INSERT INTO exception_report VALUES ($1, ${placeholders})`, [position, ...values]);
    }
    const exceptions = rows.filter((row) => row[2] !== null).length;
    return `${exceptions} exceptions across ${report.levels.length} levels (${rows.length - exceptions} groups with none)`;
  },
};
