/**
 * Table `indicator_comparison`: one row per indicator × home-county area (and England) × period × sex × age.
 *
 * Columns: indicator, area_code, area_type, period, period_year, sex, age, is_latest (the area's latest
 * period with a value); value, lower95, upper95, lower998, upper998 (as in `indicator_value`);
 * county_code, county_value, england_code, england_value (same-period comparators); gap_to_county,
 * relative_gap_to_county, gap_to_england, relative_gap_to_england (area − comparator, and ÷ comparator);
 * benchmark_county, benchmark_england (3 levels by the 95% interval: better/similar/worse, or
 * lower/similar/higher without polarity, or "not compared"), benchmark_county_5, benchmark_england_5
 * (5 levels adding best/worst by the 99.8% interval; "not compared" without 99.8% limits), benchmark_note
 * (why a comparison was not made), published_comparison (the publisher's own label vs England, kept
 * alongside ours); peer_group, peer_rank, peer_count, rank_state ("ranked" | "no data"), rank_tied;
 * national_rank, national_count (districts and counties among all of their type in England);
 * trend_direction, trend_label (e.g. "decreasing and getting better"), trend_slope (per period; percentage
 * points for percentages), trend_chi_square, trend_method, trend_note (why no trend);
 * worse_than_county_and_getting_worse, worse_than_england_and_getting_worse (the exception flags).
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { BenchmarkColumns } from "./benchmark-columns.ts";
import { type AppendColumn, appendColumns } from "./columnar.ts";
import type { ComparisonInputs } from "./comparison-inputs.ts";
import type { PeerRankColumns } from "./peer-rank-columns.ts";
import type { TrendColumns } from "./trend-columns.ts";

const CREATE_SQL = `
CREATE OR REPLACE TABLE indicator_comparison (
  indicator VARCHAR NOT NULL, area_code VARCHAR NOT NULL, area_type VARCHAR NOT NULL, period VARCHAR NOT NULL,
  period_year DOUBLE, sex VARCHAR NOT NULL, age VARCHAR NOT NULL, is_latest BOOLEAN NOT NULL,
  value DOUBLE, lower95 DOUBLE, upper95 DOUBLE, lower998 DOUBLE, upper998 DOUBLE,
  county_code VARCHAR, county_value DOUBLE, england_code VARCHAR, england_value DOUBLE,
  gap_to_county DOUBLE, relative_gap_to_county DOUBLE, gap_to_england DOUBLE, relative_gap_to_england DOUBLE,
  benchmark_county VARCHAR, benchmark_county_5 VARCHAR, benchmark_england VARCHAR, benchmark_england_5 VARCHAR,
  benchmark_note VARCHAR, published_comparison VARCHAR,
  peer_group VARCHAR, peer_rank INTEGER, peer_count INTEGER, rank_state VARCHAR, rank_tied BOOLEAN,
  national_rank INTEGER, national_count INTEGER,
  trend_direction VARCHAR, trend_label VARCHAR, trend_slope DOUBLE, trend_chi_square DOUBLE, trend_method VARCHAR,
  trend_note VARCHAR, worse_than_county_and_getting_worse BOOLEAN, worse_than_england_and_getting_worse BOOLEAN
)`;

export interface ComparisonFlags {
  worseThanCounty: boolean[];
  worseThanEngland: boolean[];
}

export async function writeComparisonTable(
  warehouse: Warehouse,
  inputs: ComparisonInputs,
  benchmarks: BenchmarkColumns,
  ranks: PeerRankColumns,
  trends: TrendColumns,
  flags: ComparisonFlags,
): Promise<number> {
  await warehouse.run(CREATE_SQL);
  const text = (values: ArrayLike<string | null>): AppendColumn => ({ type: "varchar", values });
  const number = (values: ArrayLike<number | null>): AppendColumn => ({ type: "double", values });
  const integer = (values: ArrayLike<number | null>): AppendColumn => ({ type: "integer", values });
  const flag = (values: ArrayLike<boolean | null>): AppendColumn => ({ type: "boolean", values });
  return appendColumns(warehouse, "indicator_comparison", [
    text(inputs.indicator),
    text(inputs.areaCode),
    text(inputs.areaType),
    text(inputs.period),
    number(inputs.periodYear),
    text(inputs.sex),
    text(inputs.age),
    flag(inputs.isLatest),
    number(inputs.value),
    number(inputs.lower95),
    number(inputs.upper95),
    number(inputs.lower998),
    number(inputs.upper998),
    text(inputs.countyCode),
    number(inputs.countyValue),
    text(inputs.englandCode),
    number(inputs.englandValue),
    number(benchmarks.gapToCounty),
    number(benchmarks.relativeGapToCounty),
    number(benchmarks.gapToEngland),
    number(benchmarks.relativeGapToEngland),
    text(benchmarks.benchmarkCounty),
    text(benchmarks.benchmarkCounty5),
    text(benchmarks.benchmarkEngland),
    text(benchmarks.benchmarkEngland5),
    text(benchmarks.benchmarkNote),
    text(inputs.publishedComparison),
    text(inputs.peerGroup),
    integer(ranks.rank),
    integer(ranks.count),
    text(ranks.state),
    flag(ranks.tied),
    integer(inputs.nationalRank),
    integer(inputs.nationalCount),
    text(trends.direction),
    text(trends.label),
    number(trends.slope),
    number(trends.chiSquare),
    text(trends.method),
    text(trends.note),
    flag(flags.worseThanCounty),
    flag(flags.worseThanEngland),
  ]);
}
