/**
 * Derive step "benchmarks, trends, gaps and inequality": reads `indicator_value` and writes
 * `indicator_comparison` (benchmarks vs county and England, ranks, trends, exception flags; see
 * `comparison-table.ts`), `indicator_gap` and `indicator_gap_summary` (`gap-tables.ts`) and
 * `indicator_inequality` (SII/RII and the most-deprived-quintile gap; `inequality-table.ts`).
 */
import { isWorseAndGettingWorse } from "../../../models/statistics/index.ts";
import { formatCount } from "../../util/reporter.ts";
import type { DeriveStep } from "../derive-stage.ts";
import { createScopeAreas, homeCounties } from "./area-scope.ts";
import { benchmarkColumns } from "./benchmark-columns.ts";
import { readComparisonInputs } from "./comparison-inputs.ts";
import { writeComparisonTable } from "./comparison-table.ts";
import { writeGapTables } from "./gap-tables.ts";
import { INEQUALITY_SEED, INEQUALITY_SIMULATIONS, writeInequalityTable } from "./inequality-table.ts";
import { createNationalRanks } from "./national-ranks.ts";
import { peerRankColumns } from "./peer-rank-columns.ts";
import { trendColumns } from "./trend-columns.ts";

export const comparisonsStep: DeriveStep = {
  name: "benchmarks, trends, gaps, inequality",
  async run(warehouse) {
    await homeCounties(warehouse);
    await createScopeAreas(warehouse);
    await createNationalRanks(warehouse);
    const inputs = await readComparisonInputs(warehouse);
    const benchmarks = benchmarkColumns(inputs);
    const ranks = peerRankColumns(inputs);
    const trends = trendColumns(inputs);
    const flags = {
      worseThanCounty: benchmarks.benchmarkCounty.map((label, i) =>
        label ? isWorseAndGettingWorse(label, { improving: trends.improving[i] ?? null }) : false,
      ),
      worseThanEngland: benchmarks.benchmarkEngland.map((label, i) =>
        label ? isWorseAndGettingWorse(label, { improving: trends.improving[i] ?? null }) : false,
      ),
    };
    const comparisons = await writeComparisonTable(warehouse, inputs, benchmarks, ranks, trends, flags);
    const sets = await writeGapTables(warehouse);
    const inequalities = await writeInequalityTable(warehouse);
    const trended = trends.direction.filter((d) => d !== "cannot be calculated").length;
    return `${formatCount(comparisons)} comparisons (${formatCount(trended)} with a trend), ${formatCount(sets)} gap sets, ${inequalities} SII rows (seed ${INEQUALITY_SEED}, ${formatCount(INEQUALITY_SIMULATIONS)} draws)`;
  },
};
