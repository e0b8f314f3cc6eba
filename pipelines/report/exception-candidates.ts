/**
 * The candidates of the quarterly exception report: every forecast against a target (table `forecast`)
 * and every latest benchmark-and-trend comparison (table `indicator_comparison`) of the county, its
 * districts and its localities, merged into one item per indicator, area and breakdown. The county is
 * compared with England, districts and localities with the county (narrowing the gap inside the county).
 */

import type { BenchmarkResult, Polarity, TrendDirection } from "../../models/statistics/index.ts";
import type { ExceptionCandidate } from "../../models/targets/index.ts";
import { SCOPE_SELECT_SQL } from "../targets/target-scope.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";

/** One indicator for one area: the figures behind its status, ready for selection and display. */
export interface ReportItem extends ExceptionCandidate {
  indicator: string;
  indicatorName: string;
  niCode: string | null;
  theme: string | null;
  unit: string | null;
  areaCode: string;
  areaName: string | null;
  areaType: string;
  districtCode: string | null;
  breakdown: string | null;
  exampleTarget: boolean | null;
  targetKind: string | null;
  baselinePeriod: string | null;
  baseline: number | null;
  latestPeriod: string | null;
  latest: number | null;
  targetPeriod: string | null;
  target: number | null;
  projected: number | null;
  projectedLower: number | null;
  projectedUpper: number | null;
  confidence: number | null;
  requiredAnnualChange: number | null;
  achievedAnnualChange: number | null;
  gapTrend: string | null;
  gapProjectedToNarrow: boolean | null;
  comparator: string | null;
  comparatorValue: number | null;
  trendLabel: string | null;
  notes: string | null;
}

const FORECAST_SQL = `
SELECT f.indicator, i.name AS indicator_name, i.ni_code, i.theme, i.unit, i.polarity, f.area_code, f.area_name,
       f.area_type, f.district_code, f.example, f.target_kind, f.baseline_period, f.baseline, f.latest_period,
       f.latest, f.target_period, f.target, f.projected, f.projected_lower, f.projected_upper, f.confidence,
       f.required_annual_change, f.achieved_annual_change, f.gap_trend, f.gap_projected_to_narrow, f.status,
       f.notes
FROM forecast f JOIN indicator i ON i.id = f.indicator
ORDER BY f.indicator, CASE f.area_type WHEN 'county' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, f.area_code`;

const COMPARISON_SQL = `
SELECT c.indicator, i.name AS indicator_name, i.ni_code, i.theme, i.unit, i.polarity, c.area_code,
       s.area_name, c.area_type, s.district_code, c.sex, c.age, c.period, c.value,
       CASE WHEN c.area_type = 'county' THEN c.benchmark_england ELSE c.benchmark_county END AS benchmark,
       CASE WHEN c.area_type = 'county' THEN c.england_value ELSE c.county_value END AS comparator_value,
       c.trend_direction, c.trend_label
FROM indicator_comparison c JOIN indicator i ON i.id = c.indicator
JOIN (${SCOPE_SELECT_SQL}) s ON s.area_code = c.area_code AND s.area_type = c.area_type
WHERE c.is_latest
ORDER BY c.indicator, CASE c.area_type WHEN 'county' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, c.area_code, c.sex`;

function breakdownOf(sex: string, age: string): string | null {
  const parts = [sex !== "Persons" ? sex : null, age !== "All ages" ? age : null].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : null;
}

const empty = {
  exampleTarget: null,
  targetKind: null,
  baselinePeriod: null,
  baseline: null,
  latestPeriod: null,
  latest: null,
  targetPeriod: null,
  target: null,
  projected: null,
  projectedLower: null,
  projectedUpper: null,
  confidence: null,
  requiredAnnualChange: null,
  achievedAnnualChange: null,
  gapTrend: null,
  gapProjectedToNarrow: null,
  comparator: null,
  comparatorValue: null,
  trendLabel: null,
  notes: null,
  status: null,
  benchmark: null,
  trendDirection: null,
};

/** Reads the candidates for the county's areas (forecasts are already limited to the targets' county). */
export async function readReportItems(warehouse: Warehouse, county: string): Promise<ReportItem[]> {
  const items = new Map<string, ReportItem>();
  const key = (indicator: string, code: string, type: string, breakdown: string | null) =>
    `${indicator}|${type}|${code}|${breakdown ?? ""}`;
  for (const row of await warehouse.rows(FORECAST_SQL)) {
    items.set(key(row.indicator as string, row.area_code as string, row.area_type as string, null), {
      ...empty,
      indicator: row.indicator as string,
      indicatorName: row.indicator_name as string,
      niCode: row.ni_code as string | null,
      theme: row.theme as string | null,
      unit: row.unit as string | null,
      polarity: row.polarity as Polarity,
      areaCode: row.area_code as string,
      areaName: row.area_name as string | null,
      areaType: row.area_type as string,
      districtCode: row.district_code as string | null,
      breakdown: null,
      exampleTarget: row.example as boolean,
      targetKind: row.target_kind as string,
      baselinePeriod: row.baseline_period as string | null,
      baseline: row.baseline as number | null,
      latestPeriod: row.latest_period as string | null,
      latest: row.latest as number | null,
      targetPeriod: row.target_period as string,
      target: row.target as number,
      projected: row.projected as number | null,
      projectedLower: row.projected_lower as number | null,
      projectedUpper: row.projected_upper as number | null,
      confidence: row.confidence as number,
      requiredAnnualChange: row.required_annual_change as number | null,
      achievedAnnualChange: row.achieved_annual_change as number | null,
      gapTrend: row.gap_trend as string | null,
      gapProjectedToNarrow: row.gap_projected_to_narrow as boolean | null,
      status: row.status as ReportItem["status"],
      notes: row.notes as string | null,
    });
  }
  for (const row of await warehouse.rows(COMPARISON_SQL, [county])) {
    const breakdown = breakdownOf(row.sex as string, row.age as string);
    const id = key(row.indicator as string, row.area_code as string, row.area_type as string, breakdown);
    const comparison = {
      comparator: row.area_type === "county" ? "England" : "county",
      comparatorValue: row.comparator_value as number | null,
      benchmark: row.benchmark as BenchmarkResult | null,
      trendDirection: row.trend_direction as TrendDirection | null,
      trendLabel: row.trend_label as string | null,
    };
    const existing = items.get(id);
    if (existing) {
      Object.assign(existing, comparison);
      continue;
    }
    items.set(id, {
      ...empty,
      ...comparison,
      indicator: row.indicator as string,
      indicatorName: row.indicator_name as string,
      niCode: row.ni_code as string | null,
      theme: row.theme as string | null,
      unit: row.unit as string | null,
      polarity: row.polarity as Polarity,
      areaCode: row.area_code as string,
      areaName: row.area_name as string | null,
      areaType: row.area_type as string,
      districtCode: row.district_code as string | null,
      breakdown,
      latestPeriod: row.period as string,
      latest: row.value as number | null,
    });
  }
  return [...items.values()];
}
