/**
 * Everything a run needs before touching data, validated once: the manifests (schema and adapter options)
 * and the indicator catalogue. `ntg check` is exactly this, without writing anything.
 */
import { SchemaError } from "../../models/errors.ts";
import { type Indicator, readCatalogue } from "../catalogue/indicator-catalogue.ts";
import type { ProjectConfig } from "../config/project-config.ts";
import { type PreparedSource, prepareSource } from "../load/adapters/index.ts";
import { readManifests, selectManifests } from "../sources/read-manifests.ts";

export interface PreparedRun {
  sources: PreparedSource[];
  catalogue: Indicator[];
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
  if (problems.length > 0) throw new SchemaError(problems.join("\n"));
  return { sources, catalogue };
}
