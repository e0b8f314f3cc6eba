import { fetchSources } from "../../fetch/fetch-sources.ts";
import { prepareRun } from "../../run/prepare-run.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";

export const fetchCommand: Command = {
  name: "fetch",
  summary: "copy or download every source file into the cache and verify its sha256",
  help: `Usage: ntg fetch [SOURCE-ID ...] [options]

Takes each source file from the cache, else the first mirror folder that has it, else its download URL,
and verifies its sha256 against the manifest. A mismatch is an error naming both hashes. With no
SOURCE-ID, fetches every source in the sources folder.

${COMMON_HELP}

Examples:
  ntg fetch
  ntg fetch imd2019-domains --mirror /data/mirror --offline`,
  options: COMMON_OPTIONS,
  allowPositionals: true,
  async run({ config, positionals, reporter }) {
    const run = prepareRun(config, positionals);
    await fetchSources(
      run.sources.map((s) => s.manifest),
      config,
      reporter,
    );
    return 0;
  },
};
