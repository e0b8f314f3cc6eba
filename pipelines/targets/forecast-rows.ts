/**
 * Reading and writing for the "forecasts" step: an indicator's series from `target_series` grouped by
 * area, and one row of table `forecast` (columns in target-tables.ts) from an area's forecast.
 */
import type { TargetPolarity } from "../../models/targets/index.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import type { AreaForecast, SeriesValue } from "./area-forecast.ts";
import type { LoadedTargetConfig } from "./target-config-schema.ts";
import type { ScopeArea } from "./target-scope.ts";

export interface ForecastContext {
  config: LoadedTargetConfig;
  name: string;
  polarity: TargetPolarity;
  series: Map<string, SeriesValue[]>;
}

/** Inserts one forecast row. */
export async function insertForecast(
  warehouse: Warehouse,
  context: ForecastContext,
  area: ScopeArea,
  target: {
    kind: string;
    target: number;
    baseline: number | null;
    targetPeriod: string;
    baselinePeriod: string;
  },
  forecast: AreaForecast,
): Promise<void> {
  const { trend, gap, latest } = forecast;
  const notes = [...context.config.notes, ...forecast.notes, ...(trend.reason ? [trend.reason] : [])];
  await warehouse.run(
    `INSERT INTO forecast VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
       $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33)`,
    [
      context.config.indicator,
      context.name,
      context.config.example,
      area.code,
      area.name,
      area.type,
      area.districtCode,
      target.kind,
      target.baselinePeriod,
      target.baseline,
      latest?.period ?? null,
      latest?.value ?? null,
      target.targetPeriod,
      context.config.target.period,
      target.target,
      trend.pointsUsed,
      forecast.periodsUsed.join(", "),
      trend.weighting,
      trend.confidence,
      trend.achievedAnnualChange,
      trend.requiredAnnualChange,
      trend.projectedValue,
      trend.lowerPrediction,
      trend.upperPrediction,
      trend.status,
      trend.reason,
      gap?.latestGap ?? null,
      gap?.classification ?? null,
      gap?.projectedAbsoluteGap ?? null,
      gap?.lowerPrediction ?? null,
      gap?.upperPrediction ?? null,
      forecast.gapProjectedToNarrow,
      notes.join("; ") || null,
    ],
  );
}

/** The series of one indicator by "type:code", oldest first. */
export async function readSeries(
  warehouse: Warehouse,
  indicator: string,
): Promise<Map<string, SeriesValue[]>> {
  const rows = await warehouse.rows<{
    key: string;
    period: string;
    period_year: number;
    value: number;
    lower95: number | null;
    upper95: number | null;
    note: string | null;
  }>(
    `SELECT area_type || ':' || area_code AS key, period, period_year, value, lower95, upper95, note
     FROM target_series WHERE indicator = $1 AND value IS NOT NULL ORDER BY period_year`,
    [indicator],
  );
  const series = new Map<string, SeriesValue[]>();
  for (const row of rows) {
    const value = {
      period: row.period,
      periodYear: row.period_year,
      value: row.value,
      lower95: row.lower95,
      upper95: row.upper95,
      note: row.note,
    };
    series.set(row.key, [...(series.get(row.key) ?? []), value]);
  }
  return series;
}
