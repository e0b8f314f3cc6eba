/**
 * `ntg targets`: differential targets per indicator (METHODS.md §6) from the warehouse — the county's LAA
 * target and each locality's or district's target with its required and achieved annual change — with
 * the check block; `--list` shows the configured indicators (sources/targets/*.yaml).
 */
import { existsSync } from "node:fs";
import { SourceError, UsageError } from "../../../models/errors.ts";
import { displayPath } from "../../config/read-yaml-config.ts";
import { readTargetConfigs, targetsDir } from "../../targets/read-target-configs.ts";
import { formatIndicatorTargets, readIndicatorTargets } from "../../targets/target-output.ts";
import { formatRows, type OutputFormat } from "../../util/format-table.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";

const LIST_COLUMNS = [
  "indicator",
  "example",
  "level",
  "method",
  "narrow_by",
  "floor",
  "baseline_period",
  "baseline",
  "target_period",
  "target",
  "weights",
  "file",
];

export const targetsCommand: Command = {
  name: "targets",
  summary: "differential targets for localities or districts, with the check block",
  help: `Usage: ntg targets [<indicator>] [--format table|csv|json]
       ntg targets --list

Prints the targets the derive step computed from SOURCES/targets/*.yaml: the county's target (kind laa)
and one differential target per locality or district, with the columns
  indicator, example, kind, area_code, area_name, area_type, baseline_period, baseline, weight,
  target_period, target, required_change, required_annual_change, achieved_annual_change (the recent
  trend's slope, from the forecasts), gap_baseline, gap_target, lifted_to_floor, deprivation_rank
followed by the check block (weighted mean of the targets against the county target, baseline and target
gaps, how far the gap narrows, where the county baseline came from). Without an indicator, every
configured indicator is printed. Targets shipped with the tool are labelled EXAMPLE targets.

Options:
  --format table|csv|json  output format (default table; csv prints the targets, a blank line, then the
                           check block as check,value rows)
  --list                   the configured indicators: level, method, p, floor, baseline, target, weights

${COMMON_HELP}

Examples:
  ntg targets --list
  ntg targets imd-income-deprivation-rate
  ntg targets excess-weight-year-6 --format json`,
  options: { ...COMMON_OPTIONS, format: { type: "string", default: "table" }, list: { type: "boolean" } },
  allowPositionals: true,
  async run({ config, values, positionals, output }) {
    const format = values.format as string;
    if (!["table", "csv", "json"].includes(format))
      throw new UsageError(`--format must be table, csv or json (got "${format}")`);
    if (positionals.length > 1)
      throw new UsageError("give at most one indicator id (ntg targets --list shows them)");
    const configs = readTargetConfigs(targetsDir(config.sourcesDir));
    if (values.list) {
      const rows = configs.map((c) => [
        c.indicator,
        c.example,
        c.level,
        c.method,
        c.narrowBy,
        c.floor ?? null,
        c.baseline.period,
        c.baseline.value ?? "computed from the data",
        c.target.period,
        c.target.value ?? `baseline ${c.target.change! >= 0 ? "+" : ""}${c.target.change}`,
        c.weights.kind === "population"
          ? `population ${c.weights.period} ${c.weights.ageBands.join("+")}`
          : "denominator",
        displayPath(c.file),
      ]);
      output.write(formatRows(format as OutputFormat, LIST_COLUMNS, rows));
      return 0;
    }
    if (!existsSync(config.warehousePath)) {
      throw new SourceError(`no warehouse at ${config.warehousePath}`, "Run `ntg run` first.");
    }
    const indicators = positionals.length === 1 ? [positionals[0]!] : configs.map((c) => c.indicator);
    const warehouse = await Warehouse.open(config.warehousePath, { readOnly: true });
    try {
      const results = [];
      for (const indicator of indicators) results.push(await readIndicatorTargets(warehouse, indicator));
      if (format === "json") {
        const json = results.map(({ rows: _rows, ...result }) => result);
        output.write(`${JSON.stringify(positionals.length === 1 ? json[0] : json, null, 2)}\n`);
      } else {
        output.write(
          results.map((result) => formatIndicatorTargets(result, format as "table" | "csv")).join("\n"),
        );
      }
      return 0;
    } finally {
      warehouse.close();
    }
  },
};
