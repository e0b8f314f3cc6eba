/**
 * A target series taken from `indicator_value` (aggregated small-area values with CIs, or published
 * district/county/England values such as the Fingertips time series) for the scope areas, with periods
 * optionally relabelled to the year their data describe (e.g. IoD 2019 → 2015).
 */
import { SourceError } from "../../models/errors.ts";
import { displayPath } from "../config/read-yaml-config.ts";
import { quoteLiteral, type Warehouse } from "../warehouse/warehouse.ts";
import type { LoadedTargetConfig } from "./target-config-schema.ts";

/** VALUES list of the relabelled periods: (period, year, label). */
function relabelSql(periods: Record<string, { year: number; label: string }> | undefined): string {
  const entries = Object.entries(periods ?? {});
  if (entries.length === 0) {
    return "SELECT NULL::VARCHAR AS period, NULL::DOUBLE AS year, NULL::VARCHAR AS label WHERE false";
  }
  const rows = entries.map(
    ([period, { year, label }]) => `(${quoteLiteral(period)}, ${year}::DOUBLE, ${quoteLiteral(label)})`,
  );
  return `SELECT * FROM (VALUES ${rows.join(", ")}) AS r(period, year, label)`;
}

/**
 * Inserts the scope areas' values of the series indicator into `target_series`; returns the row count.
 *
 * @throws {SourceError} when an area has two values for one period (sex/age not specific enough).
 */
export async function insertIndicatorValueSeries(
  warehouse: Warehouse,
  config: LoadedTargetConfig,
): Promise<number> {
  if (config.series.from !== "indicator-values") return 0;
  const source = config.series.indicator ?? config.indicator;
  await warehouse.run(
    `INSERT INTO target_series
     SELECT $1, v.area_code, s.area_name, v.area_type, coalesce(r.label, v.period),
            coalesce(r.year, v.period_year), v.value, v.lower95, v.upper95, v.denominator,
            'indicator_value ' || $2 || ' (' || coalesce(v.source, 'unknown source') || ')', v.note
     FROM indicator_value v
     JOIN target_scope s ON s.area_code = v.area_code AND s.area_type = v.area_type
     LEFT JOIN (${relabelSql(config.series.periods)}) r ON r.period = v.period
     WHERE v.indicator = $2 AND v.sex = $3 AND v.age = $4 AND v.value IS NOT NULL
       AND coalesce(r.year, v.period_year) IS NOT NULL`,
    [config.indicator, source, config.sex, config.age],
  );
  const duplicates = await warehouse.rows<{ area_code: string; period: string }>(
    `SELECT area_code, any_value(period) AS period FROM target_series WHERE indicator = $1
     GROUP BY area_code, area_type, period_year HAVING count(*) > 1 LIMIT 3`,
    [config.indicator],
  );
  if (duplicates.length > 0) {
    throw new SourceError(
      `${displayPath(config.file)}: ${source} has more than one value for ${duplicates.map((d) => `${d.area_code} ${d.period}`).join(", ")}`,
      "Set sex: and age: in the targets file to pick one breakdown.",
    );
  }
  return (
    (await warehouse.scalar<number>("SELECT count(*)::INTEGER FROM target_series WHERE indicator = $1", [
      config.indicator,
    ])) ?? 0
  );
}
