/**
 * Derive step "differential targets" (METHODS.md §6): for every targets file in sources/targets/*.yaml,
 * builds the indicator's series (`target_series`), reads the level's baselines and weights, runs the
 * `differentialTargets` model and writes the shared `target` table and `target_check`.
 *
 * A configuration the model finds infeasible (a floor that makes the county target unreachable, a county
 * target that forces some area to get worse …) fails the run with the model's named error, prefixed with
 * the file. Data the warehouse lacks (a build from other sources) skips that file with a warning.
 */
import { ModelInputError, SourceError } from "../../models/errors.ts";
import { differentialTargets } from "../../models/targets/index.ts";
import { displayPath } from "../config/read-yaml-config.ts";
import type { DeriveContext, DeriveStep } from "../derive/derive-stage.ts";
import type { Reporter } from "../util/reporter.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { areaWeights, deprivationRanks } from "./area-weights.ts";
import { buildSeries, fillCountyFromAreas } from "./build-series.ts";
import { readTargetConfigs, targetsDir } from "./read-target-configs.ts";
import type { LoadedTargetConfig } from "./target-config-schema.ts";
import { targetIndicator } from "./target-indicator.ts";
import { readTargetInputs } from "./target-inputs.ts";
import { createTargetScope, resolveCounty } from "./target-scope.ts";
import { TARGET_CHECK_SQL, TARGET_SERIES_SQL } from "./target-tables.ts";
import { writeTargets } from "./write-targets.ts";

/** Runs one targets file; returns the number of `target` rows written. */
export async function runTargetConfig(warehouse: Warehouse, config: LoadedTargetConfig): Promise<number> {
  const indicator = await targetIndicator(warehouse, config);
  const countyCode = await resolveCounty(warehouse, config);
  const scope = await createTargetScope(warehouse, countyCode);
  await buildSeries(warehouse, config);
  const weights = await areaWeights(warehouse, config, config.level);
  await fillCountyFromAreas(warehouse, config, scope, weights);
  const ranks =
    config.method === "gap-to-county" ? null : await deprivationRanks(warehouse, config, config.level);
  const inputs = await readTargetInputs(warehouse, config, scope, {
    polarity: indicator.polarity,
    weights,
    ranks,
  });
  let result: ReturnType<typeof differentialTargets>;
  try {
    result = differentialTargets(inputs.model);
  } catch (error) {
    if (error instanceof ModelInputError) {
      throw new ModelInputError(`${displayPath(config.file)}: ${error.message}`, error.hint);
    }
    throw error;
  }
  const [series] = await warehouse.rows<{ basis: string; notes: string[] }>(
    `SELECT string_agg(DISTINCT basis, '; ' ORDER BY basis) AS basis,
            list(DISTINCT note ORDER BY note) FILTER (WHERE note IS NOT NULL) AS notes
     FROM target_series WHERE indicator = $1 AND area_type = $2`,
    [config.indicator, config.level],
  );
  return writeTargets(warehouse, config, indicator, inputs, result, {
    countyCode,
    seriesBasis: series?.basis ?? "",
    notes: [...config.notes, ...(series?.notes ?? [])],
    ranks,
  });
}

/** The step for the targets files in `folder` (default: `targets/` of the run's sources folder). */
export function differentialTargetsStep(folder?: string): DeriveStep {
  return {
    name: "differential targets",
    async run(warehouse: Warehouse, reporter: Reporter, context?: DeriveContext): Promise<string> {
      const configs = readTargetConfigs(folder ?? targetsDir(context?.sourcesDir));
      await warehouse.run(TARGET_SERIES_SQL);
      await warehouse.run(TARGET_CHECK_SQL);
      if (configs.length === 0) return "no targets configured";
      const skipped: string[] = [];
      let rows = 0;
      for (const config of configs) {
        try {
          rows += await runTargetConfig(warehouse, config);
        } catch (error) {
          if (!(error instanceof SourceError)) throw error;
          reporter.warn(`targets for ${config.indicator} skipped: ${error.message}`);
          skipped.push(config.indicator);
          await warehouse.run("DELETE FROM target_series WHERE indicator = $1", [config.indicator]);
        }
      }
      const done = configs.length - skipped.length;
      const examples = configs.filter((config) => config.example).length;
      return `${done} of ${configs.length} indicators (${examples} example targets), ${rows} rows in target${skipped.length ? ` (skipped: ${skipped.join(", ")})` : ""}`;
    },
  };
}
