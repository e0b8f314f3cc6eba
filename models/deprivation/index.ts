/** Deprivation models: the composite index, national ranks, area summaries and editions over time. */
export { compositeIndexScores, type DomainRankColumns } from "./composite-index.ts";
export { type DeprivationSummary, deprivationSummary } from "./deprivation-summary.ts";
export { type DeprivationTrend, deprivationTrend } from "./deprivation-trend.ts";
export {
  type AreaEditionDeprivation,
  type BridgeRow,
  deprivationByEdition,
  type EditionLsoaRanks,
} from "./editions-over-time.ts";
export { exponentialTransformOfRank } from "./exponential-transform.ts";
export { extentWeight } from "./extent.ts";
export {
  DEPRIVATION_DOMAINS,
  type DeprivationDomain,
  type IndexWeights,
  OFFICIAL_IMD_WEIGHTS,
  validateIndexWeights,
} from "./index-weights.ts";
export type { LsoaDeprivationColumns } from "./lsoa-columns.ts";
export {
  type IndexEdition,
  NATIONAL_LSOA_COUNT,
  type NationalCountOption,
  nationalLsoaCount,
} from "./national-lsoa-count.ts";
export { decileFromRank, decilesFromRanks, percentileFromRank, rankScores } from "./national-rank.ts";
export { type RankableMeasure, rankAreasBySummary } from "./rank-areas.ts";
export {
  type AreaPositionChange,
  DEFAULT_POSITION_CHANGE_THRESHOLDS,
  type PositionChangeThresholds,
  type RelativePositionChange,
  relativePositionChanges,
} from "./relative-position-change.ts";
