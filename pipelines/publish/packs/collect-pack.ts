/**
 * Reads everything a pack publishes from the warehouse, then applies statistical disclosure control to
 * every table at once (so a count hidden in one table is hidden wherever it appears). Charts, key
 * findings, the HTML, the spreadsheets and the CSV/Parquet files are all made from the protected tables
 * only: nothing after this step sees an unprotected count.
 */

import type { Warehouse } from "../../warehouse/warehouse.ts";
import { type DisclosureSummary, protectTables } from "../disclosure/index.ts";
import { differentialTargetsTable } from "./differential-targets-data.ts";
import { forecastsTable, targetSeriesTable, targetsTable } from "./forecast-data.ts";
import { householdDeprivationTable } from "./household-data.ts";
import { inequalityTable } from "./inequality-data.ts";
import { gapRankingTable } from "./intervention-data.ts";
import { type PackMap, readPackMap } from "./map-data.ts";
import { allocationsTable, scenariosTable } from "./options-data.ts";
import { type PackContext, resolvePackContext } from "./pack-context.ts";
import { sqlList } from "./pack-sql.ts";
import { countColumns, type PackTable, type PublishedTable } from "./pack-table.ts";
import { indicatorTrendsTable, indicatorValuesTable } from "./performance-data.ts";
import type { LoadedPlan } from "./read-plans.ts";
import {
  deprivationSummaryTable,
  deprivationTrendTable,
  smallAreaDeprivationTable,
} from "./understanding-data.ts";

export interface PackData {
  context: PackContext;
  /** Protected tables in the order the pack presents them. */
  tables: PublishedTable[];
  disclosure: DisclosureSummary;
  map: PackMap | null;
  /** Indicator metadata for the plan's indicators (name, unit, polarity, definition), in plan order. */
  indicators: IndicatorInfo[];
  /** The same for every indicator the pack mentions (plan and target indicators), by id. */
  catalogue: Map<string, IndicatorInfo>;
}

export interface IndicatorInfo {
  id: string;
  name: string;
  unit: string | null;
  polarity: string;
  value_type: string;
  definition: string | null;
  ni_code: string | null;
}

const TABLE_READERS = [
  deprivationSummaryTable,
  deprivationTrendTable,
  householdDeprivationTable,
  smallAreaDeprivationTable,
  inequalityTable,
  indicatorValuesTable,
  indicatorTrendsTable,
  targetsTable,
  forecastsTable,
  targetSeriesTable,
  gapRankingTable,
  differentialTargetsTable,
  allocationsTable,
  scenariosTable,
];

/** Applies disclosure control to the tables, with the plan's threshold and marker. */
export function protectPackTables(
  tables: readonly PackTable[],
  options: { threshold: number; marker: string },
): { tables: PublishedTable[]; disclosure: DisclosureSummary } {
  const result = protectTables(
    tables.map((table) => ({
      name: table.id,
      rows: table.rows,
      counts: countColumns(table),
      totals: table.totals ?? [],
      dependents: table.dependents ?? [],
      ...(table.cellKey ? { cellKey: table.cellKey } : {}),
    })),
    options,
  );
  return {
    tables: tables.map((table, index) => ({
      ...table,
      rows: result.tables[index]!.rows,
      suppressedColumns: result.tables[index]!.suppressedColumns,
    })),
    disclosure: result.summary,
  };
}

export async function collectPack(warehouse: Warehouse, plan: LoadedPlan): Promise<PackData> {
  const context = await resolvePackContext(warehouse, plan);
  const raw: PackTable[] = [];
  for (const read of TABLE_READERS) {
    const table = await read(warehouse, context);
    if (table && table.rows.length > 0) raw.push(table);
  }
  const { tables, disclosure } = protectPackTables(raw, plan.disclosure);
  const indicators = await warehouse.rows<IndicatorInfo & Record<string, unknown>>(
    `SELECT id, name, unit, polarity, value_type, definition, ni_code FROM indicator WHERE id IN ${sqlList([...plan.indicators, ...plan.targets])}`,
  );
  const catalogue = new Map<string, IndicatorInfo>(indicators.map((indicator) => [indicator.id, indicator]));
  return {
    context,
    tables,
    disclosure,
    map: await readPackMap(warehouse, context),
    indicators: plan.indicators
      .map((id) => catalogue.get(id))
      .filter((indicator): indicator is IndicatorInfo => indicator !== undefined),
    catalogue,
  };
}
