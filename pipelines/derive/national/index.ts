/**
 * National-scale statistics (issue 9) that work on any warehouse: small-area counts summed to districts,
 * counties and England with 95% Wilson intervals, every district and county benchmarked against England,
 * and the SII/RII by national IMD decile inside every district. Used by `npm run bench` on the synthetic
 * national dataset and available as the derive step "national statistics".
 */
export { type AggregateToAreasOptions, aggregateToAreas, DEFAULT_LEVELS } from "./aggregate-to-areas.ts";
export { type BenchmarkAreasOptions, benchmarkAreas, ENGLAND } from "./benchmark-areas.ts";
export {
  type InequalityByDistrictOptions,
  inequalityByDistrict,
  NATIONAL_SII_SEED,
  NATIONAL_SII_SIMULATIONS,
} from "./inequality-by-district.ts";
export { nationalStatisticsStep } from "./national-statistics-step.ts";

/** Lines for `ntg query --tables`. */
export const NATIONAL_TABLE_DESCRIPTIONS: Record<string, string> = {
  national_aggregate:
    "small-area counts summed to districts, counties and England with 95% Wilson intervals (proportions)",
  national_benchmark: "every district and county vs England (better/similar/worse by 95% CI and polarity)",
  national_inequality:
    "SII/RII by national IMD 2019 decile inside every district, latest period, simulated CIs",
};
