/**
 * `ntg deprivation`: the deprivation profile of every place, read from the derived tables
 * (`deprivation_summary`, `deprivation_trend`, LSOA scores). The output columns are a contract used by
 * outside checks: the required columns come first, in order; extra columns only ever follow them.
 */
import { existsSync } from "node:fs";
import { SourceError, UsageError } from "../../../models/errors.ts";
import {
  checkIndex,
  checkSummaryEdition,
  defaultWithin,
  describeArea,
  resolveLevel,
} from "../../derive/deprivation/deprivation-choices.ts";
import {
  lsoaRows,
  type QueryResult,
  summaryRows,
  trendRows,
} from "../../derive/deprivation/deprivation-queries.ts";
import { OFFICIAL_INDEX_ID } from "../../derive/deprivation/local-index-config.ts";
import { formatRows, type OutputFormat } from "../../util/format-table.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";
import {
  exportSuppression,
  protectTableRows,
  SUPPRESSION_HELP,
  SUPPRESSION_OPTIONS,
} from "../disclosure-option.ts";

export const deprivationCommand: Command = {
  name: "deprivation",
  summary: "deprivation summaries of areas (average score, extent, …) and the editions table 2004–2025",
  help: `Usage: ntg deprivation [--edition 2019] [--level LEVEL] [--within CODE] [--index NAME] [--format F]
       ntg deprivation --trend [--level LEVEL] [--within CODE] [--format F]

Prints one row per area of LEVEL inside the area CODE, with the English Indices of Deprivation summary
measures (METHODS.md §5; ranks are national, 1 = most deprived):
  area_code, area_name, population, average_score, average_rank, rank_of_average_score,
  proportion_most_deprived_10, proportion_most_deprived_20, extent, local_concentration,
  income_scale, employment_scale
then extra columns: peer_group, peer_count (rank_of_average_score is among these peers: areas of the
same type in the same county for wards, localities and priority areas; nationally for districts,
counties and regions), lsoa_count, income/employment_numerators_missing (the scale then counts the known
numerators only) and illustrative (true for the illustrative localities and priority areas).
--level lsoa11 prints area_code, score, rank, decile (then area_name).
--trend prints the editions table: per area and edition 2004–2025, LSOAs and people in the most deprived
10% and 20% nationally and the relative position change (improving / worsening / no clear change).

Options:
  --edition YEAR          IoD edition (default 2019); summaries exist for 2019 and 2015, LSOA rows for
                          every edition (--level lsoa01 for 2004–2010, lsoa21 for 2025)
  --level LEVEL           ward (2019 wards) | locality | priority | district | county | region | country |
                          lsoa11 | lsoa01 | lsoa21 (default locality)
  --within CODE           only areas inside CODE; E92000001 = all of England (default: the county holding
                          the configured localities, E10000031 Warwickshire with the default sources)
  --index NAME            imd (default) or a local index from sources/indices/*.yaml
  --trend                 the editions table instead of the summaries
  --format table|csv|json output format (default table)

${SUPPRESSION_HELP}

${COMMON_HELP}

Examples:
  ntg deprivation --edition 2019 --level district --within E92000001 --format csv > districts.csv
  ntg deprivation --level locality                      # Warwickshire's 23 localities
  ntg deprivation --level ward --within E07000219       # wards of Nuneaton and Bedworth
  ntg deprivation --level lsoa11 --within WCC-L07 --format json
  ntg deprivation --level district --index imd2019-without-crime
  ntg deprivation --trend --level locality --format csv`,
  options: {
    ...COMMON_OPTIONS,
    edition: { type: "string" },
    level: { type: "string", default: "locality" },
    within: { type: "string" },
    index: { type: "string", default: OFFICIAL_INDEX_ID },
    trend: { type: "boolean" },
    format: { type: "string", default: "table" },
    ...SUPPRESSION_OPTIONS,
  },
  allowPositionals: false,
  async run(context) {
    const { config, values, output, reporter } = context;
    const format = values.format as string;
    if (!["table", "csv", "json"].includes(format))
      throw new UsageError(`--format must be table, csv or json (got "${format}")`);
    const level = resolveLevel(values.level as string);
    if (!existsSync(config.warehousePath)) {
      throw new SourceError(`no warehouse at ${config.warehousePath}`, "Run `ntg run` first.");
    }
    const warehouse = await Warehouse.open(config.warehousePath, { readOnly: true });
    try {
      const within = (values.within as string | undefined) ?? (await defaultWithin(warehouse));
      const withinArea = await describeArea(warehouse, within);
      const result = values.trend
        ? await readTrend(warehouse, values, level, within)
        : await readProfile(warehouse, values, level, within, withinArea.type === "country");
      if (result.rows.length === 0) {
        reporter.warn(
          `no ${values.trend ? "editions table" : "deprivation"} rows for level ${level} within ${within} (${withinArea.name})`,
        );
      }
      const suppression = await exportSuppression(warehouse, context);
      const published = protectTableRows("deprivation", result.columns, result.rows, suppression);
      const rows = format === "table" ? published.map(roundForReading) : published;
      output.write(formatRows(format as OutputFormat, result.columns, rows));
      if (format === "table") noteIllustrative(result, reporter.info);
      if (format === "table" && "exampleIndex" in result && result.exampleIndex) {
        reporter.info(
          `note: index ${values.index} is an EXAMPLE local index (sources/indices), not an agreed one.`,
        );
      }
      return 0;
    } finally {
      warehouse.close();
    }
  },
};

async function readProfile(
  warehouse: Warehouse,
  values: Record<string, unknown>,
  level: string,
  within: string,
  withinCountry: boolean,
): Promise<QueryResult & { exampleIndex: boolean }> {
  const edition = values.edition === undefined ? 2019 : Number(values.edition);
  if (!Number.isInteger(edition))
    throw new UsageError(`--edition must be a year such as 2019 (got "${values.edition}")`);
  const indexId = values.index as string;
  const { example } = await checkIndex(warehouse, indexId, edition);
  if (level.startsWith("lsoa")) {
    const rows = await lsoaRows(warehouse, { edition, indexId, lsoaType: level, within, withinCountry });
    return { ...rows, exampleIndex: example };
  }
  await checkSummaryEdition(warehouse, edition, indexId);
  return {
    ...(await summaryRows(warehouse, { edition, indexId, areaType: level, within })),
    exampleIndex: example,
  };
}

async function readTrend(
  warehouse: Warehouse,
  values: Record<string, unknown>,
  level: string,
  within: string,
): Promise<QueryResult> {
  if (values.edition !== undefined) {
    throw new UsageError("--trend covers every edition (2004–2025); leave out --edition");
  }
  if (values.index !== OFFICIAL_INDEX_ID) {
    throw new UsageError("--trend is computed for the official IMD only; leave out --index");
  }
  return trendRows(warehouse, { areaType: level, within });
}

/** Table output is for reading: 4 decimals (csv and json keep full precision). */
function roundForReading(row: unknown[]): unknown[] {
  return row.map((value) =>
    typeof value === "number" && !Number.isInteger(value) ? Number(value.toFixed(4)) : value,
  );
}

/** Table output only: a note on stderr when rows are illustrative (csv/json carry the column). */
function noteIllustrative(result: QueryResult, info: (message: string) => void): void {
  const column = result.columns.indexOf("illustrative");
  if (column >= 0 && result.rows.some((row) => row[column] === true)) {
    info(
      "note: rows marked illustrative=true are ILLUSTRATIVE areas (the locality and priority-area tables in " +
        "sources/ are examples until the observatory supplies its own); their figures are not official.",
    );
  }
}
