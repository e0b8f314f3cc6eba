/**
 * Derive step "deprivation editions table": `deprivation_trend`, one row per target area (county,
 * districts, localities, priority areas) and IMD edition 2004–2025, from national ranks only (scores are
 * not comparable between editions): LSOAs and people in the most deprived 10% and 20% nationally, the
 * average inverted-rank percentile, and each area's relative position change between its first and last
 * edition (`deprivationTrend`: improving / worsening / no clear change). Inputs: trend-inputs.ts.
 */
import { type AreaEditionDeprivation, deprivationTrend } from "../../../models/deprivation/index.ts";
import { formatCount } from "../../util/reporter.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { DeriveStep } from "../derive-stage.ts";
import { createTrendAreas, readTrendEditions, trendPopulationBasis } from "./trend-inputs.ts";
import { writeTemporaryTable } from "./write-columns.ts";

export const deprivationTrendStep: DeriveStep = {
  name: "deprivation editions table",
  async run(warehouse, reporter) {
    const areas = await createTrendAreas(warehouse);
    const editions = areas > 0 ? await readTrendEditions(warehouse, reporter) : [];
    const { byAreaAndEdition, positionChanges } = deprivationTrend(editions);
    const change = new Map(positionChanges.map((row) => [row.area, row]));
    const lsoaTypeOf = new Map(editions.map((edition) => [edition.edition, edition.lsoaType]));
    await writeTrendRows(warehouse, byAreaAndEdition, lsoaTypeOf, (area) => change.get(area));
    await warehouse.run(`CREATE OR REPLACE TABLE deprivation_trend AS
      SELECT r.area_code, a.name AS area_name, t.area_type, r.edition, r.lsoa_type, r.n, r.lsoa_count,
        r.lsoas_most_deprived_10, r.lsoas_most_deprived_20, r.share_lsoas_most_deprived_10,
        r.share_lsoas_most_deprived_20, r.population, r.people_most_deprived_10, r.people_most_deprived_20,
        r.population_basis, r.average_inverted_rank_percentile, r.relative_position_change, r.first_edition,
        r.last_edition, r.change_in_share_most_deprived_20, r.change_in_average_inverted_rank_percentile,
        coalesce(a.illustrative, false) AS illustrative
      FROM trend_rows r
      JOIN trend_area t ON t.area_code = r.area_code
      LEFT JOIN area a ON a.code = r.area_code AND a.type = t.area_type
      ORDER BY t.area_type, r.area_code, r.edition`);
    await warehouse.run("DROP TABLE trend_rows; DROP TABLE trend_area; DROP TABLE IF EXISTS trend_bridge;");
    const classes = positionChanges.reduce<Record<string, number>>((counts, row) => {
      counts[row.relativePositionChange] = (counts[row.relativePositionChange] ?? 0) + 1;
      return counts;
    }, {});
    return (
      `${formatCount(byAreaAndEdition.length)} rows: ${formatCount(positionChanges.length)} areas × ` +
      `editions ${editions.map((e) => e.edition).join(", ")}; ` +
      Object.entries(classes)
        .map(([label, count]) => `${count} ${label}`)
        .join(", ")
    );
  },
};

async function writeTrendRows(
  warehouse: Warehouse,
  rows: readonly AreaEditionDeprivation[],
  lsoaTypeOf: ReadonlyMap<number, string>,
  changeOf: (area: string) => ReturnType<typeof deprivationTrend>["positionChanges"][number] | undefined,
): Promise<void> {
  const column = <T>(pick: (row: AreaEditionDeprivation) => T): T[] => rows.map(pick);
  await writeTemporaryTable(warehouse, "trend_rows", {
    area_code: { type: "VARCHAR", values: column((r) => r.area) },
    edition: { type: "INTEGER", values: column((r) => r.edition) },
    lsoa_type: { type: "VARCHAR", values: column((r) => lsoaTypeOf.get(r.edition) ?? null) },
    n: { type: "INTEGER", values: column((r) => r.n) },
    lsoa_count: { type: "DOUBLE", values: column((r) => r.lsoaCount) },
    lsoas_most_deprived_10: { type: "DOUBLE", values: column((r) => r.lsoasMostDeprived10) },
    lsoas_most_deprived_20: { type: "DOUBLE", values: column((r) => r.lsoasMostDeprived20) },
    share_lsoas_most_deprived_10: { type: "DOUBLE", values: column((r) => r.shareLsoasMostDeprived10) },
    share_lsoas_most_deprived_20: { type: "DOUBLE", values: column((r) => r.shareLsoasMostDeprived20) },
    population: { type: "DOUBLE", values: column((r) => r.population) },
    people_most_deprived_10: { type: "DOUBLE", values: column((r) => r.peopleMostDeprived10) },
    people_most_deprived_20: { type: "DOUBLE", values: column((r) => r.peopleMostDeprived20) },
    population_basis: {
      type: "VARCHAR",
      values: column((r) =>
        r.population === null ? null : (trendPopulationBasis(r.edition)?.basis ?? null),
      ),
    },
    average_inverted_rank_percentile: {
      type: "DOUBLE",
      values: column((r) => r.averageInvertedRankPercentile),
    },
    relative_position_change: {
      type: "VARCHAR",
      values: column((r) => changeOf(r.area)?.relativePositionChange ?? null),
    },
    first_edition: { type: "INTEGER", values: column((r) => changeOf(r.area)?.firstEdition ?? null) },
    last_edition: { type: "INTEGER", values: column((r) => changeOf(r.area)?.lastEdition ?? null) },
    change_in_share_most_deprived_20: {
      type: "DOUBLE",
      values: column((r) => changeOf(r.area)?.changeInShareMostDeprived20 ?? null),
    },
    change_in_average_inverted_rank_percentile: {
      type: "DOUBLE",
      values: column((r) => changeOf(r.area)?.changeInAverageInvertedRankPercentile ?? null),
    },
  });
}
