/**
 * Builds the series of one targets file into `target_series`: from `indicator_value` or from the IoD
 * income editions, then — where the source has no county value for a period (the Fingertips district
 * extract has none) — the county value computed as the weighted mean of the level's areas with the
 * target weights, at every period where all of them have a value. Each row's `basis` says which.
 */
import { SourceError } from "../../models/errors.ts";
import { displayPath } from "../config/read-yaml-config.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { weightsBasis } from "./area-weights.ts";
import { insertImdIncomeSeries } from "./imd-income-series.ts";
import { insertIndicatorValueSeries } from "./indicator-value-series.ts";
import type { LoadedTargetConfig } from "./target-config-schema.ts";
import type { ScopeArea } from "./target-scope.ts";

type SeriesRow = {
  area_code: string;
  period: string;
  period_year: number;
  value: number;
  denominator: number | null;
};

/**
 * Inserts the series as the source gives it; returns its row count. Call `fillCountyFromAreas` once the
 * weights are known (denominator weights are read from the series itself).
 *
 * @throws {SourceError} when the series is empty for the scope areas.
 */
export async function buildSeries(warehouse: Warehouse, config: LoadedTargetConfig): Promise<number> {
  const rows =
    config.series.from === "indicator-values"
      ? await insertIndicatorValueSeries(warehouse, config)
      : await insertImdIncomeSeries(warehouse, config);
  if (rows === 0) {
    throw new SourceError(
      `${displayPath(config.file)}: the warehouse has no values of the series for the county's areas`,
      config.series.from === "indicator-values"
        ? `Check series.indicator (${config.series.indicator ?? config.indicator}), sex and age against indicator_value.`
        : "The IoD editions and the LSOA bridges must be loaded.",
    );
  }
  return rows;
}

/**
 * Inserts a county row for every period with no county value where every area of the level has one:
 * Σwᵢvᵢ/Σwᵢ with the population weights, or each value's own denominator for denominator weights.
 */
export async function fillCountyFromAreas(
  warehouse: Warehouse,
  config: LoadedTargetConfig,
  scope: readonly ScopeArea[],
  weights: ReadonlyMap<string, number>,
): Promise<number> {
  const county = scope.find((area) => area.type === "county")!;
  const levelAreas = scope.filter((area) => area.type === config.level).map((area) => area.code);
  const rows = await warehouse.rows<SeriesRow>(
    `SELECT area_code, period, period_year, value, denominator FROM target_series
     WHERE indicator = $1 AND area_type = $2 AND value IS NOT NULL
       AND period_year NOT IN (SELECT period_year FROM target_series WHERE indicator = $1 AND area_type = 'county')
     ORDER BY period_year, area_code`,
    [config.indicator, config.level],
  );
  const byYear = new Map<number, SeriesRow[]>();
  for (const row of rows) byYear.set(row.period_year, [...(byYear.get(row.period_year) ?? []), row]);
  let inserted = 0;
  for (const [year, values] of byYear) {
    if (values.length !== levelAreas.length) continue;
    const weightOf = (row: SeriesRow) =>
      config.weights.kind === "denominator" ? (row.denominator ?? Number.NaN) : weights.get(row.area_code)!;
    const totalWeight = values.reduce((sum, row) => sum + weightOf(row), 0);
    if (!(totalWeight > 0)) continue;
    const value = values.reduce((sum, row) => sum + weightOf(row) * row.value, 0) / totalWeight;
    await warehouse.run(
      "INSERT INTO target_series VALUES ($1, $2, $3, 'county', $4, $5, $6, NULL, NULL, $7, $8, $9)",
      [
        config.indicator,
        county.code,
        county.name,
        values[0]!.period,
        year,
        value,
        config.weights.kind === "denominator" ? totalWeight : null,
        `computed: weighted mean of the ${levelAreas.length} ${config.level === "district" ? "districts" : "localities"} (${weightsBasis(config)})`,
        "the source has no county value for this period",
      ],
    );
    inserted += 1;
  }
  return inserted;
}
