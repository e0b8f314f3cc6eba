/**
 * The deprivation derive steps, in run order (issue 3; METHODS.md §5). Registered in DERIVE_STEPS as one
 * spread entry; see README.md in this folder for the tables and the decisions behind them.
 */
import type { DeriveStep } from "../derive-stage.ts";
import { imdScoreStep } from "./imd-score-step.ts";
import { localIndicesStep } from "./local-indices-step.ts";
import { lsoa21BestFitStep } from "./lsoa21-best-fit-step.ts";
import { deprivationSummariesStep } from "./summaries-step.ts";
import { deprivationTrendStep } from "./trend-step.ts";

export const DEPRIVATION_DERIVE_STEPS: DeriveStep[] = [
  imdScoreStep,
  localIndicesStep(),
  lsoa21BestFitStep,
  deprivationSummariesStep,
  deprivationTrendStep,
];
