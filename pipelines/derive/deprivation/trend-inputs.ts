/**
 * Gathers the inputs of the editions table from the warehouse: the target areas, and for each IMD
 * edition its national ranks, populations (where the sources have them) and the bridge from the
 * edition's LSOA vintage to the target areas.
 *
 * Target areas: every county that holds localities or best-fitted 2021 LSOAs (Warwickshire in the default
 * sources), with its localities, priority areas and districts — the areas every edition can reach.
 *
 * Bridges (weights are shares of the edition's LSOA, 0–1):
 * - 2011 LSOAs (2015, 2019): `area_link` as loaded (weight 1 for best-fit links);
 * - 2021 LSOAs (2025): `area_link` rows of the best-fit step (each 2021 LSOA whole to one 2011 LSOA);
 * - 2001 LSOAs (2004–2010): `area_bridge` 2001 → 2011 (ONS lookup, equal shares for a split 2001 LSOA)
 *   times the 2011 LSOA's link, summed per 2001 LSOA and area: an unchanged or merged 2001 LSOA counts
 *   fully in the area of its successor; a 2001 LSOA split into k parts counts 1/k in the area of each
 *   part (fully when all parts lie in one area), so LSOA counts are never double-counted.
 */
import { type EditionLsoaRanks, nationalLsoaCount } from "../../../models/deprivation/index.ts";
import type { Reporter } from "../../util/reporter.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { SUMMARY_EDITIONS } from "./summary-settings.ts";

export const TREND_AREA_TYPES = ["county", "district", "locality", "priority"] as const;

/** The population behind the people counts of an edition, or null when the sources have none. */
export function trendPopulationBasis(edition: number): { period: string; basis: string } | null {
  const setting = SUMMARY_EDITIONS.find((summary) => summary.edition === edition);
  return setting ? { period: setting.populationPeriod, basis: setting.populationBasis } : null;
}

/** Creates temp table `trend_area` (area_code, area_type) and returns how many areas it holds. */
export async function createTrendAreas(warehouse: Warehouse): Promise<number> {
  await warehouse.run(`CREATE OR REPLACE TEMP TABLE trend_area AS
    WITH home AS (
      SELECT DISTINCT parent AS county FROM area_link
      WHERE parent_type = 'county' AND child_type IN ('locality', 'lsoa21'))
    SELECT county AS area_code, 'county' AS area_type FROM home
    UNION
    SELECT child, child_type FROM area_link
    WHERE parent_type = 'county' AND parent IN (SELECT county FROM home)
      AND child_type IN ('locality', 'priority', 'district')`);
  return (await warehouse.scalar<number>("SELECT count(*)::INTEGER FROM trend_area")) ?? 0;
}

/** The model's input for one edition, with the edition's LSOA vintage. */
export interface TrendEdition extends EditionLsoaRanks {
  lsoaType: string;
}

/** One `TrendEdition` per IMD edition with a non-empty bridge to the trend areas. */
export async function readTrendEditions(warehouse: Warehouse, reporter: Reporter): Promise<TrendEdition[]> {
  await warehouse.run(`CREATE OR REPLACE TEMP TABLE trend_bridge AS
    SELECT k.lsoa, k.lsoa_type, k.area_code, least(1::DOUBLE, sum(k.weight)) AS weight
    FROM (
      SELECT child AS lsoa, child_type AS lsoa_type, parent AS area_code, parent_type AS area_type, weight
      FROM area_link WHERE child_type IN ('lsoa11', 'lsoa21')
      UNION ALL
      SELECT b.from_code, b.from_type, l.parent, l.parent_type, b.weight * l.weight
      FROM area_bridge b JOIN area_link l ON l.child = b.to_code AND l.child_type = b.to_type
      WHERE b.from_type = 'lsoa01' AND b.to_type = 'lsoa11' AND b.weight IS NOT NULL) k
    JOIN trend_area t ON t.area_code = k.area_code AND t.area_type = k.area_type
    GROUP BY k.lsoa, k.lsoa_type, k.area_code`);
  const editions = await warehouse.rows<{ edition: number; lsoa_type: string }>(
    `SELECT DISTINCT edition, lsoa_type FROM deprivation WHERE domain = 'imd' AND rank IS NOT NULL ORDER BY edition`,
  );
  const result: TrendEdition[] = [];
  for (const { edition, lsoa_type: lsoaType } of editions) {
    const bridge = await warehouse.rows<{ lsoa: string; area: string; weight: number }>(
      `SELECT lsoa, area_code AS area, weight FROM trend_bridge b WHERE lsoa_type = $2 AND EXISTS (
         SELECT 1 FROM deprivation d WHERE d.edition = $1 AND d.domain = 'imd' AND d.lsoa = b.lsoa
           AND d.lsoa_type = b.lsoa_type AND d.rank IS NOT NULL)
       ORDER BY lsoa, area_code`,
      [edition, lsoaType],
    );
    if (bridge.length === 0) {
      reporter.warn(
        `editions table: IMD ${edition} (${lsoaType}) has no bridge to the target areas; left out`,
      );
      continue;
    }
    const ranks = await ranksOf(warehouse, edition, lsoaType, reporter);
    result.push({ edition, lsoaType, n: nationalLsoaCount(edition), bridge, ...ranks });
  }
  return result;
}

async function ranksOf(
  warehouse: Warehouse,
  edition: number,
  lsoaType: string,
  reporter: Reporter,
): Promise<Pick<EditionLsoaRanks, "lsoaCodes" | "ranks" | "populations">> {
  const population = trendPopulationBasis(edition);
  const { rows } = await warehouse.table(
    `SELECT d.lsoa, d.rank, p.population
     FROM deprivation d
     LEFT JOIN population p ON p.area_code = d.lsoa AND p.area_type = d.lsoa_type AND p.period = $3
       AND p.age_band = 'all' AND p.sex = 'Persons'
     WHERE d.edition = $1 AND d.domain = 'imd' AND d.lsoa_type = $2
       AND d.lsoa IN (SELECT lsoa FROM trend_bridge WHERE lsoa_type = $2)
     ORDER BY d.lsoa`,
    [edition, lsoaType, population?.period ?? ""],
  );
  const populations = rows.map((row) => row[2]);
  const complete = population !== null && populations.every((value) => typeof value === "number");
  if (population !== null && !complete) {
    reporter.warn(
      `editions table: IMD ${edition} lacks ${population.period} populations for some LSOAs; people counts left empty`,
    );
  }
  return {
    lsoaCodes: rows.map((row) => row[0] as string),
    ranks: rows.map((row) => row[1] as number),
    ...(complete ? { populations: populations as number[] } : {}),
  };
}
