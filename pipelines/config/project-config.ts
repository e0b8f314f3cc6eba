/**
 * Resolved configuration for one run: every default in one place, then overridden by environment variables
 * and command-line flags (in that order). Paths are absolute once resolved.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project's own folder (where package.json lives). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface ProjectConfig {
  /** Folder of source manifests (`*.yaml`) and committed configuration tables. */
  sourcesDir: string;
  /** Build output: warehouse, site, packs, exports, cache. */
  distDir: string;
  /** Raw files, verified by sha256, keyed by source id. */
  cacheDir: string;
  /** Folders searched, in order, for a source file before its URL. */
  mirrors: string[];
  /** The DuckDB warehouse file. */
  warehousePath: string;
  /** Whether fetch may use the network when cache and mirrors miss. */
  allowDownload: boolean;
}

export interface ConfigOverrides {
  sourcesDir?: string | undefined;
  distDir?: string | undefined;
  cacheDir?: string | undefined;
  mirrors?: string[] | undefined;
  /** Replace the default mirror list instead of adding to it. */
  noDefaultMirrors?: boolean | undefined;
  allowDownload?: boolean | undefined;
}

/** The default mirror: the shared data folder next to the project, when present. */
export function defaultMirrors(root = PROJECT_ROOT): string[] {
  const shared = path.resolve(root, "..", "shared", "data");
  return existsSync(shared) ? [shared] : [];
}

/** Resolves the configuration: defaults ← NTG_* environment variables ← explicit overrides. */
export function resolveConfig(overrides: ConfigOverrides = {}, environment = process.env): ProjectConfig {
  const cwd = process.cwd();
  const fromEnvironment = (name: string): string | undefined => environment[name] || undefined;
  const distDir = path.resolve(
    cwd,
    overrides.distDir ?? fromEnvironment("NTG_DIST") ?? path.join(PROJECT_ROOT, "dist"),
  );
  const sourcesDir = path.resolve(
    cwd,
    overrides.sourcesDir ?? fromEnvironment("NTG_SOURCES") ?? path.join(PROJECT_ROOT, "sources"),
  );
  const cacheDir = path.resolve(
    cwd,
    overrides.cacheDir ?? fromEnvironment("NTG_CACHE") ?? path.join(distDir, "cache"),
  );
  const environmentMirrors = (fromEnvironment("NTG_MIRRORS") ?? "").split(path.delimiter).filter(Boolean);
  const explicitMirrors = [...(overrides.mirrors ?? []), ...environmentMirrors].map((m) =>
    path.resolve(cwd, m),
  );
  const mirrors = overrides.noDefaultMirrors ? explicitMirrors : [...explicitMirrors, ...defaultMirrors()];
  return {
    sourcesDir,
    distDir,
    cacheDir,
    mirrors: [...new Set(mirrors)],
    warehousePath: path.join(distDir, "warehouse.duckdb"),
    allowDownload: overrides.allowDownload ?? fromEnvironment("NTG_OFFLINE") !== "1",
  };
}
