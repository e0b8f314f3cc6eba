/** What every CLI command declares: its name, help text, options, and a run function returning an exit code. */
import type { ParseArgsConfig } from "node:util";
import { type ConfigOverrides, type ProjectConfig, resolveConfig } from "../config/project-config.ts";
import { consoleReporter, type Reporter, silentReporter } from "../util/reporter.ts";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;
export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandContext {
  values: ParsedValues;
  positionals: string[];
  config: ProjectConfig;
  reporter: Reporter;
  /** Where results go (stdout); progress goes to the reporter (stderr). */
  output: NodeJS.WritableStream;
}

export interface Command {
  name: string;
  summary: string;
  /** Full help: usage line, description, options, examples. */
  help: string;
  options: OptionSpec;
  allowPositionals: boolean;
  run(context: CommandContext): Promise<number>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: OptionSpec = {
  help: { type: "boolean", short: "h" },
  sources: { type: "string" },
  mirror: { type: "string", multiple: true },
  "no-default-mirrors": { type: "boolean" },
  dist: { type: "string" },
  cache: { type: "string" },
  offline: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
};

export const COMMON_HELP = `Common options:
  --sources DIR           folder of source manifests and configuration (default: sources/ in the project)
  --mirror DIR            a folder to take source files from before their URL (repeatable; ../shared/data is
                          always searched last unless --no-default-mirrors)
  --no-default-mirrors    do not search ../shared/data
  --dist DIR              build output folder (default: dist/); the warehouse is DIR/warehouse.duckdb
  --cache DIR             verified raw files (default: DIST/cache)
  --offline               never download; use the cache and mirrors only
  -q, --quiet             no progress output
  -h, --help              this help`;

export function configFromValues(values: ParsedValues): ConfigOverrides {
  return {
    sourcesDir: values.sources as string | undefined,
    mirrors: values.mirror as string[] | undefined,
    noDefaultMirrors: values["no-default-mirrors"] === true,
    distDir: values.dist as string | undefined,
    cacheDir: values.cache as string | undefined,
    allowDownload: values.offline === true ? false : undefined,
  };
}

export function contextFor(
  values: ParsedValues,
  positionals: string[],
  output: NodeJS.WritableStream,
): CommandContext {
  return {
    values,
    positionals,
    config: resolveConfig(configFromValues(values)),
    reporter: values.quiet ? silentReporter : consoleReporter(),
    output,
  };
}
