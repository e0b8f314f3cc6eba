import { deriveAll } from "../../derive/derive-stage.ts";
import { publishSite } from "../../publish/site/publish-site.ts";
import { buildWarehouse } from "../../run/build-warehouse.ts";
import { prepareRun } from "../../run/prepare-run.ts";
import { formatSeconds } from "../../util/reporter.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";

export const runCommand: Command = {
  name: "run",
  summary: "the main job: fetch, load and derive everything for the default (or given) sources",
  help: `Usage: ntg run [options]

Runs every stage in order: check the configuration, fetch and verify the sources, load them into a new
warehouse (DIST/warehouse.duckdb), derive the summaries and statistics, build the site (DIST/site), and
swap them in on success. Prints rows loaded and rejected per source.

Stages whose inputs (source files, configuration, code) are unchanged since the last run are skipped,
and say so; a second run with nothing changed takes a second or two.

Options:
  --force                 rebuild every stage even when nothing changed

${COMMON_HELP}

Examples:
  ntg run                         # Warwickshire, sources from ../shared/data or the publishers
  ntg run --sources ./my-county   # your own manifests, locality table and catalogue`,
  options: { ...COMMON_OPTIONS, force: { type: "boolean" } },
  allowPositionals: false,
  async run({ config, reporter, values }) {
    const started = performance.now();
    const run = prepareRun(config);
    reporter.info(
      `check: ${run.sources.length} source manifests, ${run.catalogue.length} catalogued indicators and ${Object.entries(
        run.configuration,
      )
        .map(([name, count]) => `${count} ${name}`)
        .join(", ")} are valid`,
    );
    const force = values.force === true;
    await buildWarehouse(config, run, reporter, {
      derive: (warehouse) => deriveAll(warehouse, reporter, { sourcesDir: config.sourcesDir }),
      publish: (file) => publishSite(config, file, reporter, force),
      force,
    });
    reporter.info(`run: done in ${formatSeconds(started)}`);
    return 0;
  },
};
