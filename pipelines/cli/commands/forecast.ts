/**
 * `ntg forecast`: the forecasts of one indicator with targets (METHODS.md §7) — trend, projection to the
 * target period with its prediction interval, RAG status, gap to the county, required versus achieved
 * annual change — for the county, districts and localities, or one area.
 */
import { existsSync } from "node:fs";
import { SourceError, UsageError } from "../../../models/errors.ts";
import { FORECAST_COLUMNS, forecastOutput } from "../../targets/forecast-output.ts";
import type { OutputFormat } from "../../util/format-table.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";

export const forecastCommand: Command = {
  name: "forecast",
  summary: "forecasts against targets with RAG status (county, districts, localities)",
  help: `Usage: ntg forecast <indicator> [--area CODE] [--format table|csv|json]

Prints the forecasts the derive step computed for an indicator with targets: a straight line over the last
k points (ordinary least squares, or weighted by 1/SE² when every point has a 95% interval) projected to
the target period with a 95% prediction interval; status on track (target met even at the pessimistic
bound), at risk (target inside the interval), off track, or cannot be calculated (fewer than 3 points);
the gap to the county and whether it is projected to narrow. Columns:
  ${FORECAST_COLUMNS.join(", ")}

Options:
  --area CODE              one area (county, district or locality code)
  --format table|csv|json  output format (default table)

${COMMON_HELP}

Examples:
  ntg forecast excess-weight-year-6
  ntg forecast imd-income-deprivation-rate --area WCC-L07 --format json`,
  options: { ...COMMON_OPTIONS, format: { type: "string", default: "table" }, area: { type: "string" } },
  allowPositionals: true,
  async run({ config, values, positionals, output }) {
    const format = values.format as string;
    if (!["table", "csv", "json"].includes(format))
      throw new UsageError(`--format must be table, csv or json (got "${format}")`);
    if (positionals.length !== 1)
      throw new UsageError("give one indicator id (ntg targets --list shows them)");
    if (!existsSync(config.warehousePath)) {
      throw new SourceError(`no warehouse at ${config.warehousePath}`, "Run `ntg run` first.");
    }
    const warehouse = await Warehouse.open(config.warehousePath, { readOnly: true });
    try {
      output.write(
        await forecastOutput(
          warehouse,
          positionals[0]!,
          values.area as string | undefined,
          format as OutputFormat,
        ),
      );
      return 0;
    } finally {
      warehouse.close();
    }
  },
};
