/**
 * The derive stage: set-based SQL over the loaded warehouse plus the pure models, writing derived tables
 * (deprivation summaries, indicator aggregates, gaps, targets, forecasts …). Each step is a small module
 * listed here in run order; a step reads only tables written by the load stage or by earlier steps.
 */
import { allocationStep } from "../allocation/allocation-step.ts";
import { exceptionReportStep } from "../report/exception-report-step.ts";
import { TARGET_DERIVE_STEPS } from "../targets/index.ts";
import { formatSeconds, type Reporter } from "../util/reporter.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { DEPRIVATION_DERIVE_STEPS } from "./deprivation/index.ts";
import { INDICATOR_DERIVE_STEPS } from "./indicators/index.ts";

/** What a step may need besides the warehouse: where this run's configuration lives. */
export interface DeriveContext {
  /** The sources folder of this run (`--sources`), for configuration such as indices and scenarios. */
  sourcesDir: string;
}

export interface DeriveStep {
  /** Short name shown in progress output, e.g. "deprivation summaries". */
  name: string;
  /**
   * Runs the step; returns a one-line summary such as "1,234 rows in deprivation_summary". Steps must be
   * re-runnable on a warehouse that already has their tables (replace them), for incremental re-derives.
   * Without a context, configuration comes from the default sources folder.
   */
  run(warehouse: Warehouse, reporter: Reporter, context?: DeriveContext): Promise<string>;
}

/** Steps in run order. Add a step by importing it and appending it here. */
export const DERIVE_STEPS: DeriveStep[] = [
  ...DEPRIVATION_DERIVE_STEPS,
  ...INDICATOR_DERIVE_STEPS,
  allocationStep(),
  ...TARGET_DERIVE_STEPS,
  exceptionReportStep,
];

export async function deriveAll(
  warehouse: Warehouse,
  reporter: Reporter,
  context: DeriveContext,
  steps: DeriveStep[] = DERIVE_STEPS,
): Promise<void> {
  if (steps.length === 0) return;
  const started = performance.now();
  reporter.info(`derive: ${steps.length} steps`);
  for (const step of steps) {
    const stepStarted = performance.now();
    const summary = await step.run(warehouse, reporter, context);
    reporter.info(`  ${step.name.padEnd(34)} ${summary}  ${formatSeconds(stepStarted)}`);
  }
  reporter.info(`derive: done in ${formatSeconds(started)}`);
}
