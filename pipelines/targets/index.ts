/**
 * Differential targets and forecasts (issue 5; METHODS.md §6–7): two derive steps, in run order, after
 * the indicator steps (they read `indicator_value`, `deprivation_summary` and the LSOA bridges).
 * 1. "differential targets" → `target_series`, `target` (laa, differential, floor rows), `target_check`;
 * 2. "forecasts" → `forecast`.
 * Configuration: sources/targets/*.yaml (target-config-schema.ts). See README.md in this folder.
 */
import type { DeriveStep } from "../derive/derive-stage.ts";
import { differentialTargetsStep } from "./differential-targets-step.ts";
import { forecastsStep } from "./forecasts-step.ts";

export { TARGET_TABLE_DESCRIPTIONS } from "./target-tables.ts";

export const TARGET_DERIVE_STEPS: DeriveStep[] = [differentialTargetsStep(), forecastsStep()];
