import { buildWarehouse } from "../../run/build-warehouse.ts";
import { prepareRun } from "../../run/prepare-run.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";

export const loadCommand: Command = {
  name: "load",
  summary: "fetch (from the cache) and load every source into a new warehouse, swapped in on success",
  help: `Usage: ntg load [options]

Builds a new DuckDB warehouse (DIST/warehouse.duckdb) from every source: lookups and locality definitions
first, then deprivation, populations and indicators. Rows that fail validation are kept out of the data
and listed in the table reject with their file, line, column, value and reason. The new file replaces the
old one only when the whole load succeeded; a failed run leaves the previous warehouse untouched.

Skipped when the sources, configuration and code are unchanged since the last load (--force reloads).

Options:
  --force                 load even when nothing changed

${COMMON_HELP}`,
  options: { ...COMMON_OPTIONS, force: { type: "boolean" } },
  allowPositionals: false,
  async run({ config, reporter, values }) {
    await buildWarehouse(config, prepareRun(config), reporter, { force: values.force === true });
    return 0;
  },
};
