/**
 * Slope and relative index of inequality (METHODS.md §4) inside every district, for every proportion
 * indicator at its latest period: the district's LSOAs are grouped by their national IMD decile (IoD 2019,
 * 1 = most deprived), each decile's numerators and denominators summed in SQL, its value and 95% Wilson
 * limits computed on column arrays, and the SII/RII with simulated intervals from
 * `slopeIndexOfInequalityBatch` (the model's method and numbers, one shared seeded draw matrix), spread
 * over the machine's cores. Group weights are the deciles' summed denominators; deciles a district lacks
 * are left out (the SII is fitted on the deciles present, `deciles` says how many).
 *
 * Table `national_inequality`: district, indicator, period, sex, age, deciles, sii, rii, lower_sii,
 * upper_sii, lower_rii, upper_rii (SII in the indicator's units, e.g. percentage points for percentages;
 * positive when values rise as deprivation falls), seed, simulations, note (why a value is missing).
 */
import { quoteLiteral, type Warehouse } from "../../warehouse/warehouse.ts";
import { appendNumberColumns, readNumberColumns } from "./columnar-io.ts";
import { slopeIndexInParallel } from "./sii-parallel.ts";
import { wilsonColumns } from "./wilson-columns.ts";

/** Seed and draws of the simulated intervals: those of the county inequality step (seeded, ≥ 10,000). */
export const NATIONAL_SII_SEED = 2019;
export const NATIONAL_SII_SIMULATIONS = 10_000;

export interface InequalityByDistrictOptions {
  /** IoD edition of the deciles; default 2019 (on 2011 LSOAs). */
  edition?: number;
  seed?: number;
  simulations?: number;
  /** Worker threads (default by size and cores; 1 = this thread). */
  workers?: number;
  /** Only these indicators (default every proportion or percentage indicator with LSOA counts). */
  indicators?: readonly string[];
}

function groupsSql(edition: number, indicators?: readonly string[]): string {
  const chosen = indicators ? `AND id IN (${indicators.map(quoteLiteral).join(", ")})` : "";
  return `CREATE OR REPLACE TABLE national_inequality_groups AS
    WITH proportion AS (
      SELECT id, multiplier FROM indicator WHERE value_type IN ('proportion', 'percentage') ${chosen}
    ), latest AS (
      SELECT indicator, sex, age, max(period_year) AS period_year FROM observation
      WHERE area_type = 'lsoa11' AND indicator IN (SELECT id FROM proportion) GROUP BY ALL
    ), decile AS (
      SELECT lsoa, decile FROM deprivation
      WHERE edition = ${edition} AND domain = 'imd' AND lsoa_type = 'lsoa11' AND decile IS NOT NULL
    ), summed AS (
      SELECT l.parent AS district, o.indicator, o.period, o.sex, o.age, d.decile,
             sum(o.numerator * l.weight) AS numerator, sum(o.denominator * l.weight) AS denominator
      FROM observation o
      JOIN latest t ON t.indicator = o.indicator AND t.sex = o.sex AND t.age = o.age AND t.period_year = o.period_year
      JOIN area_link l ON l.child = o.area_code AND l.child_type = 'lsoa11' AND l.parent_type = 'district' AND l.weight > 0
      JOIN decile d ON d.lsoa = o.area_code
      WHERE o.area_type = 'lsoa11' AND o.numerator IS NOT NULL AND o.denominator > 0
      GROUP BY ALL
    )
    SELECT s.*, p.multiplier,
           (dense_rank() OVER (ORDER BY s.district, s.indicator, s.period, s.sex, s.age) - 1)::INTEGER AS set_index
    FROM summed s JOIN proportion p ON p.id = s.indicator
    ORDER BY set_index, s.decile`;
}

/** Start row of each set in rows sorted by set index (length sets + 1). */
function setOffsets(setIndex: Float64Array): Int32Array {
  const sets = setIndex.length === 0 ? 0 : setIndex[setIndex.length - 1]! + 1;
  const offsets = new Int32Array(sets + 1);
  for (let r = 0; r < setIndex.length; r++) offsets[setIndex[r]! + 1] = r + 1;
  return offsets;
}

