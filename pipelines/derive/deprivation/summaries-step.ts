/**
 * Derive step "deprivation summaries": table `deprivation_summary`, one row per (edition, index, area)
 * for every area level reachable from 2011 LSOAs through `area_link` — ward19, locality, priority,
 * district, county, region, country — for the editions in `SUMMARY_EDITIONS` and for the official IMD
 * and every local index of those editions. One SQL statement (summary-sql.ts) computes them all, so
 * `ntg deprivation` only reads rows (all 317 districts of England are there for `--within E92000001`).
 */
import { nationalLsoaCount } from "../../../models/deprivation/index.ts";
import { formatCount, type Reporter } from "../../util/reporter.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { DeriveStep } from "../derive-stage.ts";
import { LOCAL_INDEX_TABLES_SQL } from "./derived-tables.ts";
import { SUMMARY_EDITIONS } from "./summary-settings.ts";
import { deprivationSummarySql } from "./summary-sql.ts";

export const deprivationSummariesStep: DeriveStep = {
  name: "deprivation summaries",
  async run(warehouse, reporter) {
    await ensureLocalIndexTables(warehouse);
    const editions = SUMMARY_EDITIONS.map((edition) => ({
      ...edition,
      n: nationalLsoaCount(edition.edition),
    }));
    await warnAboutUnweightedLsoas(warehouse, reporter);
    await warehouse.run(deprivationSummarySql(editions));
    const counts = await warehouse.rows<{
      edition: number;
      index_id: string;
      area_type: string;
      areas: number;
    }>(
      `SELECT edition, index_id, area_type, count(*)::INTEGER AS areas FROM deprivation_summary
       GROUP BY ALL ORDER BY edition DESC, index_id, area_type`,
    );
    if (counts.length === 0) return "no summaries: no LSOA scores with populations for the summary editions";
    const breakdownByKey = new Map<string, string[]>();
    for (const { edition, index_id, area_type, areas } of counts) {
      const key = `${edition} ${index_id}`;
      breakdownByKey.set(key, [...(breakdownByKey.get(key) ?? []), `${formatCount(areas)} ${area_type}`]);
    }
    // Keys sharing a breakdown are listed together: "2019 imd, 2015 imd: 1 country, 34 county, …".
    const keysByBreakdown = new Map<string, string[]>();
    for (const [key, parts] of breakdownByKey) {
      const breakdown = parts.join(", ");
      keysByBreakdown.set(breakdown, [...(keysByBreakdown.get(breakdown) ?? []), key]);
    }
    return [...keysByBreakdown].map(([breakdown, keys]) => `${keys.join(", ")}: ${breakdown}`).join("; ");
  },
};

/** The summaries read `deprivation_local_index`; create it empty when the local-indices step did not run. */
async function ensureLocalIndexTables(warehouse: Warehouse): Promise<void> {
  const exists = await warehouse.scalar<number>(
    "SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'deprivation_local_index' AND NOT temporary",
  );
  if (!exists) await warehouse.run(LOCAL_INDEX_TABLES_SQL);
}

/** LSOAs with a score but no population drop out of the population-weighted measures: say so. */
async function warnAboutUnweightedLsoas(warehouse: Warehouse, reporter: Reporter): Promise<void> {
  for (const { edition, lsoaType, populationPeriod } of SUMMARY_EDITIONS) {
    const missing = await warehouse.scalar<number>(
      `SELECT count(*)::INTEGER FROM deprivation d WHERE d.edition = $1 AND d.domain = 'imd'
         AND d.lsoa_type = $2 AND d.score IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM population p WHERE p.area_code = d.lsoa AND p.area_type = d.lsoa_type
             AND p.period = $3 AND p.age_band = 'all' AND p.population IS NOT NULL)`,
      [edition, lsoaType, populationPeriod],
    );
    if (missing) {
      reporter.warn(
        `deprivation summaries ${edition}: ${formatCount(missing)} LSOAs have a score but no ${populationPeriod} population and are left out`,
      );
    }
  }
}
