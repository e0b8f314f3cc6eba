/**
 * Stages `warwickshire` and `warwickshire-rerun`: the default `ntg run` (Warwickshire, sources from
 * ../shared/data) end to end into its own dist folder, first with `--force`, then again with nothing
 * changed (every stage should be skipped). The CLI runs inside this child process, so its peak RSS is
 * measured, and the time is taken from the process start (Node, the TypeScript loader and the imports
 * count, as they do for a user typing `ntg run`). The parent fetches the sources into that folder's cache
 * first, untimed.
 */
import { main } from "../../../pipelines/cli/main.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import type { StageContext, StageOutcome } from "./stage-context.ts";

async function rowsLoaded(warehousePath: string): Promise<number> {
  const warehouse = await Warehouse.open(warehousePath, { readOnly: true });
  try {
    return (await warehouse.scalar<number>("SELECT sum(rows_loaded)::DOUBLE FROM source")) ?? 0;
  } finally {
    warehouse.close();
  }
}

/** What the run said about skipping, e.g. "load skipped, derive skipped" or "load skipped, derive ran". */
function skipNote(output: string): string {
  const said = (stage: string) =>
    new RegExp(`^${stage}: up to date`, "m").test(output) ? `${stage} skipped` : `${stage} ran`;
  return `${said("load")}, ${said("derive")}`;
}

async function runDefault(context: StageContext, force: boolean): Promise<StageOutcome> {
  const argv = ["run", "--dist", context.warwickshireDist, ...(force ? ["--force"] : [])];
  // The CLI's progress goes to process.stderr (the stage log); keep a copy to read what was skipped.
  let output = "";
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    output += String(chunk);
    return write(chunk, ...rest);
  }) as typeof process.stderr.write;
  const code = await main(argv, process.stderr, process.stderr).finally(() => {
    process.stderr.write = write;
  });
  const seconds = performance.now() / 1000;
  if (code !== 0) throw new Error(`ntg ${argv.join(" ")} exited with code ${code}`);
  const rows = force ? await rowsLoaded(`${context.warwickshireDist}/warehouse.duckdb`) : 0;
  return { rows, seconds, note: skipNote(output) };
}

export const warwickshireStage = (context: StageContext) => runDefault(context, true);
export const warwickshireRerunStage = (context: StageContext) => runDefault(context, false);
