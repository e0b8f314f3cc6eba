/**
 * The report as one flat table (CSV and the HTML tables share it): one row per exception per group, and
 * one "no exceptions" row for each empty group, so no level or group ever disappears.
 */
import { formatCsv } from "../util/format-table.ts";
import { NO_EXCEPTIONS, type QuarterlyReport } from "./quarterly-report.ts";

export const REPORT_COLUMNS = [
  "level",
  "group",
  "indicator",
  "indicator_name",
  "ni_code",
  "area_code",
  "area_name",
  "area_type",
  "breakdown",
  "rag",
  "reasons",
  "status",
  "example_target",
  "target_kind",
  "baseline_period",
  "baseline",
  "latest_period",
  "latest",
  "target_period",
  "target",
  "projected",
  "projected_lower",
  "projected_upper",
  "required_annual_change",
  "achieved_annual_change",
  "gap_trend",
  "gap_projected_to_narrow",
  "comparator",
  "comparator_value",
  "benchmark",
  "trend",
  "notes",
] as const;

/** The rows in REPORT_COLUMNS order. */
export function reportRows(report: QuarterlyReport): unknown[][] {
  const rows: unknown[][] = [];
  for (const level of report.levels) {
    for (const group of level.groups) {
      if (group.exceptions.length === 0) {
        rows.push([
          level.level,
          group.name,
          ...REPORT_COLUMNS.slice(2).map((column) => (column === "reasons" ? NO_EXCEPTIONS : null)),
        ]);
        continue;
      }
      for (const { item, rag, reasons } of group.exceptions) {
        rows.push([
          level.level,
          group.name,
          item.indicator,
          item.indicatorName,
          item.niCode,
          item.areaCode,
          item.areaName,
          item.areaType,
          item.breakdown,
          rag,
          reasons.join("; "),
          item.status ?? null,
          item.exampleTarget,
          item.targetKind,
          item.baselinePeriod,
          item.baseline,
          item.latestPeriod,
          item.latest,
          item.targetPeriod,
          item.target,
          item.projected,
          item.projectedLower,
          item.projectedUpper,
          item.requiredAnnualChange,
          item.achievedAnnualChange,
          item.gapTrend,
          item.gapProjectedToNarrow,
          item.comparator,
          item.comparatorValue,
          item.benchmark ?? null,
          item.trendLabel,
          item.notes,
        ]);
      }
    }
  }
  return rows;
}

/** The report as CSV (RFC 4180; cells a spreadsheet would execute are neutralised). */
export function reportCsv(report: QuarterlyReport): string {
  return formatCsv([...REPORT_COLUMNS], reportRows(report));
}
