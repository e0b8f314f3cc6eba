/**
 * Everything a run needs before touching data, validated once: the manifests (schema and adapter options),
 * the indicator catalogue and the configuration the derive steps read (configuration-checks.ts). `ntg check` is exactly this, without writing anything.
 */
import { SchemaError } from "../../models/errors.ts";
import { type Indicator, readCatalogue } from "../catalogue/indicator-catalogue.ts";
import type { ProjectConfig } from "../config/project-config.ts";
import { type PreparedSource, prepareSource } from "../load/adapters/index.ts";
import { readManifests, selectManifests } from "../sources/read-manifests.ts";
import { CONFIGURATION_CHECKS } from "./configuration-checks.ts";

export interface PreparedRun {
  sources: PreparedSource[];
  catalogue: Indicator[];
  /** Counts of the other configuration checked, by name (e.g. "allocation scenarios": 15). */
  configuration: Record<string, number>;
}

export function prepareRun(config: ProjectConfig, onlySourceIds: string[] = []): PreparedRun {
  const manifests = selectManifests(readManifests(config.sourcesDir), onlySourceIds);
  const problems: string[] = [];
  const sources: PreparedSource[] = [];
  for (const manifest of manifests) {
    try {
      sources.push(prepareSource(manifest));
    } catch (error) {
      if (error instanceof SchemaError) problems.push(error.message);
      else throw error;
    }
  }
  let catalogue: Indicator[] = [];
  try {
    catalogue = readCatalogue(config.sourcesDir);
  } catch (error) {
    if (error instanceof SchemaError) problems.push(error.message);
    else throw error;
  }
  const configuration: Record<string, number> = {};
  for (const item of CONFIGURATION_CHECKS) {
    try {
      configuration[item.name] = item.check(config.sourcesDir);
    } catch (error) {
      if (error instanceof SchemaError) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new SchemaError(problems.join("\n"));
  return { sources, catalogue, configuration };
}
