/** Differential targets, forecasts with RAG status and exception selection (METHODS.md §6–7). */
export { type DeprivationPosition, deprivationPositions } from "./deprivation-position.ts";
export { differentialTargets } from "./differential-targets.ts";
export {
  type ForecastOptions,
  type ForecastStatus,
  forecastTrend,
  ragStatus,
  type TrendForecast,
} from "./forecast-trend.ts";
export {
  type GapClassification,
  type GapForecast,
  type GapForecastOptions,
  gapForecast,
} from "./gap-forecast.ts";
export {
  type ExceptionCandidate,
  type ExceptionReason,
  type SelectedException,
  selectExceptions,
} from "./select-exceptions.ts";
export type {
  AreaTarget,
  CountyTargetInput,
  DifferentialTargetMethod,
  DifferentialTargetsCheck,
  DifferentialTargetsInput,
  DifferentialTargetsResult,
  TargetAreaInput,
  TargetPolarity,
} from "./target-types.ts";
export type { SeriesPoint, TrendWeighting } from "./trend-projection.ts";
