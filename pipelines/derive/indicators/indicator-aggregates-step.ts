/**
 * Derive step "indicator aggregates": registers the derived rates, rolls small-area counts up through
 * `area_link` and writes `indicator_value` with 95% and 99.8% intervals (see `indicator-value-table.ts`
 * for its columns). Runs after the deprivation steps, whose "2021 LSOA best fit" links 2021 LSOAs.
 */

import { formatCount } from "../../util/reporter.ts";
import type { DeriveStep } from "../derive-stage.ts";
import { aggregateSmallAreas } from "./aggregate-small-areas.ts";
import { createScopeAreas, homeCounties } from "./area-scope.ts";
import { registerDerivedRates } from "./derived-rates.ts";
import { writeIndicatorValues } from "./indicator-value-table.ts";

export const indicatorAggregatesStep: DeriveStep = {
  name: "indicator aggregates",
  async run(warehouse, reporter) {
    await registerDerivedRates(warehouse);
    const counties = await homeCounties(warehouse);
    await createScopeAreas(warehouse);
    const aggregates = await aggregateSmallAreas(warehouse);
    const rows = await writeIndicatorValues(warehouse, reporter);
    const lsoa21 = await warehouse.scalar<number>(
      "SELECT count(*)::INTEGER FROM indicator_scope_area WHERE area_type = 'lsoa21'",
    );
    return `${formatCount(rows)} rows in indicator_value (${formatCount(aggregates)} aggregated; home ${counties.length === 1 ? "county" : "counties"} ${counties.join(", ")} with ${lsoa21} linked 2021 LSOAs)`;
  },
};
