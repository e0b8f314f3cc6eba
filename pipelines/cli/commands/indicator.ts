import { existsSync } from "node:fs";
import { SourceError, UsageError } from "../../../models/errors.ts";
import { AREA_COLUMNS, indicatorText } from "../../derive/indicators/indicator-format.ts";
import {
  type IndicatorReport,
  listIndicators,
  readIndicatorReport,
} from "../../derive/indicators/indicator-report.ts";
import type { PublishedSuppression } from "../../publish/disclosure/index.ts";
import { formatRows, type OutputFormat } from "../../util/format-table.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command, type CommandContext } from "../command.ts";
import {
  exportSuppression,
  protectExport,
  SUPPRESSION_HELP,
  SUPPRESSION_OPTIONS,
  scopeForAreas,
  suppressionNote,
} from "../disclosure-option.ts";

const LEVELS: Record<string, string> = {
  locality: "locality",
  district: "district",
  ward: "ward19",
  lsoa: "lsoa11",
  lsoa21: "lsoa21",
  priority: "priority",
};

export const indicatorCommand: Command = {
  name: "indicator",
  summary: "one indicator across the county's localities (or districts, wards): values, ranks, gaps and SII",
  help: `Usage: ntg indicator <indicator id> [--level locality|district|ward|priority|lsoa|lsoa21] [--period P]
                     [--format table|csv|json]
       ntg indicator --list

Prints one indicator for every area of a level in the county: value and 95% CI, benchmarks against the
county and England, rank, gap to the county and each area's contribution to the county's gap to England,
then the best and worst areas, range and ratio, and the slope index of inequality across the county's LSOAs.

Options:
  --level L                 locality (default), district, ward, priority, lsoa (2011) or lsoa21
  --period P                a period as published instead of the latest
  --format table|csv|json   output format (default table; csv gives the area rows)
  --list                    list the indicators with the levels and latest period that have values

${SUPPRESSION_HELP}

${COMMON_HELP}

Examples:
  ntg indicator iod2019-income-deprivation-rate
  ntg indicator census-households-deprived-1-or-more-dimensions --level district --format json`,
  options: {
    ...COMMON_OPTIONS,
    format: { type: "string", default: "table" },
    level: { type: "string", default: "locality" },
    period: { type: "string" },
    list: { type: "boolean" },
    ...SUPPRESSION_OPTIONS,
  },
  allowPositionals: true,
  async run(context) {
    const { config, values, positionals, output, reporter } = context;
    const format = values.format as OutputFormat;
    if (!["table", "csv", "json"].includes(format))
      throw new UsageError(`--format must be table, csv or json (got "${format}")`);
    const level = LEVELS[values.level as string];
    if (!level)
      throw new UsageError(
        `--level must be one of ${Object.keys(LEVELS).join(", ")} (got "${values.level}")`,
      );
    if (!values.list && positionals.length !== 1)
      throw new UsageError("give one indicator id, e.g. ntg indicator iod2019-income-deprivation-rate");
    if (!existsSync(config.warehousePath))
      throw new SourceError(`no warehouse at ${config.warehousePath}`, "Run `ntg run` first.");
    const warehouse = await Warehouse.open(config.warehousePath, { readOnly: true });
    try {
      if (values.list) {
        const listing = await listIndicators(warehouse);
        output.write(formatRows(format, listing.columns, listing.rows));
        return 0;
      }
      const { report, suppression } = await protectReport(
        warehouse,
        context,
        level,
        await readIndicatorReport(
          warehouse,
          positionals[0]!,
          level,
          (values.period as string | undefined) ?? null,
        ),
      );
      if (format === "json") output.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (format === "csv")
        output.write(
          formatRows(
            "csv",
            AREA_COLUMNS,
            report.areas.map((a) => AREA_COLUMNS.map((c) => a[c])),
          ),
        );
      else output.write(indicatorText(report));
      const note = suppressionNote(suppression);
      if (note && format === "table") reporter.info(note);
      return 0;
    } finally {
      warehouse.close();
    }
  },
};

/** Levels whose areas make up the county (so they add up to its published count). */
const PARTS_OF_COUNTY = ["ward19", "lsoa11", "lsoa21"];

/**
 * The report after disclosure control: area rows (each knows its indicator and period, so its value is
 * checked against the suppressed counts) and the summary's best, worst, range and ratio.
 */
async function protectReport(
  warehouse: Warehouse,
  context: CommandContext,
  level: string,
  report: IndicatorReport,
): Promise<{ report: IndicatorReport; suppression: PublishedSuppression | null }> {
  const indicator = String(report.indicator.id);
  const suppression = await exportSuppression(
    warehouse,
    context,
    scopeForAreas(level, {
      codes: report.areas.map((row) => String(row.area_code)),
      indicator,
      partOfCounty: PARTS_OF_COUNTY.includes(level),
    }),
  );
  const cell = { indicator, period: report.period };
  const areas = protectExport(
    "indicator",
    report.areas.map((row) => ({ ...cell, ...row })),
    suppression,
    { areas: false },
  ).map(({ indicator: _id, period: _period, ...row }) => row);
  const summary = report.summary
    ? protectExport("indicator summary", [report.summary], suppression)[0]!
    : null;
  return { report: { ...report, areas, summary }, suppression };
}
