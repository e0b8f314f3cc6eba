/**
 * Child-process entry of the benchmark: runs one stage and sends `{ rows, seconds, peakRssMb }` (or
 * `{ error }`) to the parent over the IPC channel. Peak RSS is this process's own maximum resident set
 * (`process.resourceUsage().maxRSS`), which is why every stage gets a fresh process.
 *
 *   node --import tsx scripts/bench/run-stage.ts <stage> '<context JSON>'
 */
import { STAGES } from "./stages/index.ts";
import type { StageContext } from "./stages/stage-context.ts";

export interface StageMessage {
  rows?: number;
  seconds?: number;
  note?: string;
  peakRssMb?: number;
  error?: string;
}

async function runStage(name: string, context: StageContext): Promise<StageMessage> {
  const stage = STAGES[name];
  if (!stage) return { error: `unknown stage ${name} (stages: ${Object.keys(STAGES).join(", ")})` };
  try {
    const outcome = await stage(context);
    return { ...outcome, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

const [name, contextJson] = process.argv.slice(2);
const message = await runStage(name ?? "", JSON.parse(contextJson ?? "{}") as StageContext);
if (process.send) process.send(message, () => process.exit(message.error ? 1 : 0));
else {
  process.stdout.write(`${JSON.stringify(message)}\n`);
  process.exit(message.error ? 1 : 0);
}
