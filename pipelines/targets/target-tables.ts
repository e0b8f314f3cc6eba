/**
 * The tables the targets steps write (besides the shared `target` table of schema.ts). Each is replaced
 * on every run, so the steps can re-derive a warehouse that already has them.
 *
 * - `target_series`: the series behind every configured indicator at county, district and locality level
 *   (one row per area and period), with the basis of each value — what targets and forecasts read.
 * - `target_check`: one row per indicator: the check block of `differentialTargets` (weighted mean of the
 *   targets against the county target, baseline and target gaps) with where each input came from.
 * - `forecast`: one row per indicator and area (county, districts, localities): trend over the last k
 *   points, projection to the target period with a prediction interval, RAG status, gap projection and
 *   required versus achieved annual change.
 */

/** Marks the `target` rows written by the targets step, so a re-run replaces exactly those. */
export const TARGET_STEP_MARK = "differential targets";

export const TARGET_SERIES_SQL = `
CREATE OR REPLACE TABLE target_series (
  indicator VARCHAR NOT NULL,
  area_code VARCHAR NOT NULL,
  area_name VARCHAR,
  area_type VARCHAR NOT NULL,       -- county | district | locality
  period VARCHAR NOT NULL,          -- label, e.g. 2017/18 or '2022 (IoD 2025)'
  period_year DOUBLE NOT NULL,      -- the year the trend uses (the data year for IoD editions)
  value DOUBLE,
  lower95 DOUBLE,
  upper95 DOUBLE,
  denominator DOUBLE,               -- people or count the value is a share of, when known
  basis VARCHAR NOT NULL,           -- where the value came from and how it was weighted
  note VARCHAR
);
DELETE FROM target WHERE json_extract_string(parameters, '$.step') = '${TARGET_STEP_MARK}';`;

export const TARGET_CHECK_SQL = `
CREATE OR REPLACE TABLE target_check (
  indicator VARCHAR NOT NULL,
  indicator_name VARCHAR,
  example BOOLEAN NOT NULL,
  level VARCHAR NOT NULL,
  county_code VARCHAR NOT NULL,
  method VARCHAR NOT NULL,
  narrow_by DOUBLE NOT NULL,
  floor DOUBLE,
  years DOUBLE,
  weights_basis VARCHAR NOT NULL,
  total_weight DOUBLE NOT NULL,
  areas INTEGER NOT NULL,
  baseline_period VARCHAR NOT NULL,
  county_baseline DOUBLE NOT NULL,
  county_baseline_source VARCHAR NOT NULL,
  weighted_mean_of_baselines DOUBLE NOT NULL,
  target_period VARCHAR NOT NULL,
  county_target DOUBLE NOT NULL,
  county_target_source VARCHAR NOT NULL,
  weighted_mean_of_targets DOUBLE NOT NULL,
  baseline_gap DOUBLE NOT NULL,
  target_gap DOUBLE NOT NULL,
  gap_measure VARCHAR NOT NULL,
  narrowed_by DOUBLE,
  most_deprived_quintile VARCHAR,
  lifted_to_floor VARCHAR,
  series_basis VARCHAR,
  notes VARCHAR,
  config_file VARCHAR NOT NULL
)`;

export const FORECAST_SQL = `
CREATE OR REPLACE TABLE forecast (
  indicator VARCHAR NOT NULL,
  indicator_name VARCHAR,
  example BOOLEAN NOT NULL,
  area_code VARCHAR NOT NULL,
  area_name VARCHAR,
  area_type VARCHAR NOT NULL,
  district_code VARCHAR,            -- the district an area lies in (itself for a district)
  target_kind VARCHAR NOT NULL,     -- laa | differential | implied (weighted mean of its localities' targets)
  baseline_period VARCHAR,
  baseline DOUBLE,
  latest_period VARCHAR,
  latest DOUBLE,
  target_period VARCHAR NOT NULL,
  target_year DOUBLE NOT NULL,
  target DOUBLE NOT NULL,
  points_used INTEGER NOT NULL,
  periods_used VARCHAR,
  weighting VARCHAR NOT NULL,       -- ols | inverse-variance
  confidence DOUBLE NOT NULL,
  achieved_annual_change DOUBLE,    -- the fitted slope per year
  required_annual_change DOUBLE,    -- (target − latest) / (target year − latest year)
  projected DOUBLE,
  projected_lower DOUBLE,
  projected_upper DOUBLE,
  status VARCHAR NOT NULL,          -- on track | at risk | off track | cannot be calculated
  status_reason VARCHAR,
  gap_to_county_latest DOUBLE,      -- area − county at the latest shared period
  gap_trend VARCHAR,                -- narrowing | widening | no clear change | cannot be calculated
  gap_projected DOUBLE,             -- |area − county| projected to the target year
  gap_projected_lower DOUBLE,
  gap_projected_upper DOUBLE,
  gap_projected_to_narrow BOOLEAN,  -- projected |gap| below the latest |gap|; null when not computable
  notes VARCHAR
)`;

/** Lines for `ntg query --tables` (to merge into TABLE_DESCRIPTIONS). */
export const TARGET_TABLE_DESCRIPTIONS: Record<string, string> = {
  target_series: "the series behind each configured target at county, district and locality level",
  target_check: "per indicator: the differential targets' check block (consistency, gaps, floor)",
  forecast: "per indicator and area: trend, projection with interval, RAG status, gap projection",
};
