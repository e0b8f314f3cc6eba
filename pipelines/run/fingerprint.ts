/**
 * Fingerprints for incremental rebuilds: a stage's fingerprint is a hash of everything it reads — the
 * verified source files (their sha256), the configuration files in the sources folder, and the code of the
 * stage itself (so upgrading the tool rebuilds). A stage whose fingerprint equals the one recorded in the
 * current warehouse is skipped.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config/project-config.ts";
import type { FetchedSource } from "../fetch/fetch-source.ts";

function filesUnder(folder: string, accept: (name: string) => boolean): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, accept));
    else if (accept(entry.name)) found.push(full);
  }
  return found.sort();
}

/** Hash of the given files' paths (relative to `root`) and contents. */
export function hashFiles(files: string[], root: string): string {
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Hash of the TypeScript code under the given project folders. */
export function codeFingerprint(folders: string[]): string {
  const files = folders.flatMap((folder) =>
    filesUnder(path.join(PROJECT_ROOT, folder), (name) => name.endsWith(".ts")),
  );
  return hashFiles(files, PROJECT_ROOT);
}

/** Hash of every file (not only code) under the given project folders, e.g. notebooks and their assets. */
export function contentFingerprint(folders: string[]): string {
  const files = folders.flatMap((folder) =>
    filesUnder(path.join(PROJECT_ROOT, folder), (name) => !name.startsWith(".")),
  );
  return hashFiles(files, PROJECT_ROOT);
}

/** Hash of every configuration file in the sources folder (manifests, catalogue, tables, scenarios …). */
export function configurationFingerprint(sourcesDir: string): string {
  return hashFiles(
    filesUnder(sourcesDir, (name) => !name.startsWith(".")),
    sourcesDir,
  );
}

export function combine(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

export interface StageFingerprints {
  load: string;
  derive: string;
}

/** The load and derive fingerprints for a run over `fetched` sources. */
export function stageFingerprints(
  sourcesDir: string,
  fetched: Map<string, FetchedSource>,
  toolVersion: string,
): StageFingerprints {
  const sources = [...fetched.values()].map((f) => `${f.id}=${f.sha256}`).sort();
  const configuration = configurationFingerprint(sourcesDir);
  const load = combine(
    toolVersion,
    configuration,
    ...sources,
    codeFingerprint([
      "pipelines/load",
      "pipelines/warehouse",
      "pipelines/catalogue",
      "pipelines/sources",
      "pipelines/fetch",
    ]),
  );
  // Any pipeline or model code can change what the derive steps write, and re-deriving is cheap.
  const derive = combine(load, codeFingerprint(["pipelines", "models"]));
  return { load, derive };
}
