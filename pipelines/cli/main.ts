/**
 * The `ntg` command line. The only place errors become exit codes: 0 ok, 1 failure, 2 bad usage or bad
 * input (invalid configuration, unknown options or arguments).
 */
import { parseArgs } from "node:util";
import { ProjectError } from "../../models/errors.ts";
import { type Command, contextFor, type ParsedValues } from "./command.ts";
import { allocateCommand } from "./commands/allocate.ts";
import { buildCommand } from "./commands/build.ts";
import { checkCommand } from "./commands/check.ts";
import { deprivationCommand } from "./commands/deprivation.ts";
import { fetchCommand } from "./commands/fetch.ts";
import { forecastCommand } from "./commands/forecast.ts";
import { indicatorCommand } from "./commands/indicator.ts";
import { loadCommand } from "./commands/load.ts";
import { packCommand } from "./commands/pack.ts";
import { previewCommand } from "./commands/preview.ts";
import { profileCommand } from "./commands/profile.ts";
import { queryCommand } from "./commands/query.ts";
import { reportCommand } from "./commands/report.ts";
import { runCommand } from "./commands/run.ts";
import { targetsCommand } from "./commands/targets.ts";
import { toolVersion } from "./version.ts";

export const COMMANDS: Command[] = [
  runCommand,
  fetchCommand,
  loadCommand,
  checkCommand,
  queryCommand,
  deprivationCommand,
  profileCommand,
  indicatorCommand,
  allocateCommand,
  buildCommand,
  previewCommand,
  targetsCommand,
  forecastCommand,
  reportCommand,
  packCommand,
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `ntg ${toolVersion()}: narrowing-the-gaps analytics pipeline

Usage: ntg <command> [options]     (ntg <command> --help for a command's options)

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Exit codes: 0 ok, 1 failure, 2 bad usage or bad input.
`;
}

const EXIT_CODE_BY_ERROR: Record<string, number> = {
  usage: 2,
  schema: 2,
  "model-input": 2,
  source: 1,
  integrity: 1,
  build: 1,
};

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(
  argv: string[],
  output: NodeJS.WritableStream = process.stdout,
  errors: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    output.write(mainHelp());
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    output.write(`${toolVersion()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    errors.write(`ntg: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: command.allowPositionals,
      strict: true,
    });
  } catch (error) {
    errors.write(
      `ntg ${command.name}: ${(error as Error).message}\nRun \`ntg ${command.name} --help\` for the options.\n`,
    );
    return 2;
  }
  if (parsed.values.help) {
    output.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(contextFor(parsed.values as ParsedValues, parsed.positionals, output));
  } catch (error) {
    if (error instanceof ProjectError) {
      errors.write(`ntg ${command.name}: ${error.describe()}\n`);
      return EXIT_CODE_BY_ERROR[error.code] ?? 1;
    }
    errors.write(`ntg ${command.name}: unexpected error: ${(error as Error).stack ?? error}\n`);
    return 1;
  }
}
