import { existsSync } from "node:fs";
import { SourceError, UsageError } from "../../../models/errors.ts";
import {
  describeProfileArea,
  findProfileArea,
  listProfileAreas,
  PROFILE_TYPES,
  type ProfileType,
} from "../../derive/indicators/profile-area.ts";
import { profileCsv, profileJson, profileTable } from "../../derive/indicators/profile-format.ts";
import { type ProfileRow, readProfileRows } from "../../derive/indicators/profile-rows.ts";
import { formatRows, type OutputFormat } from "../../util/format-table.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";
import {
  exportSuppression,
  protectExport,
  SUPPRESSION_HELP,
  SUPPRESSION_OPTIONS,
  scopeForAreas,
  suppressionNote,
} from "../disclosure-option.ts";

const TYPE_ALIASES: Record<string, ProfileType> = { ward: "ward19" };

function parseType(value: unknown): ProfileType | null {
  if (value === undefined) return null;
  const type = TYPE_ALIASES[String(value)] ?? String(value);
  if (!(PROFILE_TYPES as readonly string[]).includes(type)) {
    throw new UsageError(`--type must be one of locality, priority, district, county, ward (got "${value}")`);
  }
  return type as ProfileType;
}

export const profileCommand: Command = {
  name: "profile",
  summary: "print an area's indicator profile: values, CIs, county and England comparisons, ranks, trends",
  help: `Usage: ntg profile <area code or name> [--period P] [--type T] [--format table|csv|json]
       ntg profile --list [--type T]

Prints every indicator available for a locality, priority area, district, the county or a ward: value and
95% confidence interval, the county and England values for the same period, benchmark labels (better /
similar / worse by the 95% interval, or "not compared" when the source gives no interval), rank among its
peers (the county's localities, wards, districts; districts also in England) and recent trend. Reads the
tables written by \`ntg run\` (indicator_comparison, indicator_value).

Options:
  --period P                a period as published (e.g. 2011, 2017/18) instead of each indicator's latest
  --type locality|priority|district|county|ward
                            which kind of area a name refers to (names are matched case-insensitively;
                            when several areas share a name the locality is chosen first)
  --format table|csv|json   output format (default table; csv and json carry every field at full precision)
  --list                    list the areas that have profiles, with district and population

${SUPPRESSION_HELP}

${COMMON_HELP}

Examples:
  ntg profile WCC-L19                       # Kenilworth locality
  ntg profile "Nuneaton and Bedworth" --format csv > nuneaton.csv
  ntg profile Kenilworth --period 2011
  ntg profile --list --type locality`,
  options: {
    ...COMMON_OPTIONS,
    format: { type: "string", default: "table" },
    period: { type: "string" },
    type: { type: "string" },
    list: { type: "boolean" },
    ...SUPPRESSION_OPTIONS,
  },
  allowPositionals: true,
  async run(context) {
    const { config, values, positionals, output, reporter } = context;
    const format = values.format as OutputFormat;
    if (!["table", "csv", "json"].includes(format))
      throw new UsageError(`--format must be table, csv or json (got "${format}")`);
    const type = parseType(values.type);
    if (!values.list && positionals.length !== 1)
      throw new UsageError(
        'give one area code or name, e.g. ntg profile WCC-L19 or ntg profile "Kenilworth"',
      );
    if (!existsSync(config.warehousePath))
      throw new SourceError(`no warehouse at ${config.warehousePath}`, "Run `ntg run` first.");
    const warehouse = await Warehouse.open(config.warehousePath, { readOnly: true });
    try {
      const hasTables = await warehouse.scalar<number>(
        "SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'indicator_comparison'",
      );
      if (!hasTables)
        throw new SourceError(
          `the warehouse ${config.warehousePath} has no indicator_comparison table`,
          "It was built before the indicator derive steps existed: run `ntg run` again.",
        );
      if (values.list) {
        const listing = await listProfileAreas(warehouse, type);
        output.write(formatRows(format, listing.columns, listing.rows));
        return 0;
      }
      const found = await findProfileArea(warehouse, positionals[0]!, type);
      if (found.others.length > 0) {
        const others = found.others.slice(0, 8).map((o) => `${o.code} ${o.name} (${o.type})`);
        reporter.warn(
          `"${positionals[0]}" also matches ${others.join(", ")}${found.others.length > 8 ? ", …" : ""}; give the code or --type to choose`,
        );
      }
      const area = await describeProfileArea(warehouse, found.code, found.type);
      const period = (values.period as string | undefined) ?? null;
      const profile = await readProfileRows(warehouse, found.code, found.type, period);
      if (profile.length === 0 && period)
        throw new UsageError(`${area.name} (${area.code}) has no indicator values for period "${period}"`);
      const suppression = await exportSuppression(
        warehouse,
        context,
        scopeForAreas(found.type, { codes: [found.code] }),
      );
      // The area's code on each row tells disclosure control whose counts they are (and is dropped after).
      const rows = protectExport(
        "profile",
        profile.map((row) => ({ area_code: found.code, ...row })),
        suppression,
      ).map(({ area_code: _code, ...row }) => row as ProfileRow);
      const note = suppressionNote(suppression);
      if (note && format === "table") reporter.info(note);
      if (format === "csv") output.write(profileCsv(area, rows));
      else if (format === "json") output.write(profileJson(area, rows));
      else output.write(profileTable(area, rows));
      return 0;
    } finally {
      warehouse.close();
    }
  },
};
