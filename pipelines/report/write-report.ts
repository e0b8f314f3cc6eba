/**
 * Builds the quarterly exception report from the warehouse and writes it as HTML and CSV into a folder
 * (`dist/reports/` by default): each file is written to a temporary name and renamed into place, so a
 * reader never sees half a report.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SourceError, UsageError } from "../../models/errors.ts";
import type { PublishedSuppression } from "../publish/disclosure/index.ts";
import { SCOPE_SELECT_SQL } from "../targets/target-scope.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { readReportItems } from "./exception-candidates.ts";
import { type QuarterlyReport, quarterlyReport } from "./quarterly-report.ts";
import { reportHtml } from "./report-html.ts";
import { reportCsv } from "./report-rows.ts";
import { suppressReportItems } from "./suppress-report-items.ts";

/** The quarter a date falls in, e.g. 2026-Q1. */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/**
 * Checks a --period value.
 *
 * @throws {UsageError} unless it looks like 2026-Q1.
 */
export function checkQuarter(period: string): string {
  if (!/^\d{4}-Q[1-4]$/.test(period)) {
    throw new UsageError(`--period must be a quarter such as 2026-Q1 (got "${period}")`);
  }
  return period;
}

/**
 * The report's county (the county of the forecasts, else the one holding localities) and its districts.
 *
 * @throws {SourceError} when there is no such county.
 */
async function reportAreas(warehouse: Warehouse) {
  const [row] = await warehouse.rows<{ code: string | null }>(
    `SELECT coalesce(
       (SELECT min(area_code) FROM forecast WHERE area_type = 'county'),
       (SELECT min(parent) FROM area_link WHERE child_type = 'locality' AND parent_type = 'county')) AS code`,
  );
  if (!row?.code) {
    throw new SourceError(
      "no county with targets or localities in the warehouse",
      "Run `ntg run` with targets configured.",
    );
  }
  const scope = await warehouse.rows<{ area_code: string; area_type: string; area_name: string | null }>(
    `SELECT area_code, area_type, area_name FROM (${SCOPE_SELECT_SQL}) WHERE area_type IN ('county', 'district') ORDER BY area_code`,
    [row.code],
  );
  const county = scope.find((area) => area.area_type === "county");
  return {
    county: { code: row.code, name: county?.area_name ?? row.code },
    districts: scope
      .filter((area) => area.area_type === "district")
      .map((area) => ({ code: area.area_code, name: area.area_name ?? area.area_code })),
  };
}

/**
 * Reads the warehouse and arranges the report; with `suppression`, figures from small counts are withheld
 * (see suppress-report-items.ts).
 */
export async function buildQuarterlyReport(
  warehouse: Warehouse,
  period: string,
  suppression: PublishedSuppression | null = null,
): Promise<QuarterlyReport> {
  const hasForecasts = await warehouse.scalar<number>(
    "SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'forecast'",
  );
  if (!hasForecasts) {
    throw new SourceError(
      "the warehouse has no forecast table",
      "Run `ntg run` (the forecasts step writes it).",
    );
  }
  const areas = await reportAreas(warehouse);
  const items = await readReportItems(warehouse, areas.county.code);
  return quarterlyReport(suppression ? suppressReportItems(items, suppression) : items, areas, period);
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Writes quarterly-PERIOD.html and .csv into `folder`; returns their paths. */
export function writeReportFiles(report: QuarterlyReport, folder: string): { html: string; csv: string } {
  mkdirSync(folder, { recursive: true });
  const base = path.join(folder, `quarterly-${report.period}`);
  const files = { html: `${base}.html`, csv: `${base}.csv` };
  writeAtomically(files.html, reportHtml(report));
  writeAtomically(files.csv, reportCsv(report));
  return files;
}
