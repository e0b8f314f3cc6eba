import { existsSync } from "node:fs";
import { cachedPath } from "../../fetch/fetch-source.ts";
import { prepareRun } from "../../run/prepare-run.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";

export const checkCommand: Command = {
  name: "check",
  summary: "validate source manifests, their options and the configuration, without writing anything",
  help: `Usage: ntg check [options]

Validates every manifest in the sources folder (schema and format options), the indicator catalogue,
local indices (indices/) and allocation scenarios (scenarios/), and says for each source whether its file is already in the cache. Writes nothing. Exit code 2 when the
configuration is invalid, with the file, line and problem for each error.

${COMMON_HELP}`,
  options: COMMON_OPTIONS,
  allowPositionals: false,
  async run({ config, output }) {
    const run = prepareRun(config);
    for (const source of run.sources) {
      const m = source.manifest;
      const where = m.localPath
        ? "committed with the project"
        : existsSync(cachedPath(m, config))
          ? "in the cache"
          : "not yet fetched";
      output.write(`ok  ${m.id.padEnd(34)} ${m.format.padEnd(20)} ${where}\n`);
    }
    for (const [name, count] of Object.entries(run.configuration)) output.write(`ok  ${name}: ${count}\n`);
    output.write(
      `${run.sources.length} sources and ${run.catalogue.length} catalogued indicators are valid\n`,
    );
    return 0;
  },
};
