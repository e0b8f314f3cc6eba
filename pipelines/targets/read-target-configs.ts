/**
 * Reads every targets file in `sources/targets/*.yaml`, validated by the targets schema, and checks what
 * one file cannot: each indicator has one targets file. All problems are reported together, each with
 * its file (and line, from the schema).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { SchemaError, UsageError } from "../../models/errors.ts";
import { resolveConfig } from "../config/project-config.ts";
import { displayPath, readYamlConfig } from "../config/read-yaml-config.ts";
import { type LoadedTargetConfig, targetConfigSchema } from "./target-config-schema.ts";

/** The targets folder of a sources folder (default: the project's, or NTG_SOURCES). */
export function targetsDir(sourcesDir = resolveConfig().sourcesDir): string {
  return path.join(sourcesDir, "targets");
}

/**
 * Reads and validates the targets files in `folder`, sorted by file name (none when the folder is absent).
 *
 * @throws {SchemaError} listing every bad file (file:line: key: problem) and every repeated indicator.
 */
export function readTargetConfigs(folder: string): LoadedTargetConfig[] {
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const configs: LoadedTargetConfig[] = [];
  const problems: string[] = [];
  for (const name of files) {
    const file = path.join(folder, name);
    try {
      configs.push({ ...readYamlConfig(file, targetConfigSchema), file });
    } catch (error) {
      if (error instanceof SchemaError) problems.push(error.message);
      else throw error;
    }
  }
  const byIndicator = new Map<string, LoadedTargetConfig>();
  for (const config of configs) {
    const earlier = byIndicator.get(config.indicator);
    if (earlier) {
      problems.push(
        `${displayPath(config.file)}: indicator "${config.indicator}" already has targets in ${displayPath(earlier.file)}`,
      );
    }
    byIndicator.set(config.indicator, config);
  }
  if (problems.length > 0) throw new SchemaError(problems.join("\n"));
  return configs;
}

/**
 * The targets config of one indicator.
 *
 * @throws {UsageError} naming the configured indicators when there is none.
 */
export function findTargetConfig(
  configs: readonly LoadedTargetConfig[],
  indicator: string,
): LoadedTargetConfig {
  const config = configs.find((candidate) => candidate.indicator === indicator);
  if (!config) {
    throw new UsageError(
      `no targets are configured for indicator "${indicator}"`,
      configs.length > 0
        ? `Configured: ${configs.map((known) => known.indicator).join(", ")} (ntg targets --list)`
        : "No targets files found: add YAML files to sources/targets/.",
    );
  }
  return config;
}
