/**
 * A tiny national warehouse for the national statistics tests: England with one two-tier county (two
 * districts), one unitary district, and Wales (one district, outside the England comparator); ten LSOAs
 * per English district, one per IMD decile, plus an LSOA split half and half between the two county
 * districts. Indicators: a low-is-good percentage, a high-is-good proportion, a no-polarity proportion
 * (with one missing numerator), a rate (not a proportion: left out) and a published-only proportion (no
 * counts: left out). Two periods.
 */
import { SCHEMA_SQL } from "../../../pipelines/warehouse/schema.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

export const ENGLAND = "E92000001";
export const COUNTY = "E10000001";
export const DISTRICTS = { north: "E07000001", south: "E07000002", unitary: "E06000001", wales: "W06000001" };
export const SPLIT_LSOA = "E01009999";
export const PERIODS = ["2018", "2019"];
export const PROPORTION_INDICATORS = ["test-percentage", "test-proportion", "test-no-polarity"];

export interface FixtureLsoa {
  code: string;
  district: string;
  decile: number;
}

export interface FixtureObservation {
  indicator: string;
  lsoa: string;
  period: string;
  numerator: number | null;
  denominator: number;
}

/** LSOAs with their district and decile (the split LSOA is listed under the north district). */
export function fixtureLsoas(): FixtureLsoa[] {
  const lsoas: FixtureLsoa[] = [];
  Object.values(DISTRICTS).forEach((district, d) => {
    for (let decile = 1; decile <= 10; decile++) {
      const code = `${district.startsWith("W") ? "W" : "E"}010${String(d * 10 + decile).padStart(5, "0")}`;
      lsoas.push({ code, district, decile });
    }
  });
  lsoas.push({ code: SPLIT_LSOA, district: DISTRICTS.north, decile: 3 });
  return lsoas;
}

/** Deterministic counts with a deprivation gradient; one missing numerator (test-no-polarity, 2018). */
export function fixtureObservations(): FixtureObservation[] {
  const rows: FixtureObservation[] = [];
  const lsoas = fixtureLsoas();
  for (const [i, indicator] of [...PROPORTION_INDICATORS, "test-rate"].entries()) {
    for (const [p, period] of PERIODS.entries()) {
      for (const [l, lsoa] of lsoas.entries()) {
        const denominator = 400 + ((l * 37 + i * 11) % 300);
        const districtEffect =
          lsoa.district === DISTRICTS.unitary ? 0.08 : lsoa.district === DISTRICTS.south ? -0.06 : 0;
        const rate =
          0.1 + 0.03 * (10 - lsoa.decile) + 0.01 * i - 0.005 * p + (l % 7) * 0.004 + districtEffect;
        const missing = indicator === "test-no-polarity" && period === "2018" && l === 3;
        rows.push({
          indicator,
          lsoa: lsoa.code,
          period,
          numerator: missing ? null : Math.round(denominator * rate),
          denominator,
        });
      }
    }
  }
  return rows;
}

const sqlValue = (v: string | number | null) =>
  v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v}'`;
const values = (rows: (string | number | null)[][]) =>
  rows.map((r) => `(${r.map(sqlValue).join(", ")})`).join(",\n");

function areaLinks(): (string | number)[][] {
  const links: (string | number)[][] = [];
  const countryOf = (district: string) => (district.startsWith("W") ? "W92000004" : ENGLAND);
  for (const lsoa of fixtureLsoas()) {
    const districts = lsoa.code === SPLIT_LSOA ? [DISTRICTS.north, DISTRICTS.south] : [lsoa.district];
    for (const district of districts)
      links.push([lsoa.code, "lsoa11", district, "district", districts.length > 1 ? 0.5 : 1]);
    if (lsoa.district === DISTRICTS.north || lsoa.district === DISTRICTS.south)
      links.push([lsoa.code, "lsoa11", COUNTY, "county", 1]);
    links.push([lsoa.code, "lsoa11", countryOf(lsoa.district), "country", 1]);
  }
  for (const district of Object.values(DISTRICTS))
    links.push([district, "district", countryOf(district), "country", 1]);
  links.push(
    [DISTRICTS.north, "district", COUNTY, "county", 1],
    [DISTRICTS.south, "district", COUNTY, "county", 1],
  );
  links.push([COUNTY, "county", ENGLAND, "country", 1]);
  return links;
}

/** Opens an in-memory warehouse holding the fixture. */
export async function openNationalFixture(): Promise<Warehouse> {
  const warehouse = await Warehouse.open(":memory:");
  await warehouse.run(SCHEMA_SQL);
  await warehouse.run(`INSERT INTO indicator (id, name, polarity, value_type, multiplier) VALUES
    ('test-percentage', 'percentage', 'low-is-good', 'percentage', 100),
    ('test-proportion', 'proportion', 'high-is-good', 'proportion', 1),
    ('test-no-polarity', 'no polarity', 'none', 'proportion', 1),
    ('test-rate', 'rate', 'low-is-good', 'rate', 1000),
    ('test-published', 'published only', 'low-is-good', 'proportion', 1)`);
  await warehouse.run(
    `INSERT INTO area_link (child, child_type, parent, parent_type, weight, method, source) SELECT *, 'nested', 'fixture' FROM (VALUES ${values(areaLinks())})`,
  );
  await warehouse.run(
    `INSERT INTO deprivation (edition, lsoa, lsoa_type, domain, rank, decile, source) SELECT 2019, *, 'fixture' FROM (VALUES ${values(
      fixtureLsoas()
        .filter((l) => l.code.startsWith("E"))
        .map((l) => [l.code, "lsoa11", "imd", l.decile * 3000, l.decile]),
    )})`,
  );
  const observations = fixtureObservations().map((o) => [
    o.indicator,
    o.lsoa,
    "lsoa11",
    o.period,
    Number(o.period),
    o.numerator,
    o.denominator,
  ]);
  observations.push(["test-published", fixtureLsoas()[0]!.code, "lsoa11", "2019", 2019, null, null]);
  await warehouse.run(
    `INSERT INTO observation_all_columns (indicator, area_code, area_type, period, period_year, numerator, denominator, source) SELECT *, 'fixture' FROM (VALUES ${values(observations)})`,
  );
  return warehouse;
}
