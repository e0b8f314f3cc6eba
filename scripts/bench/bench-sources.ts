/**
 * The benchmark's sources folder (dist/bench/sources): an ordinary `--sources` folder, so the load stage
 * reads the synthetic national dataset exactly as it would read a county's files. It declares
 * - the indicator catalogue: the N bench indicators as proportions, polarity low-is-good;
 * - bench-lookup: lookup.csv (2011 LSOA → 2019 district, best fit);
 * - bench-hierarchy: district → county → region → country, the distinct English rows of the ONS ward 2019
 *   hierarchy (a blank county for a unitary authority links it straight to its region);
 * - bench-deciles: deciles.csv as IoD 2019 domain imd (national rank and decile);
 * - bench-observations: observations.csv in the generic long format.
 * Manifests point at the files with `localPath` (no copy into a cache), so `ntg run --sources
 * dist/bench/sources --dist …` also works.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { quoteLiteral, Warehouse } from "../../pipelines/warehouse/warehouse.ts";

export const BENCH_INDICATOR_PREFIX = "bench-";

/** Catalogue ids of the bench indicators, bench-001 … as generate-dataset.ts writes them. */
export function benchIndicatorIds(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${BENCH_INDICATOR_PREFIX}${String(i + 1).padStart(3, "0")}`,
  );
}

const COMMON = {
  publisher: "narrowing-the-gaps benchmark (synthetic data on real ONS and MHCLG geography)",
  officialUrl: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019",
  licence: "Open Government Licence v3.0 (geography and deciles); synthetic values",
};

function manifest(id: string, title: string, file: string, rest: Record<string, unknown>) {
  return { id, title, ...COMMON, file, localPath: `../${file}`, ...rest };
}

/** Writes the district → county → region → country table from the ONS ward 2019 hierarchy. */
async function writeHierarchy(wardHierarchyCsv: string, target: string): Promise<void> {
  const warehouse = await Warehouse.open(":memory:");
  try {
    await warehouse.run(`COPY (
      SELECT DISTINCT LAD19CD, LAD19NM, CTY19CD, CTY19NM, RGN19CD, RGN19NM, CTRY19CD, CTRY19NM
      FROM read_csv(${quoteLiteral(wardHierarchyCsv)}, header = true, all_varchar = true)
      WHERE LAD19CD LIKE 'E%' ORDER BY LAD19CD
    ) TO ${quoteLiteral(target)} (HEADER, DELIMITER ',')`);
  } finally {
    warehouse.close();
  }
}

export interface BenchSourcesInput {
  /** dist/bench: holds observations.csv, lookup.csv and deciles.csv. */
  benchDir: string;
  indicators: number;
  /** ../shared/data, for lookups/ons_ward19_lad19_cty19_rgn19_uk.csv. */
  sharedData: string;
}

/** Writes dist/bench/sources (and dist/bench/hierarchy.csv); returns the sources folder. */
export async function writeBenchSources(input: BenchSourcesInput): Promise<string> {
  const sourcesDir = path.join(input.benchDir, "sources");
  mkdirSync(path.join(sourcesDir, "catalogue"), { recursive: true });
  await writeHierarchy(
    path.join(input.sharedData, "lookups", "ons_ward19_lad19_cty19_rgn19_uk.csv"),
    path.join(input.benchDir, "hierarchy.csv"),
  );
  const catalogue = {
    indicators: benchIndicatorIds(input.indicators).map((id) => ({
      id,
      name: `Synthetic benchmark indicator ${id.slice(BENCH_INDICATOR_PREFIX.length)}`,
      theme: "healthier communities and older people",
      polarity: "low-is-good",
      valueType: "proportion",
      multiplier: 1,
      definition: "Synthetic numerators and denominators with a deprivation gradient (scripts/bench).",
    })),
  };
  const manifests = [
    manifest("bench-lookup", "Benchmark: 2011 LSOA to 2019 district (ONS best fit)", "lookup.csv", {
      format: "area-lookup",
      geography: { type: "lsoa11", vintage: "2011" },
      options: {
        levels: [
          { type: "lsoa11", code: "lsoa_code", vintage: "2011", link: "best-fit" },
          { type: "district", code: "district_code", vintage: "2019" },
        ],
      },
    }),
    manifest(
      "bench-hierarchy",
      "Benchmark: district to county, region and country (ONS 2019)",
      "hierarchy.csv",
      {
        format: "area-lookup",
        geography: { type: "district", vintage: "2019" },
        options: {
          levels: [
            { type: "district", code: "LAD19CD", name: "LAD19NM", vintage: "2019" },
            { type: "county", code: "CTY19CD", name: "CTY19NM", vintage: "2019" },
            { type: "region", code: "RGN19CD", name: "RGN19NM", vintage: "2019" },
            { type: "country", code: "CTRY19CD", name: "CTRY19NM", vintage: "2019" },
          ],
        },
      },
    ),
    manifest("bench-deciles", "Benchmark: IMD 2019 national rank and decile by 2011 LSOA", "deciles.csv", {
      format: "iod-lsoa",
      geography: { type: "lsoa11", vintage: "2011" },
      period: "2019",
      options: {
        edition: 2019,
        lsoa: "lsoa_code",
        domains: [{ domain: "imd", rank: "rank", decile: "decile" }],
      },
    }),
    manifest("bench-observations", "Benchmark: synthetic observations by 2011 LSOA", "observations.csv", {
      format: "observations-long",
      geography: { type: "lsoa11", vintage: "2011" },
      illustrative: true,
      options: {
        columns: {
          indicator: "indicator",
          area: "area_code",
          period: "period",
          numerator: "numerator",
          denominator: "denominator",
        },
        areaTypes: ["lsoa11"],
      },
    }),
  ];
  writeFileSync(path.join(sourcesDir, "catalogue", "indicators.yaml"), stringify(catalogue));
  for (const m of manifests) writeFileSync(path.join(sourcesDir, `${m.id}.yaml`), stringify(m));
  return sourcesDir;
}
