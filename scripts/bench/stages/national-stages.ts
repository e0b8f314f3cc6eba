/**
 * Stages `aggregate`, `benchmark` and `sii`: the pipeline's national functions (pipelines/derive/national)
 * on the warehouse the `load` stage built, each timed around the function call alone.
 */
import { existsSync } from "node:fs";
import {
  aggregateToAreas,
  benchmarkAreas,
  inequalityByDistrict,
} from "../../../pipelines/derive/national/index.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import type { StageContext, StageOutcome } from "./stage-context.ts";

async function onWarehouse(
  context: StageContext,
  needs: string | null,
  work: (warehouse: Warehouse) => Promise<number>,
): Promise<StageOutcome> {
  if (!existsSync(context.warehousePath)) {
    throw new Error(`${context.warehousePath} not found. Hint: run the load stage first (--stages load,…)`);
  }
  const warehouse = await Warehouse.open(context.warehousePath);
  try {
    if (
      needs &&
      !(await warehouse.scalar(`SELECT count(*) FROM duckdb_tables() WHERE table_name = '${needs}'`))
    ) {
      throw new Error(
        `table ${needs} not found in ${context.warehousePath}. Hint: run the aggregate stage first`,
      );
    }
    const started = performance.now();
    const rows = await work(warehouse);
    await warehouse.run("CHECKPOINT");
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    warehouse.close();
  }
}

export const aggregateStage = (context: StageContext) =>
  onWarehouse(
    context,
    null,
    async (w) => (await aggregateToAreas(w, { levels: ["district", "county", "country"] })).rows,
  );

export const benchmarkStage = (context: StageContext) =>
  onWarehouse(context, "national_aggregate", (w) => benchmarkAreas(w));

export const siiStage = (context: StageContext) => onWarehouse(context, null, (w) => inequalityByDistrict(w));
