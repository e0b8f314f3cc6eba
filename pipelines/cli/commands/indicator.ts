import { existsSync } from "node:fs";
import { SourceError, UsageError } from "../../../models/errors.ts";
import { AREA_COLUMNS, indicatorText } from "../../derive/indicators/indicator-format.ts";
import { listIndicators, readIndicatorReport } from "../../derive/indicators/indicator-report.ts";
import { formatRows, type OutputFormat } from "../../util/format-table.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";

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
  },
  allowPositionals: true,
  async run({ config, values, positionals, output }) {
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
      const report = await readIndicatorReport(
        warehouse,
        positionals[0]!,
        level,
        (values.period as string | undefined) ?? null,
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
      return 0;
    } finally {
      warehouse.close();
    }
  },
};
