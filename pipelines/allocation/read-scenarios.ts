/**
 * Reads every scenario in `sources/scenarios/*.yaml`, validated by the scenario schema, and checks what
 * one file cannot: ids are unique and every baseline names a scenario that exists, over the same
 * recipients, without a cycle. All problems are reported together, each with its file.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { SchemaError, UsageError } from "../../models/errors.ts";
import { resolveConfig } from "../config/project-config.ts";
import { displayPath, readYamlConfig } from "../config/read-yaml-config.ts";
import { type LoadedScenario, scenarioSchema } from "./scenario-schema.ts";

/** The scenarios folder of a sources folder (default: the project's, or NTG_SOURCES). */
export function scenariosDir(sourcesDir = resolveConfig().sourcesDir): string {
  return path.join(sourcesDir, "scenarios");
}

/**
 * Reads and validates the scenarios in `folder`, sorted by file name (none when the folder is absent).
 *
 * @throws {SchemaError} listing every bad file (file:line: key: problem), repeated id or bad baseline.
 */
export function readScenarios(folder: string): LoadedScenario[] {
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const scenarios: LoadedScenario[] = [];
  const problems: string[] = [];
  for (const name of files) {
    const file = path.join(folder, name);
    try {
      scenarios.push({ ...readYamlConfig(file, scenarioSchema), file });
    } catch (error) {
      if (error instanceof SchemaError) problems.push(error.message);
      else throw error;
    }
  }
  problems.push(...crossScenarioProblems(scenarios));
  if (problems.length > 0) throw new SchemaError(problems.join("\n"));
  return scenarios;
}

function crossScenarioProblems(scenarios: readonly LoadedScenario[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, LoadedScenario>();
  for (const scenario of scenarios) {
    const earlier = byId.get(scenario.id);
    if (earlier) {
      problems.push(
        `${displayPath(scenario.file)}: id "${scenario.id}" is already used by ${displayPath(earlier.file)}`,
      );
    }
    byId.set(scenario.id, scenario);
  }
  for (const scenario of scenarios) {
    const chain = [scenario.id];
    let current: LoadedScenario | undefined = scenario;
    while (current && typeof current.baseline === "string") {
      const baseline = byId.get(current.baseline);
      if (!baseline) {
        problems.push(
          `${displayPath(current.file)}: baseline "${current.baseline}" is not a scenario (known: ${[...byId.keys()].join(", ")})`,
        );
        break;
      }
      if (chain.includes(baseline.id)) {
        // Reported once, by the scenario the cycle returns to.
        if (baseline.id === scenario.id) {
          problems.push(
            `${displayPath(scenario.file)}: baselines form a cycle: ${[...chain, baseline.id].join(" → ")}`,
          );
        }
        break;
      }
      if (
        current === scenario &&
        JSON.stringify(baseline.recipients) !== JSON.stringify(scenario.recipients)
      ) {
        problems.push(
          `${displayPath(scenario.file)}: baseline "${baseline.id}" has different recipients (${JSON.stringify(baseline.recipients)})`,
        );
      }
      chain.push(baseline.id);
      current = baseline;
    }
  }
  return problems;
}

/**
 * The scenario with this id.
 *
 * @throws {UsageError} naming the known ids when there is none.
 */
export function findScenario(scenarios: readonly LoadedScenario[], id: string): LoadedScenario {
  const scenario = scenarios.find((candidate) => candidate.id === id);
  if (!scenario) {
    throw new UsageError(
      `unknown scenario "${id}"`,
      scenarios.length > 0
        ? `Known scenarios: ${scenarios.map((known) => known.id).join(", ")} (ntg allocate --list)`
        : "No scenarios found: add YAML files to sources/scenarios/.",
    );
  }
  return scenario;
}
