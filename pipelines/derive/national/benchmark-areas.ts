/**
 * Every aggregated area inside a comparator (England by default; areas not linked to it in `area_link`,
 * e.g. Welsh districts, are left out) against it, three-level with polarity (METHODS.md
 * §2): the `benchmark` model on column arrays of `national_aggregate` joined to the comparator's row for
 * the same indicator, period, sex and age. Labels travel back as small integer codes and are turned into
 * text in SQL.
 *
 * Table `national_benchmark`: indicator, area_code, area_type, period, sex, age, value, lower95, upper95,
 * comparator_code, comparator_value, polarity, benchmark (better | similar | worse for indicators with a
 * polarity, lower | similar | higher without one, "not compared" when a value, limit or the comparator is
 * missing — never a silent "similar").
 */
import { type BenchmarkResult, benchmark, type Polarity } from "../../../models/statistics/index.ts";
import { quoteLiteral, type Warehouse } from "../../warehouse/warehouse.ts";
import { appendNumberColumns, readNumberColumns } from "./columnar-io.ts";

export interface BenchmarkAreasOptions {
  /** Area types compared; default district and county. */
  areaTypes?: readonly string[];
  /** The comparator's area code; default England (E92000001). */
  comparatorCode?: string;
}

export const ENGLAND = "E92000001";
const POLARITIES: Polarity[] = ["high-is-good", "low-is-good", "none"];
const LABELS: BenchmarkResult[] = ["better", "similar", "worse", "lower", "higher", "not compared"];

function pairsSql(areaTypes: readonly string[], comparatorCode: string): string {
  return `CREATE OR REPLACE TABLE national_benchmark_pairs AS
    SELECT (row_number() OVER (ORDER BY a.indicator, a.area_type, a.area_code, a.period, a.sex, a.age) - 1)::INTEGER AS row_index,
           a.indicator, a.area_code, a.area_type, a.period, a.sex, a.age, a.value, a.lower95, a.upper95,
           c.area_code AS comparator_code, c.value AS comparator_value, i.polarity,
           (CASE i.polarity ${POLARITIES.map((p, n) => `WHEN ${quoteLiteral(p)} THEN ${n}`).join(" ")} ELSE 2 END)::DOUBLE AS polarity_code
    FROM national_aggregate a
    JOIN indicator i ON i.id = a.indicator
    LEFT JOIN national_aggregate c ON c.area_code = ${quoteLiteral(comparatorCode)} AND c.indicator = a.indicator
     AND c.period = a.period AND c.sex = a.sex AND c.age = a.age
    WHERE a.area_type IN (${areaTypes.map(quoteLiteral).join(", ")})
      AND EXISTS (SELECT 1 FROM area_link k WHERE k.child = a.area_code AND k.child_type = a.area_type
                  AND k.parent = ${quoteLiteral(comparatorCode)})`;
}

/** Builds `national_benchmark` from `national_aggregate` (run `aggregateToAreas` first); returns its rows. */
export async function benchmarkAreas(
  warehouse: Warehouse,
  options: BenchmarkAreasOptions = {},
): Promise<number> {
  const areaTypes = options.areaTypes ?? ["district", "county"];
  const comparatorCode = options.comparatorCode ?? ENGLAND;
  try {
    await warehouse.run(pairsSql(areaTypes, comparatorCode));
    const pairs = await readNumberColumns(
      warehouse,
      "SELECT * FROM national_benchmark_pairs ORDER BY row_index",
      ["row_index", "value", "lower95", "upper95", "comparator_value", "polarity_code"],
    );
    const codes = new Int8Array(pairs.rowCount);
    for (let r = 0; r < pairs.rowCount; r++) {
      const area = { value: pairs.value[r], lower95: pairs.lower95[r], upper95: pairs.upper95[r] };
      const label = benchmark(area, pairs.comparator_value[r], POLARITIES[pairs.polarity_code[r]!]!);
      codes[r] = LABELS.indexOf(label);
    }
    await warehouse.run("CREATE OR REPLACE TABLE national_benchmark_codes (row_index INTEGER, code TINYINT)");
    await appendNumberColumns(warehouse, "national_benchmark_codes", [
      { type: "integer", values: pairs.row_index },
      { type: "tinyint", values: codes },
    ]);
    await warehouse.run(`CREATE OR REPLACE TABLE national_benchmark AS
      SELECT p.* EXCLUDE (row_index, polarity_code),
             [${LABELS.map(quoteLiteral).join(", ")}][k.code + 1] AS benchmark
      FROM national_benchmark_pairs p JOIN national_benchmark_codes k USING (row_index)
      ORDER BY row_index`);
    return pairs.rowCount;
  } finally {
    await warehouse.run(
      "DROP TABLE IF EXISTS national_benchmark_pairs; DROP TABLE IF EXISTS national_benchmark_codes",
    );
  }
}
