/**
 * The benchmark's stages by name, in run order. Each runs in its own child process (run-stage.ts) so that
 * its peak RSS is its own. Stage names begin with what they time: load, aggregate, benchmark, sii,
 * warwickshire, baseline, allocation.
 */

import { allocationSensitivityStage } from "./allocation-sensitivity-stage.ts";
import { baselineDuckdbStage } from "./baseline-duckdb-stage.ts";
import { loadStage } from "./load-stage.ts";
import { aggregateStage, benchmarkStage, siiStage } from "./national-stages.ts";
import type { StageContext, StageOutcome } from "./stage-context.ts";
import { warwickshireRerunStage, warwickshireStage } from "./warwickshire-stage.ts";

export const STAGES: Record<string, (context: StageContext) => Promise<StageOutcome>> = {
  load: loadStage,
  aggregate: aggregateStage,
  benchmark: benchmarkStage,
  sii: siiStage,
  "baseline-duckdb-load-aggregate": baselineDuckdbStage,
  warwickshire: warwickshireStage,
  "warwickshire-rerun": warwickshireRerunStage,
  "allocation-sensitivity": allocationSensitivityStage,
};

/** Stages run by default, in order (the pandas baseline is added when pandas is installed). */
export const DEFAULT_STAGES = Object.keys(STAGES);

/** Not a Node stage: run by the parent with python3 when pandas can be imported. */
export const PANDAS_STAGE = "baseline-pandas-load-aggregate";
