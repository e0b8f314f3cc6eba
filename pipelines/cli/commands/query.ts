import { existsSync } from "node:fs";
import { SourceError, UsageError } from "../../../models/errors.ts";
import { describeTable } from "../../derive/table-descriptions.ts";
import { formatRows, type OutputFormat } from "../../util/format-table.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";

export const queryCommand: Command = {
  name: "query",
  summary: "run SQL against the warehouse and print the result (table, csv or json)",
  help: `Usage: ntg query "<sql>" [--format table|csv|json]
       ntg query --tables

Runs one SQL statement against DIST/warehouse.duckdb (read-only) and prints the result.

Options:
  --format table|csv|json   output format (default table)
  --tables                  list the warehouse tables with a line on each

${COMMON_HELP}

Examples:
  ntg query "select type, count(*) from area group by type"
  ntg query "select * from reject limit 20" --format csv > rejects.csv`,
  options: { ...COMMON_OPTIONS, format: { type: "string", default: "table" }, tables: { type: "boolean" } },
  allowPositionals: true,
  async run({ config, values, positionals, output }) {
    const format = values.format as string;
    if (!["table", "csv", "json"].includes(format))
      throw new UsageError(`--format must be table, csv or json (got "${format}")`);
    if (!values.tables && positionals.length !== 1)
      throw new UsageError('give one SQL statement in quotes, e.g. ntg query "select count(*) from area"');
    if (!existsSync(config.warehousePath)) {
      throw new SourceError(
        `no warehouse at ${config.warehousePath}`,
        "Run `ntg run` (or `ntg load`) first.",
      );
    }
    const warehouse = await Warehouse.open(config.warehousePath, { readOnly: true });
    try {
      if (values.tables) {
        const tables = await warehouse.rows<{ name: string; rows: number }>(
          `SELECT table_name AS name, estimated_size AS rows FROM duckdb_tables() WHERE NOT temporary
           UNION ALL SELECT view_name, NULL FROM duckdb_views() WHERE NOT internal AND NOT temporary ORDER BY name`,
        );
        output.write(
          formatRows(
            format as OutputFormat,
            ["table", "rows", "holds"],
            tables.map((t) => [t.name, t.rows, describeTable(t.name)]),
          ),
        );
        return 0;
      }
      let result: { columns: string[]; rows: unknown[][] };
      try {
        result = await warehouse.table(positionals[0]!);
      } catch (error) {
        throw new UsageError(
          `query failed: ${(error as Error).message.split("\n")[0]}`,
          "`ntg query --tables` lists the tables; DuckDB SQL syntax applies.",
        );
      }
      output.write(formatRows(format as OutputFormat, result.columns, result.rows));
      return 0;
    } finally {
      warehouse.close();
    }
  },
};
