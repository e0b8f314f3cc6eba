/**
 * Indicator statistics in the warehouse (issue 4; METHODS.md §1–4): two derive steps, in run order.
 * 1. "indicator aggregates" → `indicator_value`: small-area counts summed to wards,
 *    localities, priority areas, districts, counties and England with 95%/99.8% intervals, plus the published
 *    district/county/England observations.
 * 2. "benchmarks, trends, gaps, inequality" → `indicator_comparison`, `indicator_gap`,
 *    `indicator_gap_summary`, `indicator_inequality`.
 * Each table's columns are documented in the module that writes it.
 */
import type { DeriveStep } from "../derive-stage.ts";
import { comparisonsStep } from "./comparisons-step.ts";
import { indicatorAggregatesStep } from "./indicator-aggregates-step.ts";

export const INDICATOR_DERIVE_STEPS: DeriveStep[] = [indicatorAggregatesStep, comparisonsStep];

/** Lines for `ntg query --tables` (to merge into TABLE_DESCRIPTIONS). */
export const INDICATOR_TABLE_DESCRIPTIONS: Record<string, string> = {
  indicator_value:
    "view: every indicator value by area, period and sex with 95%/99.8% CIs (aggregated from LSOAs, or published)",
  indicator_value_computed:
    "the rows of indicator_value whose value and CIs were computed from summed counts",
  indicator_comparison:
    "home-county areas and England: benchmarks vs county and England, ranks, recent trend, exception flags",
  indicator_gap: "each area's gap to the county and England and its contribution to the county's gap",
  indicator_gap_summary: "per indicator and area set: best, worst, range, ratio, total contribution",
  indicator_inequality: "SII/RII across deprivation deciles/quintiles and most-deprived-quintile gap",
};