/** Builds `national_inequality` (replacing it); returns the number of SIIs. */
export async function inequalityByDistrict(
  warehouse: Warehouse,
  options: InequalityByDistrictOptions = {},
): Promise<number> {
  const seed = options.seed ?? NATIONAL_SII_SEED;
  const simulations = options.simulations ?? NATIONAL_SII_SIMULATIONS;
  try {
    await warehouse.run(groupsSql(options.edition ?? 2019, options.indicators));
    const rows = await readNumberColumns(
      warehouse,
      "SELECT set_index, numerator, denominator, multiplier FROM national_inequality_groups ORDER BY set_index, decile",
      ["set_index", "numerator", "denominator", "multiplier"],
    );
    const groups = wilsonColumns(rows.numerator, rows.denominator, new Float64Array(rows.rowCount).fill(1));
    const offsets = setOffsets(rows.set_index);
    const batch = await slopeIndexInParallel(
      {
        offsets,
        population: rows.denominator,
        value: groups.value,
        lower: groups.lower95,
        upper: groups.upper95,
      },
      { valueType: "proportion", seed, simulations },
      options.workers,
    );
    // The indicator's multiplier scales the SII and its limits (the model's `multiplier`, applied after).
    const multiplier = Float64Array.from(
      { length: offsets.length - 1 },
      (_, j) => rows.multiplier[offsets[j]!]!,
    );
    const scaled = (values: Float64Array) => values.map((v, j) => v * multiplier[j]!);
    await warehouse.run(`CREATE OR REPLACE TABLE national_inequality_values (set_index INTEGER, sii DOUBLE,
      rii DOUBLE, lower_sii DOUBLE, upper_sii DOUBLE, lower_rii DOUBLE, upper_rii DOUBLE)`);
    await appendNumberColumns(warehouse, "national_inequality_values", [
      { type: "integer", values: Int32Array.from({ length: offsets.length - 1 }, (_, j) => j) },
      { type: "double", values: scaled(batch.sii) },
      { type: "double", values: batch.rii },
      { type: "double", values: scaled(batch.lowerSii) },
      { type: "double", values: scaled(batch.upperSii) },
      { type: "double", values: batch.lowerRii },
      { type: "double", values: batch.upperRii },
    ]);
    const notes = noteValues(batch.reason, batch.intervalReason);
    await warehouse.run(`CREATE OR REPLACE TABLE national_inequality AS
      SELECT g.district, g.indicator, g.period, g.sex, g.age, g.deciles, v.sii, v.rii, v.lower_sii, v.upper_sii,
             v.lower_rii, v.upper_rii, ${batch.seed}::BIGINT AS seed, ${simulations}::INTEGER AS simulations, n.note
      FROM (SELECT set_index, any_value(district) AS district, any_value(indicator) AS indicator,
                   any_value(period) AS period, any_value(sex) AS sex, any_value(age) AS age, count(*)::INTEGER AS deciles
            FROM national_inequality_groups GROUP BY set_index) g
      JOIN national_inequality_values v USING (set_index)
      LEFT JOIN (${notes}) n USING (set_index)
      ORDER BY g.district, g.indicator, g.period, g.sex, g.age`);
    return offsets.length - 1;
  } finally {
    await warehouse.run(
      "DROP TABLE IF EXISTS national_inequality_groups; DROP TABLE IF EXISTS national_inequality_values",
    );
  }
}

/** The few notes as a VALUES list (set_index, note); most sets have none. */
function noteValues(reason: (string | null)[], intervalReason: (string | null)[]): string {
  const rows: string[] = [];
  reason.forEach((r, j) => {
    const note = r ?? (intervalReason[j] ? `no interval: ${intervalReason[j]}` : null);
    if (note) rows.push(`(${j}, ${quoteLiteral(note)})`);
  });
  if (rows.length === 0) return "SELECT NULL::INTEGER AS set_index, NULL::VARCHAR AS note WHERE false";
  return `SELECT * FROM (VALUES ${rows.join(", ")}) AS t(set_index, note)`;
}
