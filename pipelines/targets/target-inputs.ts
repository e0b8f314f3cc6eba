/**
 * The inputs of `differentialTargets` for one targets file, read from `target_series` and the weights:
 * every area of the level with its baseline, weight and (for rank-based methods) deprivation rank, and
 * the county baseline and target with where each came from.
 */
import { SourceError } from "../../models/errors.ts";
import type { DifferentialTargetsInput, TargetPolarity } from "../../models/targets/index.ts";
import { displayPath } from "../config/read-yaml-config.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import type { LoadedTargetConfig } from "./target-config-schema.ts";
import type { ScopeArea } from "./target-scope.ts";

export interface TargetInputs {
  model: DifferentialTargetsInput;
  baselinePeriodLabel: string;
  targetPeriodLabel: string;
  countyBaselineSource: string;
  countyTargetSource: string;
}

/** The label of a year in the style of the series' labels (2017/18 → 2020/21; '2022 (IoD 2025)' → 2030). */
export function periodLabelLike(year: number, example: string | undefined): string {
  if (example && /^\d{4}\/\d{2}$/.test(example))
    return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
  return String(year);
}

/**
 * Reads the model input.
 *
 * @throws {SourceError} naming the file when an area or the county has no value at the baseline period.
 */
export async function readTargetInputs(
  warehouse: Warehouse,
  config: LoadedTargetConfig,
  scope: readonly ScopeArea[],
  context: {
    polarity: TargetPolarity;
    weights: ReadonlyMap<string, number>;
    ranks: ReadonlyMap<string, number> | null;
  },
): Promise<TargetInputs> {
  const file = displayPath(config.file);
  const year = config.baseline.period;
  const rows = await warehouse.rows<{
    area_code: string;
    area_type: string;
    period: string;
    value: number;
    basis: string;
  }>(
    `SELECT area_code, area_type, period, value, basis FROM target_series
     WHERE indicator = $1 AND period_year = $2 AND value IS NOT NULL`,
    [config.indicator, year],
  );
  const byCode = new Map(rows.map((row) => [`${row.area_type}:${row.area_code}`, row]));
  const levelAreas = scope.filter((area) => area.type === config.level);
  const missing = levelAreas
    .filter((area) => !byCode.has(`${area.type}:${area.code}`))
    .map((area) => area.code);
  if (levelAreas.length === 0 || missing.length > 0) {
    throw new SourceError(
      `${file}: no ${config.indicator} value at the baseline period ${year} for ${levelAreas.length === 0 ? `any ${config.level}` : missing.join(", ")}`,
      'Check baseline.period against the series (ntg query "select distinct period, period_year from target_series").',
    );
  }
  const county = scope.find((area) => area.type === "county")!;
  const countyRow = byCode.get(`county:${county.code}`);
  if (config.baseline.value === undefined && !countyRow) {
    throw new SourceError(`${file}: no county value at the baseline period ${year}; give baseline.value`);
  }
  const countyBaseline = config.baseline.value ?? countyRow!.value;
  const { target } = config;
  const countyTarget = target.value ?? countyBaseline + target.change!;
  const baselinePeriodLabel =
    countyRow?.period ?? byCode.get(`${config.level}:${levelAreas[0]!.code}`)!.period;
  return {
    model: {
      polarity: context.polarity,
      county: {
        baseline: countyBaseline,
        target: countyTarget,
        baselinePeriod: year,
        targetPeriod: target.period,
      },
      areas: levelAreas.map((area) => ({
        code: area.code,
        baseline: byCode.get(`${area.type}:${area.code}`)!.value,
        weight: context.weights.get(area.code)!,
        ...(context.ranks ? { deprivationRank: context.ranks.get(area.code)! } : {}),
      })),
      method: config.method,
      narrowBy: config.narrowBy,
      ...(config.floor === undefined ? {} : { floor: config.floor }),
    },
    baselinePeriodLabel,
    targetPeriodLabel: periodLabelLike(target.period, baselinePeriodLabel),
    countyBaselineSource:
      config.baseline.value === undefined
        ? `computed from the data: ${countyRow!.basis}`
        : "configured value",
    countyTargetSource:
      target.value === undefined
        ? `computed: county baseline ${target.change! >= 0 ? "+" : "−"} ${Math.abs(target.change!)}`
        : "configured value",
  };
}
