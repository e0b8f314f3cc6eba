/**
 * What `ntg allocate` does in each of its modes — one scenario, --inputs, --sensitivity, --compare — and
 * how it writes the result (stdout or --output FILE, text or XLSX bytes). The command module only parses
 * and validates the command line.
 */
import { renameSync, writeFileSync } from "node:fs";
import { UsageError } from "../../models/errors.ts";
import { DEFAULT_SEED } from "../../models/random.ts";
import type { CommandContext } from "../cli/command.ts";
import { formatRows } from "../util/format-table.ts";
import { type XlsxSheet, xlsxWorkbook } from "../util/xlsx-writer.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { allocateInputs, allocationInputs, type InputsCache, inputsCache } from "./allocation-inputs.ts";
import { allocationCsv, allocationJson, allocationSheets, allocationText } from "./allocation-output.ts";
import { comparisonCsv, comparisonJson, comparisonSheets, comparisonText } from "./comparison-output.ts";
import { NEED_MEASURE_NAMES, type NeedMeasureName } from "./need-measure-catalogue.ts";
import { findScenario } from "./read-scenarios.ts";
import { describeRecipients } from "./recipient-areas.ts";
import { compareScenarios, type ScenarioRun } from "./scenario-comparison.ts";
import { describeRule } from "./scenario-rule.ts";
import type { LoadedScenario } from "./scenario-schema.ts";
import {
  scenarioSensitivity,
  sensitivityCsv,
  sensitivityJson,
  sensitivitySheets,
  sensitivityText,
} from "./sensitivity-output.ts";

type Format = "table" | "csv" | "json" | "xlsx";
type Rendered = { text: string } | { sheets: XlsxSheet[] };

/** Writes text or a workbook to --output (temporary file, then rename) or to stdout. */
function writeRendered(context: CommandContext, rendered: Rendered): void {
  const file = context.values.output as string | undefined;
  const bytes = "text" in rendered ? rendered.text : xlsxWorkbook(rendered.sheets);
  if (file) {
    const temporary = `${file}.tmp-${process.pid}`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
    context.reporter.info(`wrote ${file}`);
    return;
  }
  if (typeof bytes !== "string" && (context.output as { isTTY?: boolean }).isTTY) {
    throw new UsageError(
      "--format xlsx writes binary data",
      "Add --output FILE.xlsx (or redirect stdout to a file).",
    );
  }
  context.output.write(bytes);
}

function integerOption(values: CommandContext["values"], name: string, fallback: number): number {
  const text = values[name] as string | undefined;
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new UsageError(`--${name} must be a whole number (got "${text}")`);
  return value;
}

function targetNeedOption(values: CommandContext["values"]): NeedMeasureName[] | undefined {
  const text = values["target-need"] as string | undefined;
  if (text === undefined) return undefined;
  const names = text.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !(NEED_MEASURE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown need measure ${unknown.join(", ")}`,
      `Use one of: ${NEED_MEASURE_NAMES.join(", ")}`,
    );
  }
  return names as NeedMeasureName[];
}

/** `--list`: id, title, recipients, rule, population, baseline of every scenario (no warehouse needed). */
export function listScenarios(context: CommandContext, scenarios: readonly LoadedScenario[]): number {
  const columns = ["id", "title", "recipients", "rule", "population", "baseline"];
  const rows = scenarios.map((scenario) => [
    scenario.id,
    scenario.title,
    describeRecipients(scenario.recipients),
    describeRule(scenario),
    scenario.population,
    typeof scenario.baseline === "string" ? scenario.baseline : scenario.baseline ? "explicit amounts" : "",
  ]);
  const format = context.values.format as Format;
  writeRendered(
    context,
    format === "xlsx"
      ? { sheets: [{ name: "Scenarios", columns: columns.map((header) => ({ header })), rows }] }
      : { text: formatRows(format, columns, rows) },
  );
  return 0;
}

async function runOne(
  warehouse: Warehouse,
  scenario: LoadedScenario,
  scenarios: readonly LoadedScenario[],
  cache: InputsCache = inputsCache(),
): Promise<ScenarioRun> {
  const inputs = await allocationInputs(warehouse, scenario, scenarios, cache);
  return { inputs, result: allocateInputs(inputs) };
}

function renderCompare(context: CommandContext, runs: ScenarioRun[], format: Format): Rendered {
  const comparison = compareScenarios(runs, {
    baselineId: context.values.baseline as string | undefined,
    targetNeed: targetNeedOption(context.values),
  });
  if (format === "csv") return { text: comparisonCsv(comparison) };
  if (format === "json") return { text: comparisonJson(comparison) };
  if (format === "xlsx") return { sheets: comparisonSheets(comparison) };
  return { text: comparisonText(comparison, runs[0]!.inputs.scenario.recipients) };
}

function renderSensitivity(context: CommandContext, run: ScenarioRun, format: Format): Rendered {
  const { values } = context;
  const spread = values.spread === undefined ? undefined : Number(values.spread);
  if (spread !== undefined && !Number.isFinite(spread))
    throw new UsageError(`--spread must be a number (got "${values.spread}")`);
  const distribution = values.distribution as "uniform" | "lognormal" | undefined;
  const sensitivity = scenarioSensitivity(run.inputs, run.result, {
    draws: integerOption(values, "draws", 10_000),
    seed: integerOption(values, "seed", DEFAULT_SEED),
    weightUncertainty: { ...(spread !== undefined && { spread }), ...(distribution && { distribution }) },
  });
  if (format === "csv") return { text: sensitivityCsv(sensitivity) };
  if (format === "json") return { text: sensitivityJson(sensitivity) };
  if (format === "xlsx") return { sheets: sensitivitySheets(sensitivity) };
  return { text: sensitivityText(sensitivity) };
}

function renderOne(run: ScenarioRun, format: Format): Rendered {
  if (format === "csv") return { text: allocationCsv(run.result) };
  if (format === "json") return { text: allocationJson(run.result) };
  if (format === "xlsx") return { sheets: allocationSheets(run.inputs, run.result) };
  return { text: allocationText(run.inputs, run.result) };
}

/** Runs the mode the command line asks for (one scenario, --inputs, --sensitivity or --compare). */
export async function runAllocateAction(
  context: CommandContext,
  warehouse: Warehouse,
  scenarios: readonly LoadedScenario[],
): Promise<number> {
  const { values, positionals } = context;
  const format = values.format as Format;
  if (values.compare !== undefined) {
    const ids = (values.compare as string)
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean);
    if (ids.length < 2) throw new UsageError("--compare needs at least two scenario ids, e.g. --compare a,b");
    const runs: ScenarioRun[] = [];
    const cache = inputsCache();
    for (const id of ids) runs.push(await runOne(warehouse, findScenario(scenarios, id), scenarios, cache));
    writeRendered(context, renderCompare(context, runs, format));
    return 0;
  }
  const run = await runOne(warehouse, findScenario(scenarios, positionals[0]!), scenarios);
  if (values.inputs) {
    writeRendered(context, { text: `${JSON.stringify(run.inputs, null, 2)}\n` });
  } else if (values.sensitivity) {
    writeRendered(context, renderSensitivity(context, run, format));
  } else {
    writeRendered(context, renderOne(run, format));
  }
  return 0;
}
