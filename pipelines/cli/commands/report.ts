/**
 * `ntg report quarterly`: the zero-based quarterly exception report (METHODS.md §7) written as HTML and
 * CSV into DIST/reports/ and printed in the chosen format.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { SourceError, UsageError } from "../../../models/errors.ts";
import { reportHtml } from "../../report/report-html.ts";
import { reportCsv } from "../../report/report-rows.ts";
import {
  buildQuarterlyReport,
  checkQuarter,
  quarterOf,
  writeReportFiles,
} from "../../report/write-report.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";
import { exportSuppression, SUPPRESSION_OPTIONS, suppressionHelp } from "../disclosure-option.ts";

export const reportCommand: Command = {
  name: "report",
  summary: "quarterly exception report (off track, at risk, worse and worsening) as HTML and CSV",
  help: `Usage: ntg report quarterly [--period YYYY-Qn] [--format html|csv|json]

Lists only the exceptions — forecasts off track (red) or at risk (amber) against their targets, and areas
significantly worse than their comparator and getting worse — arranged by the three performance levels:
the county board, the six theme groups and the district partnerships. Each exception carries the figures
behind it: baseline, latest, target, projection with its 95% prediction interval, required versus
achieved annual change, the gap to the county and the comparison. An empty group says "no exceptions".

Writes DIST/reports/quarterly-PERIOD.html (self-contained, printable) and .csv, then prints the chosen
format. CSV columns: level, group, indicator, indicator_name, ni_code, area_code, area_name, area_type,
breakdown, rag, reasons, status, example_target, target_kind, baseline_period, baseline, latest_period,
latest, target_period, target, projected, projected_lower, projected_upper, required_annual_change,
achieved_annual_change, gap_trend, gap_projected_to_narrow, comparator, comparator_value, benchmark,
trend, notes. Targets shipped with the tool are labelled example targets.

Options:
  --period YYYY-Qn        the reporting quarter, used in the title and file names (default: this
                          quarter); the figures are the latest in the warehouse
  --format html|csv|json  what to print (default csv)

${suppressionHelp("withheld (empty,\nwith a note) in every file")}

${COMMON_HELP}

Examples:
  ntg report quarterly
  ntg report quarterly --period 2026-Q1 --format json`,
  options: {
    ...COMMON_OPTIONS,
    period: { type: "string" },
    format: { type: "string", default: "csv" },
    ...SUPPRESSION_OPTIONS,
  },
  allowPositionals: true,
  async run(context) {
    const { config, values, positionals, output, reporter } = context;
    if (positionals.length !== 1 || positionals[0] !== "quarterly") {
      throw new UsageError('give the report to make: "quarterly" (ntg report quarterly)');
    }
    const format = values.format as string;
    if (!["html", "csv", "json"].includes(format))
      throw new UsageError(`--format must be html, csv or json (got "${format}")`);
    const period = checkQuarter((values.period as string | undefined) ?? quarterOf(new Date()));
    if (!existsSync(config.warehousePath)) {
      throw new SourceError(`no warehouse at ${config.warehousePath}`, "Run `ntg run` first.");
    }
    const warehouse = await Warehouse.open(config.warehousePath, { readOnly: true });
    try {
      const suppression = await exportSuppression(warehouse, context);
      const report = await buildQuarterlyReport(warehouse, period, suppression);
      const files = writeReportFiles(report, path.join(config.distDir, "reports"));
      reporter.info(
        `report: ${report.exceptionsFound} exceptions of ${report.itemsReviewed} items; wrote ${files.html} and ${files.csv}`,
      );
      output.write(
        format === "html"
          ? reportHtml(report)
          : format === "csv"
            ? reportCsv(report)
            : `${JSON.stringify(report, null, 2)}\n`,
      );
      return 0;
    } finally {
      warehouse.close();
    }
  },
};
