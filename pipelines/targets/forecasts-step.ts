/**
 * Derive step "forecasts" (METHODS.md §7): for every indicator with targets, forecasts the county, each
 * district and (for locality-level targets) each locality against its target and writes table `forecast`
 * (columns in target-tables.ts). Targets per area: the county's LAA target; each area's differential
 * target; for districts above locality-level targets, the weighted mean of their localities' targets
 * (kind 'implied': what the district must reach for its localities to meet theirs).
 */
import type { TargetPolarity } from "../../models/targets/index.ts";
import type { DeriveContext, DeriveStep } from "../derive/derive-stage.ts";
import type { Reporter } from "../util/reporter.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { areaForecast } from "./area-forecast.ts";
import { type ForecastContext, insertForecast, readSeries } from "./forecast-rows.ts";
import { readTargetConfigs, targetsDir } from "./read-target-configs.ts";
import { createTargetScope, type ScopeArea } from "./target-scope.ts";
import { FORECAST_SQL } from "./target-tables.ts";

interface AreaTargetRow {
  area_code: string;
  kind: string;
  baseline: number;
  baseline_period: string;
  target: number;
  target_period: string;
  weight: number | null;
  [key: string]: unknown;
}

/** Each scope area's target: its own row, or for districts above localities the implied one. */
function areaTargets(scope: readonly ScopeArea[], rows: readonly AreaTargetRow[], level: string) {
  const byCode = new Map(rows.map((row) => [row.area_code, row]));
  const targets = new Map<
    string,
    { kind: string; target: number; baseline: number | null; row: AreaTargetRow }
  >();
  for (const area of scope) {
    const own = byCode.get(area.code);
    if (own) targets.set(area.code, { kind: own.kind, target: own.target, baseline: own.baseline, row: own });
    else if (area.type === "district" && level === "locality") {
      const members = scope.filter((a) => a.type === "locality" && a.districtCode === area.code);
      const parts = members.map((member) => byCode.get(member.code)).filter((row) => row?.weight);
      if (parts.length === 0 || parts.length !== members.length) continue;
      const total = parts.reduce((sum, row) => sum + row!.weight!, 0);
      const target = parts.reduce((sum, row) => sum + row!.weight! * row!.target, 0) / total;
      targets.set(area.code, { kind: "implied", target, baseline: null, row: parts[0]! });
    }
  }
  return targets;
}

async function forecastIndicator(warehouse: Warehouse, context: ForecastContext): Promise<number> {
  const { config } = context;
  const rows = await warehouse.rows<AreaTargetRow>(
    `SELECT area_code, kind, baseline, baseline_period, target, target_period,
            json_extract(parameters, '$.weight')::DOUBLE AS weight
     FROM target WHERE indicator = $1 AND kind IN ('laa', 'differential')`,
    [config.indicator],
  );
  const county = rows.find((row) => row.kind === "laa");
  if (!county) return 0;
  const scope = await createTargetScope(warehouse, county.area_code);
  const targets = areaTargets(scope, rows, config.level);
  let written = 0;
  for (const area of scope) {
    const target = targets.get(area.code);
    if (!target) continue;
    const series = context.series.get(`${area.type}:${area.code}`) ?? [];
    const forecast = areaForecast({
      series,
      countySeries: area.type === "county" ? null : (context.series.get(`county:${county.area_code}`) ?? []),
      target: target.target,
      targetYear: config.target.period,
      polarity: context.polarity,
      settings: config.forecast,
    });
    const baseline =
      target.baseline ?? series.find((v) => v.periodYear === config.baseline.period)?.value ?? null;
    await insertForecast(
      warehouse,
      context,
      area,
      { ...target, baseline, targetPeriod: county.target_period, baselinePeriod: county.baseline_period },
      forecast,
    );
    written += 1;
  }
  return written;
}

/** The step for the targets files in `folder` (default: `targets/` of the run's sources folder). */
export function forecastsStep(folder?: string): DeriveStep {
  return {
    name: "forecasts",
    async run(warehouse: Warehouse, _reporter: Reporter, context?: DeriveContext): Promise<string> {
      const configs = readTargetConfigs(folder ?? targetsDir(context?.sourcesDir));
      await warehouse.run(FORECAST_SQL);
      let written = 0;
      let indicators = 0;
      for (const config of configs) {
        const [about] = await warehouse.rows<{ name: string; polarity: TargetPolarity }>(
          "SELECT name, polarity FROM indicator WHERE id = $1",
          [config.indicator],
        );
        if (!about) continue;
        const series = await readSeries(warehouse, config.indicator);
        const count = await forecastIndicator(warehouse, {
          config,
          name: about.name,
          polarity: about.polarity,
          series,
        });
        if (count > 0) indicators += 1;
        written += count;
      }
      const statuses = await warehouse.rows<{ status: string; n: number }>(
        "SELECT status, count(*)::INTEGER AS n FROM forecast GROUP BY 1 ORDER BY 1",
      );
      const summary = statuses.map((row) => `${row.n} ${row.status}`).join(", ");
      return `${written} forecasts for ${indicators} indicators${summary ? ` (${summary})` : ""}`;
    },
  };
}
