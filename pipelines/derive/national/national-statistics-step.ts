/**
 * Derive step "national statistics": the three national functions in a row on whatever warehouse the run
 * built — aggregates for districts, counties and England with Wilson intervals, benchmarks against England
 * and SII/RII by national IMD decile inside every district. On the default data it covers the small-area
 * proportions with counts (Census 2011 household deprivation on 2011 LSOAs).
 */
import { formatCount } from "../../util/reporter.ts";
import type { DeriveStep } from "../derive-stage.ts";
import { aggregateToAreas } from "./aggregate-to-areas.ts";
import { benchmarkAreas } from "./benchmark-areas.ts";
import { inequalityByDistrict } from "./inequality-by-district.ts";

export const nationalStatisticsStep: DeriveStep = {
  name: "national statistics",
  async run(warehouse) {
    const aggregates = await aggregateToAreas(warehouse);
    const benchmarks = await benchmarkAreas(warehouse);
    const inequalities = await inequalityByDistrict(warehouse);
    const invalid =
      aggregates.invalidRows > 0
        ? ` (${formatCount(aggregates.invalidRows)} without a value: counts the Wilson model rejects)`
        : "";
    return `${formatCount(aggregates.rows)} rows in national_aggregate${invalid}, ${formatCount(benchmarks)} in national_benchmark, ${formatCount(inequalities)} in national_inequality`;
  },
};
