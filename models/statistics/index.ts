/**
 * Indicator statistics: confidence intervals, standardisation, benchmarking, ranking, trends, gaps and
 * inequality (METHODS.md §1–4). Pure functions; see each module's doc comment for its method and reference.
 */
export { type AggregatedCounts, aggregateCounts, type CountRow } from "./aggregate-counts.ts";
export { type BenchmarkArea, type BenchmarkOptions, type BenchmarkResult, benchmark } from "./benchmark.ts";
export {
  byarInterval,
  exactPoissonInterval,
  type PoissonCountInterval,
  poissonCountInterval,
} from "./byar-interval.ts";
export {
  areaWeight,
  type ContributionsToGap,
  contributionToGap,
  type GapContribution,
  type WeightedAreaValue,
} from "./contribution-to-gap.ts";
export {
  type DeprivationQuantileMethod,
  type DeprivationQuantileOptions,
  deprivationQuantiles,
  NATIONAL_LSOA_COUNTS,
} from "./deprivation-quantiles.ts";
export {
  type DirectlyStandardisedRateOptions,
  directlyStandardisedRate,
  EUROPEAN_STANDARD_POPULATION_2013,
  EUROPEAN_STANDARD_POPULATION_2013_BANDS,
  MINIMUM_COUNT_FOR_DSR,
} from "./directly-standardised-rate.ts";
export { exactSum } from "./exact-sum.ts";
export {
  type AreaGap,
  areaGap,
  type GapArea,
  type GapMeasures,
  type GapOptions,
  gapMeasures,
  type NamedValue,
} from "./gap-measures.ts";
export {
  type IndicatorIntervalOptions,
  type IndicatorIntervals,
  indicatorIntervals,
} from "./indicator-intervals.ts";
export {
  expectedEvents,
  type IndirectlyStandardisedRatio,
  type IndirectlyStandardisedRatioOptions,
  indirectlyStandardisedRatio,
} from "./indirectly-standardised-ratio.ts";
export { type MeanWithInterval, meanWithInterval } from "./mean-with-interval.ts";
export { mostDeprivedQuintileGap, type QuintileArea, type QuintileGap } from "./quintile-gap.ts";
export { type PeerRank, type PeerValue, rankWithinPeers } from "./rank-within-peers.ts";
export { type RateOptions, type RateWithInterval, rateWithInterval } from "./rate-with-interval.ts";
export {
  RECENT_TREND_CHI_SQUARE_THRESHOLD,
  RECENT_TREND_POINTS,
  type RecentTrend,
  type RecentTrendOptions,
  recentTrend,
  type TrendDirection,
  type TrendPoint,
} from "./recent-trend.ts";
export {
  type InequalityGroupColumns,
  type SlopeIndexBatch,
  slopeIndexOfInequalityBatch,
} from "./slope-index-batch.ts";
export {
  type InequalityGroup,
  relativeRanks,
  type SlopeIndexOfInequality,
  type SlopeIndexOptions,
  slopeIndexOfInequality,
} from "./slope-index-of-inequality.ts";
export { chiSquareTestForTrend, type TrendTest, weightedTrendTest } from "./trend-tests.ts";
export type {
  ConfidenceOptions,
  CountInterval,
  EstimateWithInterval,
  IndicatorValueType,
  PoissonIntervalMethod,
  Polarity,
} from "./types.ts";
export { type WilsonOptions, wilsonInterval } from "./wilson-interval.ts";
export { isWorseAndGettingWorse } from "./worse-and-getting-worse.ts";
