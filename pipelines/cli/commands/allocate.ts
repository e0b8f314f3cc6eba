/**
 * `ntg allocate`: run allocation scenarios (sources/scenarios/*.yaml) on the warehouse, compare them and
 * test their sensitivity (issue 6; METHODS.md §8). The output columns are a contract used by outside
 * checks: CSV and JSON use the models' field names code, name, amount, share, perHead,
 * perDeprivedPerson, targetAmount, distanceFromTarget, changeFromBaseline, in that order.
 */
import { existsSync } from "node:fs";
import { SourceError, UsageError } from "../../../models/errors.ts";
import { DEFAULT_SEED } from "../../../models/random.ts";
import { listScenarios, runAllocateAction } from "../../allocation/allocate-actions.ts";
import { NEED_MEASURE_NAMES } from "../../allocation/need-measure-catalogue.ts";
import { readScenarios, scenariosDir } from "../../allocation/read-scenarios.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";

export const allocateCommand: Command = {
  name: "allocate",
  summary: "split a pot between areas by a scenario's rule; compare scenarios; sensitivity",
  help: `Usage: ntg allocate <scenario> [--format table|csv|json|xlsx] [--output FILE]
       ntg allocate --list
       ntg allocate --compare a,b,c [--baseline ID] [--target-need MEASURE] [--format F]
       ntg allocate <scenario> --sensitivity [--draws N] [--seed S] [--spread X] [--distribution D]
       ntg allocate <scenario> --inputs

Runs an allocation scenario from SOURCES/scenarios/*.yaml on the warehouse (METHODS.md §8): one row
per recipient with the columns
  code, name, amount, share, perHead, perDeprivedPerson, targetAmount, distanceFromTarget,
  changeFromBaseline
(amounts in £ to the penny, summing exactly to the pot; perDeprivedPerson is £ per income-deprived
person; targetAmount is the need-weighted target; distanceFromTarget = (amount − target) / target;
changeFromBaseline = amount − the scenario's baseline).

Options:
  --format table|csv|json|xlsx  output format (default table; xlsx is written to --output or to a
                          redirected stdout)
  --output FILE           write the output to FILE instead of stdout
  --list                  the scenarios: id, title, recipients, rule, population, baseline
  --compare a,b,c         scenarios side by side over the same recipients, with gains and losses
                          against the baseline, distance from one common need-weighted target, how far
                          the baseline departs from each alternative and the need it implies
  --baseline ID           baseline of --compare (default: the first scenario's own baseline when listed)
  --target-need M[,M]     need measure(s) of the common target of --compare (default
                          income-deprived-people; one of ${NEED_MEASURE_NAMES.join(", ")})
  --sensitivity           P5/P50/P95 of each amount when the need weights are uncertain (Monte Carlo)
  --draws N               sensitivity draws (default 10000)
  --seed S                seed of the draws (default ${DEFAULT_SEED}); the same seed gives the same result
  --spread X              ± fraction of each weight's uncertainty (default 0.2)
  --distribution D        uniform (default) or lognormal
  --inputs                print the scenario's inputs as JSON (pot, rule, recipients with need measures
                          and baseline): what a browser page needs to run allocate() itself

${COMMON_HELP}

Examples:
  ntg allocate --list
  ntg allocate abg-2008-09 --format csv
  ntg allocate districts-income-deprived-floor
  ntg allocate --compare abg-2008-09,districts-equal,districts-per-head,districts-income-deprived,districts-extent,districts-population-x-score,districts-income-deprived-floor
  ntg allocate localities-income-deprived --sensitivity --draws 100000 --seed 7
  ntg allocate districts-income-deprived --format xlsx --output districts.xlsx`,
  options: {
    ...COMMON_OPTIONS,
    format: { type: "string", default: "table" },
    output: { type: "string" },
    list: { type: "boolean" },
    compare: { type: "string" },
    baseline: { type: "string" },
    "target-need": { type: "string" },
    sensitivity: { type: "boolean" },
    draws: { type: "string" },
    seed: { type: "string" },
    spread: { type: "string" },
    distribution: { type: "string" },
    inputs: { type: "boolean" },
  },
  allowPositionals: true,
  async run(context) {
    const { config, values, positionals } = context;
    const format = values.format as string;
    if (!["table", "csv", "json", "xlsx"].includes(format))
      throw new UsageError(`--format must be table, csv, json or xlsx (got "${format}")`);
    const modes = [values.list, values.compare !== undefined, positionals.length > 0].filter(Boolean).length;
    if (modes !== 1 || positionals.length > 1) {
      throw new UsageError(
        "give one scenario id, or --list, or --compare a,b,c",
        "`ntg allocate --list` shows the scenarios.",
      );
    }
    const scenarios = readScenarios(scenariosDir(config.sourcesDir));
    if (values.list) return listScenarios(context, scenarios);
    if (!existsSync(config.warehousePath)) {
      throw new SourceError(`no warehouse at ${config.warehousePath}`, "Run `ntg run` first.");
    }
    const warehouse = await Warehouse.open(config.warehousePath, { readOnly: true });
    try {
      return await runAllocateAction(context, warehouse, scenarios);
    } finally {
      warehouse.close();
    }
  },
};
