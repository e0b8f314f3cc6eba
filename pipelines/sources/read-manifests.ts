/**
 * Finds and validates every source manifest: the `*.yaml` files directly inside the sources folder.
 * Configuration tables live in sub-folders and are read by their own stage.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { SchemaError, SourceError } from "../../models/errors.ts";
import { displayPath, readYamlConfig } from "../config/read-yaml-config.ts";
import { type LoadedManifest, manifestSchema } from "./manifest-schema.ts";

/** Reads all manifests in `sourcesDir`, sorted by file name; ids must be unique. */
export function readManifests(sourcesDir: string): LoadedManifest[] {
  if (!existsSync(sourcesDir)) {
    throw new SourceError(
      `sources folder not found: ${displayPath(sourcesDir)}`,
      "Pass --sources DIR or run from the project folder.",
    );
  }
  const files = readdirSync(sourcesDir)
    .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"))
    .sort();
  const manifests: LoadedManifest[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const manifestPath = path.join(sourcesDir, name);
    try {
      const manifest = readYamlConfig(manifestPath, manifestSchema);
      const earlier = seen.get(manifest.id);
      if (earlier)
        problems.push(`${displayPath(manifestPath)}: id "${manifest.id}" is already used by ${earlier}`);
      seen.set(manifest.id, displayPath(manifestPath));
      manifests.push({ ...manifest, manifestPath });
    } catch (error) {
      if (error instanceof SchemaError) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new SchemaError(problems.join("\n"));
  return manifests;
}

/** Picks manifests by id (all when `ids` is empty); an unknown id is a usage error naming the known ones. */
export function selectManifests(manifests: LoadedManifest[], ids: string[]): LoadedManifest[] {
  if (ids.length === 0) return manifests;
  const byId = new Map(manifests.map((m) => [m.id, m]));
  return ids.map((id) => {
    const manifest = byId.get(id);
    if (!manifest) {
      throw new SourceError(`unknown source "${id}"`, `Known sources: ${[...byId.keys()].join(", ")}`);
    }
    return manifest;
  });
}
