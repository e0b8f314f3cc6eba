/**
 * The benchmark's synthetic national dataset, generated deterministically with DuckDB: every English 2011
 * LSOA (real codes and the real LSOA → district lookup) × N indicators × 10 periods, with numerators and
 * denominators whose rates follow a deprivation gradient (the LSOA's real IMD 2019 decile) plus noise from
 * a hash of (indicator, LSOA, period) — the same bytes on every run with the same DuckDB version.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { quoteLiteral, Warehouse } from "../../pipelines/warehouse/warehouse.ts";

export const SIZES = { S: { indicators: 5 }, M: { indicators: 50 }, L: { indicators: 100 } } as const;
export type BenchSize = keyof typeof SIZES;
export const PERIODS = 10;

export interface GeneratedDataset {
  observations: string;
  lookup: string;
  deciles: string;
  rows: number;
  indicators: number;
  seconds: number;
}

/** The sidecar that says which size observations.csv was generated for (regenerated when it differs). */
function recordedSize(sidecar: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(sidecar, "utf8")) as { size?: string }).size;
  } catch {
    return undefined;
  }
}

/**
 * Writes observations.csv, lookup.csv and deciles.csv into `folder` (skipped when already there and, for
 * observations.csv, generated for the same size according to the sidecar observations.json).
 */
export async function generateDataset(
  folder: string,
  size: BenchSize,
  sharedData: string,
): Promise<GeneratedDataset> {
  mkdirSync(folder, { recursive: true });
  const indicators = SIZES[size].indicators;
  const observations = path.join(folder, "observations.csv");
  const sidecar = path.join(folder, "observations.json");
  if (existsSync(observations) && recordedSize(sidecar) !== size) rmSync(observations);
  const lookup = path.join(folder, "lookup.csv");
  const deciles = path.join(folder, "deciles.csv");
  const started = performance.now();
  const lookupSource = path.join(sharedData, "lookups", "ons_lsoa11_ward19_lad19_ew.csv");
  const file2 = path.join(sharedData, "deprivation", "File_2_-_IoD2019_Domains_of_Deprivation.csv");
  for (const file of [lookupSource, file2]) if (!existsSync(file)) throw new Error(`benchmark needs ${file}`);
  const warehouse = await Warehouse.open(":memory:");
  try {
    await warehouse.run(`CREATE TABLE lsoa AS
      SELECT l.LSOA11CD AS lsoa_code, l.LAD19CD AS district_code, d."Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)"::INTEGER AS decile,
             d."Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)"::INTEGER AS rank
      FROM read_csv(${quoteLiteral(lookupSource)}, header = true, all_varchar = true, delim = ',', quote = '"') l
      JOIN read_csv(${quoteLiteral(file2)}, header = true, all_varchar = true, delim = ',', quote = '"') d ON d."LSOA code (2011)" = l.LSOA11CD
      WHERE l.LSOA11CD LIKE 'E%' ORDER BY lsoa_code`);
    if (!existsSync(lookup))
      await warehouse.run(
        `COPY (SELECT lsoa_code, district_code FROM lsoa ORDER BY lsoa_code) TO ${quoteLiteral(lookup)} (HEADER, DELIMITER ',')`,
      );
    if (!existsSync(deciles))
      await warehouse.run(
        `COPY (SELECT lsoa_code, rank, decile FROM lsoa ORDER BY lsoa_code) TO ${quoteLiteral(deciles)} (HEADER, DELIMITER ',')`,
      );
    if (!existsSync(observations)) {
      rmSync(sidecar, { force: true });
      // Base rate per indicator 5–40%; deprivation multiplies it by up to ~2.2 in decile 1; denominators
      // 300–2,000; numerators drawn around the expected count by a hash-based uniform noise of ±20%.
      await warehouse.run(`COPY (
        WITH ind AS (SELECT i, printf('bench-%03d', i) AS indicator, 0.05 + 0.35 * ((hash(i) % 1000) / 1000.0) AS base FROM range(1, ${indicators + 1}) t(i)),
             per AS (SELECT p, 2010 + p AS period FROM range(0, ${PERIODS}) t(p))
        SELECT ind.indicator, lsoa.lsoa_code AS area_code, per.period,
               round(den * least(0.95, ind.base * (1 + 0.12 * (10 - lsoa.decile)) * (1 - 0.01 * per.p) * (0.8 + 0.4 * ((hash(ind.i, lsoa.lsoa_code, per.p) % 10007) / 10007.0))))::INTEGER AS numerator,
               den AS denominator
        FROM ind CROSS JOIN per CROSS JOIN (SELECT *, 300 + (hash(lsoa_code) % 1700)::INTEGER AS den FROM lsoa) lsoa
        ORDER BY ind.indicator, lsoa.lsoa_code, per.period
      ) TO ${quoteLiteral(observations)} (HEADER, DELIMITER ',')`);
      writeFileSync(sidecar, `${JSON.stringify({ size, indicators, periods: PERIODS })}\n`);
    }
    const rows = (await warehouse.scalar<number>(`SELECT count(*) FROM lsoa`))! * indicators * PERIODS;
    return { observations, lookup, deciles, rows, indicators, seconds: (performance.now() - started) / 1000 };
  } finally {
    warehouse.close();
  }
}

export function fileSizeMb(file: string): number {
  return statSync(file).size / 1024 / 1024;
}
