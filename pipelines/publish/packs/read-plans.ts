/**
 * Reads the delivery plans in `sources/plans/*.yaml` (the file name is the plan id), validated with
 * file:line errors, and checks their indicators, targets and scenarios against what the same sources
 * folder defines: the indicator catalogue, the derived IoD rates, the targets files and the allocation
 * scenarios. `ntg check` and `ntg run` call `checkPlans` before touching any data.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { SchemaError, UsageError } from "../../../models/errors.ts";
import { readScenarios, scenariosDir } from "../../allocation/read-scenarios.ts";
import { readCatalogue } from "../../catalogue/indicator-catalogue.ts";
import { readYamlConfig } from "../../config/read-yaml-config.ts";
import { DERIVED_RATES } from "../../derive/indicators/derived-rates.ts";
import { type KnownIds, type PlanConfig, planSchema } from "./plan-schema.ts";

export interface LoadedPlan extends PlanConfig {
  /** The file name without .yaml: what `ntg pack <plan>` takes and the pack's folder name. */
  id: string;
  file: string;
}

export function plansDir(sourcesDir: string): string {
  return path.join(sourcesDir, "plans");
}

/** Indicator ids that sources/targets/*.yaml declare (read loosely: the targets step validates them). */
function targetIndicators(sourcesDir: string): Set<string> {
  const folder = path.join(sourcesDir, "targets");
  if (!existsSync(folder)) return new Set();
  const ids = readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => {
      try {
        return (parse(readFileSync(path.join(folder, name), "utf8")) as { indicator?: unknown })?.indicator;
      } catch {
        return undefined;
      }
    });
  return new Set(ids.filter((id): id is string => typeof id === "string"));
}

/** What a plan may refer to, from the sources folder. */
export function knownIds(sourcesDir: string): KnownIds {
  const targets = targetIndicators(sourcesDir);
  return {
    indicators: new Set([
      ...readCatalogue(sourcesDir).map((indicator) => indicator.id),
      ...DERIVED_RATES.map((rate) => rate.indicator.id),
      ...targets,
    ]),
    targets,
    scenarios: new Set(readScenarios(scenariosDir(sourcesDir)).map((scenario) => scenario.id)),
  };
}

/**
 * Every plan in `folder`, sorted by id (none when the folder is absent).
 *
 * @throws {SchemaError} listing every problem of every file (file:line: key: problem).
 */
export function readPlans(folder: string, known?: KnownIds): LoadedPlan[] {
  if (!existsSync(folder)) return [];
  const schema = planSchema(known);
  const plans: LoadedPlan[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(folder)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()) {
    const file = path.join(folder, name);
    const id = name.replace(/\.ya?ml$/, "");
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      problems.push(`${file}: the file name must be a plan id (lower-case letters, digits and hyphens)`);
      continue;
    }
    try {
      plans.push({ ...(readYamlConfig(file, schema) as PlanConfig), id, file });
    } catch (error) {
      if (error instanceof SchemaError) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new SchemaError(problems.join("\n"));
  return plans;
}

/** Validates the plans of a sources folder with cross-checks; returns how many there are. */
export function checkPlans(sourcesDir: string): number {
  const folder = plansDir(sourcesDir);
  return existsSync(folder) ? readPlans(folder, knownIds(sourcesDir)).length : 0;
}

/**
 * One plan by id.
 *
 * @throws {UsageError} naming the plans there are.
 */
export function findPlan(plans: readonly LoadedPlan[], id: string): LoadedPlan {
  const plan = plans.find((candidate) => candidate.id === id);
  if (!plan)
    throw new UsageError(
      `no delivery plan "${id}"`,
      plans.length > 0
        ? `The plans are: ${plans.map((candidate) => candidate.id).join(", ")}`
        : "Add a plan to sources/plans/ (see the README there).",
    );
  return plan;
}
