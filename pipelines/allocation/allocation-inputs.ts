/**
 * Everything an allocation needs, read from the warehouse once and written as plain JSON-able data:
 * the pot, the models' rule and the models' recipients (population, need measures, baseline amounts).
 * `allocate(inputs.pot, inputs.recipients, inputs.rule)` then runs anywhere — in Node for the CLI and
 * the derive step, and unchanged in the browser for a what-if page that embeds these inputs and lets
 * readers move weights, floors and the pot (the models are pure).
 */
import {
  type AllocationResult,
  type AllocationRule,
  allocate,
  type Recipient,
} from "../../models/allocation/index.ts";
import { SourceError } from "../../models/errors.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { NEED_MEASURES, type NeedMeasureDefinition, type NeedMeasureName } from "./need-measure-catalogue.ts";
import { findScenario } from "./read-scenarios.ts";
import { describeRecipients, type RecipientArea, recipientAreas } from "./recipient-areas.ts";
import { NEED_SOURCES } from "./recipient-lsoas.ts";
import { type RecipientMeasures, recipientMeasures } from "./recipient-measures.ts";
import { describeRule, measuresNamed, modelRule } from "./scenario-rule.ts";
import type { LoadedScenario } from "./scenario-schema.ts";

export interface AllocationInputs {
  scenario: {
    id: string;
    title: string;
    description: string | null;
    recipients: string;
    rule: string;
    population: string;
    baselineId: string | null;
  };
  pot: number;
  rule: AllocationRule;
  /** The models' recipients in code order; `need` keys are need-measure names. */
  recipients: Recipient[];
  /** Per recipient (same order): area type, whether illustrative, LSOAs, where the IMD averages came from. */
  areas: (RecipientArea & Omit<RecipientMeasures, "code" | "population" | "measures">)[];
  /** The need measures available on the recipients, with their definitions. */
  measures: (NeedMeasureDefinition & { name: NeedMeasureName })[];
  sources: typeof NEED_SOURCES;
}

/**
 * Memo of warehouse reads within one command or derive run: recipients and need measures by
 * (recipients, population), and baseline results by scenario id, so comparing or storing many
 * scenarios over the same areas reads the warehouse once per area set.
 */
export interface InputsCache {
  measured: Map<string, Promise<{ areas: RecipientArea[]; measured: RecipientMeasures[] }>>;
  results: Map<string, Promise<AllocationResult>>;
}

export function inputsCache(): InputsCache {
  return { measured: new Map(), results: new Map() };
}

function measuredRecipients(warehouse: Warehouse, scenario: LoadedScenario, cache: InputsCache) {
  const key = JSON.stringify([scenario.recipients, scenario.population]);
  let entry = cache.measured.get(key);
  if (!entry) {
    entry = (async () => {
      const areas = await recipientAreas(warehouse, scenario.recipients);
      return { areas, measured: await recipientMeasures(warehouse, areas, scenario.population) };
    })();
    cache.measured.set(key, entry);
  }
  return entry;
}

function checkMeasuresAvailable(scenario: LoadedScenario, measured: RecipientMeasures[]): void {
  for (const name of measuresNamed(scenario)) {
    const lacking = measured.filter((recipient) => recipient.measures[name] === undefined);
    if (lacking.length > 0) {
      throw new SourceError(
        `scenario ${scenario.id}: need measure "${name}" is not available for ${lacking.map((r) => r.code).join(", ")}` +
          (lacking[0]!.notes.length > 0 ? ` (${lacking[0]!.notes.join("; ")})` : ""),
        "Run `ntg run` with the default sources (IoD 2019 numerators, ranks and the deprivation derive steps).",
      );
    }
  }
}

async function baselineAmounts(
  warehouse: Warehouse,
  scenario: LoadedScenario,
  scenarios: readonly LoadedScenario[],
  codes: readonly string[],
  cache: InputsCache,
): Promise<Map<string, number>> {
  const { baseline } = scenario;
  if (baseline === undefined) return new Map();
  if (typeof baseline !== "string") {
    const unknown = Object.keys(baseline.amounts).filter((code) => !codes.includes(code));
    if (unknown.length > 0) {
      throw new SourceError(
        `scenario ${scenario.id}: baseline amounts for codes that are not recipients: ${unknown.join(", ")}`,
      );
    }
    return new Map(Object.entries(baseline.amounts));
  }
  let result = cache.results.get(baseline);
  if (!result) {
    result = runScenario(warehouse, findScenario(scenarios, baseline), scenarios, cache);
    cache.results.set(baseline, result);
  }
  return new Map((await result).rows.map((row) => [row.code, row.amount]));
}

/**
 * The inputs of a scenario: recipients resolved in the warehouse, need measures computed, the baseline
 * (another scenario, run first, or explicit amounts) attached to each recipient. Pass one `cache` to
 * every call of a run that reads several scenarios.
 *
 * @throws {SourceError} when recipients or need measures are not in the warehouse.
 */
export async function allocationInputs(
  warehouse: Warehouse,
  scenario: LoadedScenario,
  scenarios: readonly LoadedScenario[],
  cache: InputsCache = inputsCache(),
): Promise<AllocationInputs> {
  const { areas, measured } = await measuredRecipients(warehouse, scenario, cache);
  checkMeasuresAvailable(scenario, measured);
  const codes = areas.map((area) => area.code);
  const baselines = await baselineAmounts(warehouse, scenario, scenarios, codes, cache);
  const recipients = areas.map((area, i): Recipient => {
    const { population, measures } = measured[i]!;
    const { population: _population, ...need } = measures;
    const recipient: Recipient = { code: area.code, name: area.name, population, need };
    if (measures["income-deprived-people"] !== undefined)
      recipient.deprivedPopulation = measures["income-deprived-people"];
    const cost = scenario.costs?.[area.code];
    if (cost !== undefined) recipient.cost = cost;
    const baseline = baselines.get(area.code);
    if (baseline !== undefined) recipient.baseline = baseline;
    return recipient;
  });
  const present = new Set(measured.flatMap((recipient) => Object.keys(recipient.measures)));
  return {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      description: scenario.description ?? null,
      recipients: describeRecipients(scenario.recipients),
      rule: describeRule(scenario),
      population: scenario.population,
      baselineId: typeof scenario.baseline === "string" ? scenario.baseline : null,
    },
    pot: scenario.pot,
    rule: modelRule(scenario),
    recipients,
    areas: areas.map((area, i) => {
      const { code: _code, population: _population, measures: _measures, ...details } = measured[i]!;
      return { ...area, ...details };
    }),
    measures: (Object.keys(NEED_MEASURES) as NeedMeasureName[])
      .filter((name) => present.has(name))
      .map((name) => ({ name, ...NEED_MEASURES[name] })),
    sources: NEED_SOURCES,
  };
}

/** Runs a scenario on the warehouse: its inputs, then `allocate`. */
export async function runScenario(
  warehouse: Warehouse,
  scenario: LoadedScenario,
  scenarios: readonly LoadedScenario[],
  cache: InputsCache = inputsCache(),
): Promise<AllocationResult> {
  return allocateInputs(await allocationInputs(warehouse, scenario, scenarios, cache));
}

/** The allocation of a set of inputs (pure: the same call a browser page makes). */
export function allocateInputs(inputs: AllocationInputs): AllocationResult {
  return allocate(inputs.pot, inputs.recipients, inputs.rule);
}
