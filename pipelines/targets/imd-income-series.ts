/**
 * The income deprivation rate across IoD editions, for the scope areas (county, districts, localities):
 *
 * - **2010** (2001 LSOAs): the income domain score, which is the share of people income deprived
 *   (rounded to 2 dp upstream), bridged to 2011 LSOAs by the ONS 2001→2011 lookup (`area_bridge`);
 * - **2019** (2011 LSOAs): people income deprived (File 8 numerator; blanks imputed as 3.5 like the
 *   indicator step) ÷ the File 6 mid-2015 population — the same rate as `iod2019-income-deprivation-rate`;
 * - **2025** (2021 LSOAs): the income domain score, linked to 2011 LSOAs by the boundary best fit
 *   (`lsoa21_best_fit`). IoD 2025 measures income deprivation after housing costs and adds Universal
 *   Credit in-work claimants, so its rates run higher than earlier editions' (a definition change).
 *
 * Weighting: the sources hold populations for 2011 LSOAs only (mid-2015, File 6), so each LSOA of every
 * edition is weighted by **mid-2015 people apportioned through the bridges**: a 2011 LSOA's people are
 * shared equally among the 2001 LSOAs merged into it and among the 2021 LSOAs best-fitted to it (a 2001
 * LSOA split into k 2011 LSOAs gets all their people). Each edition's area rate is Σ people × rate /
 * Σ people over the same people, so the editions differ only by their rates. `lsoa-count` weights every
 * LSOA equally instead (a split 2001 LSOA counts 1/k in each part). The trend uses each edition's data
 * year (configured, e.g. 2008, 2015, 2022), not its publication year.
 */
import { SourceError } from "../../models/errors.ts";
import { displayPath } from "../config/read-yaml-config.ts";
import { IOD2019_SUPPRESSED_NUMERATOR } from "../derive/indicators/derived-rates.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import type { LoadedTargetConfig } from "./target-config-schema.ts";

/** The LSOA units of every edition; \`fitSql\` selects (lsoa21, lsoa11) best-fit pairs. */
const unitsSql = (fitSql: string) => `
WITH pop AS (
  SELECT area_code AS lsoa11, sum(population) AS people FROM population
  WHERE area_type = 'lsoa11' AND period = 'mid-2015' AND age_band = 'all' AND sex = 'Persons' GROUP BY 1
), in_scope AS (
  SELECT DISTINCT l.child AS lsoa11 FROM area_link l
  JOIN target_scope s ON s.area_code = l.parent AND s.area_type = l.parent_type AND s.area_type = 'county'
  WHERE l.child_type = 'lsoa11'
), bridge AS (
  SELECT b.from_code, b.to_code, coalesce(b.weight, 1) AS share,
         count(*) OVER (PARTITION BY b.to_code) AS parents
  FROM area_bridge b JOIN in_scope i ON i.lsoa11 = b.to_code
  WHERE b.from_type = 'lsoa01' AND b.to_type = 'lsoa11'
), fit AS (
  SELECT f.lsoa21, f.lsoa11, count(*) OVER (PARTITION BY f.lsoa11) AS parts
  FROM (${fitSql}) f JOIN in_scope i ON i.lsoa11 = f.lsoa11
), units AS (
  SELECT 2010 AS edition, d.score AS rate, 'lsoa11' AS link_type, b.to_code AS link_code,
         p.people / b.parents AS people, b.share AS lsoas
  FROM bridge b JOIN deprivation d ON d.lsoa = b.from_code AND d.lsoa_type = 'lsoa01'
  LEFT JOIN pop p ON p.lsoa11 = b.to_code
  WHERE d.edition = 2010 AND d.domain = 'income'
  UNION ALL
  SELECT 2019, coalesce(o.numerator, ${IOD2019_SUPPRESSED_NUMERATOR}) / p.people, 'lsoa11', o.area_code,
         p.people, 1
  FROM observation o JOIN in_scope i ON i.lsoa11 = o.area_code JOIN pop p ON p.lsoa11 = o.area_code
  WHERE o.indicator = 'iod2019-income-deprived-people' AND o.area_type = 'lsoa11'
  UNION ALL
  SELECT 2025, d.score, 'lsoa21', f.lsoa21, p.people / f.parts, 1
  FROM fit f JOIN deprivation d ON d.lsoa = f.lsoa21 AND d.lsoa_type = 'lsoa21'
  LEFT JOIN pop p ON p.lsoa11 = f.lsoa11
  WHERE d.edition = 2025 AND d.domain = 'income'
)`;

/**
 * Inserts the income deprivation rate (%) of each configured edition for the scope areas into
 * `target_series`; returns the row count.
 *
 * @throws {SourceError} when 2025 is configured but the 2021 LSOA best fit is missing.
 */
export async function insertImdIncomeSeries(
  warehouse: Warehouse,
  config: LoadedTargetConfig,
): Promise<number> {
  if (config.series.from !== "imd-income-editions") return 0;
  const { editions, weighting } = config.series;
  const needsBestFit = editions.some((e) => e.edition === 2025);
  const hasBestFit = await warehouse.scalar<number>(
    "SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'lsoa21_best_fit'",
  );
  if (needsBestFit && !hasBestFit) {
    throw new SourceError(
      `${displayPath(config.file)}: the 2021 LSOA best fit (table lsoa21_best_fit) is missing`,
      "It is written by the deprivation step from the 2011 and 2021 LSOA boundaries.",
    );
  }
  const weight = weighting === "lsoa-count" ? "u.lsoas" : "u.people";
  const editionValues = editions.map((e) => `(${e.edition}, ${e.dataYear}::DOUBLE)`).join(", ");
  const basis = `IoD income domain rate, ${weighting === "lsoa-count" ? "LSOA-count weighted" : "weighted by mid-2015 population apportioned through the LSOA bridges"}`;
  await warehouse.run(
    `${unitsSql(
      needsBestFit
        ? "SELECT lsoa21, lsoa11 FROM lsoa21_best_fit"
        : "SELECT NULL::VARCHAR AS lsoa21, NULL::VARCHAR AS lsoa11 WHERE false",
    )}
     INSERT INTO target_series
     SELECT $1, s.area_code, s.area_name, s.area_type,
            e.data_year::INTEGER || ' (IoD ' || e.edition || ')', e.data_year,
            100 * sum(${weight} * l.weight * u.rate) / sum(${weight} * l.weight), NULL, NULL,
            sum(${weight} * l.weight), $2,
            CASE WHEN e.edition = 2025 THEN 'IoD 2025 measures income deprivation after housing costs and counts Universal Credit in-work claimants, so its rates are not directly comparable with earlier editions: a trend across editions mixes definitions' END
     FROM units u
     JOIN (VALUES ${editionValues}) AS e(edition, data_year) ON e.edition = u.edition
     JOIN area_link l ON l.child = u.link_code AND l.child_type = u.link_type
     JOIN target_scope s ON s.area_code = l.parent AND s.area_type = l.parent_type
     WHERE u.rate IS NOT NULL AND ${weight} IS NOT NULL
     GROUP BY s.area_code, s.area_name, s.area_type, e.edition, e.data_year
     HAVING sum(${weight} * l.weight) > 0`,
    [config.indicator, basis],
  );
  return (
    (await warehouse.scalar<number>("SELECT count(*)::INTEGER FROM target_series WHERE indicator = $1", [
      config.indicator,
    ])) ?? 0
  );
}
