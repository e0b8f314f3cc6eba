/**
 * `indicator_value`: every indicator value the profiles use, one row per indicator × area × period × sex ×
 * age. It is a view over table `indicator_value_computed` (the rows whose value and limits this step
 * computes) and the published district, county and England rows of `observation`, which are read in place
 * rather than copied (copying ~170,000 published rows cost most of the step's time).
 *
 * Columns: indicator, area_code, area_type, period (as published), period_year (first calendar year, for
 * ordering and trends), sex, age, numerator, denominator, value, lower95, upper95, lower998, upper998,
 * method ("wilson" | "byar" | "exact" for limits computed here, "published" for a publisher's own limits,
 * null when there are none), source ("aggregated from lsoa11" / "aggregated from lsoa21", or the
 * observation's own source id), underlying_sources (the source ids summed), small_areas (LSOAs summed),
 * imputed_small_areas (suppressed numerators imputed), published_comparison (the publisher's benchmark
 * label, e.g. Fingertips' "Compared with England"), note (why a value or interval is missing).
 *
 * Rows come from two places: the small-area aggregates (`indicator_aggregate`), whose value and 95%/99.8%
 * limits are computed here from the summed counts; and observations published for districts, counties and
 * England (Fingertips, the ONS Health Index), with their published values. Those sources give no
 * intervals or counts, so their limits stay null with a note; a published row that does carry a numerator
 * and denominator but no limits gets them computed. Where both exist for one key the published row wins.
 */
import { formatCount, type Reporter } from "../../util/reporter.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { appendColumns, readColumns } from "./columnar.ts";
import { intervalColumns } from "./interval-columns.ts";
import { modelValueType } from "./value-types.ts";

const KEY_COLUMNS = ["indicator", "area_code", "area_type", "period", "sex", "age"];

const NO_INTERVAL_NOTE = "published value: the source gives no confidence interval or counts";

/** Published non-LSOA observations in the columns of `indicator_value`, plus whether to compute limits. */
const DIRECT_SELECT = `
SELECT indicator, area_code, area_type, period, period_year, sex, age, numerator, denominator, value,
       lower95, upper95, lower998, upper998,
       CASE WHEN lower95 IS NOT NULL THEN 'published' END AS method,
       source, source AS underlying_sources, NULL::INTEGER AS small_areas, NULL::INTEGER AS imputed_small_areas,
       nullif(published_comparison, '') AS published_comparison,
       nullif(concat_ws('; ', note, CASE WHEN lower95 IS NULL AND (numerator IS NULL OR denominator IS NULL)
                                     THEN '${NO_INTERVAL_NOTE}' END), '') AS note,
       lower95 IS NULL AND numerator IS NOT NULL AND denominator IS NOT NULL AS needs_interval
FROM observation WHERE area_type NOT IN ('lsoa01', 'lsoa11', 'lsoa21')`;

const DIRECT_VIEW_SQL = `CREATE OR REPLACE TEMP VIEW indicator_direct AS ${DIRECT_SELECT}`;

/** The rows whose value and limits are computed here: the aggregates, and published counts without limits. */
const INPUT_SQL = `
CREATE OR REPLACE TEMP TABLE indicator_value_input AS
SELECT row_number() OVER ()::INTEGER AS row_id, * FROM (
  SELECT a.indicator, a.area_code, a.area_type, a.period, a.period_year, a.sex, a.age, a.numerator, a.denominator,
         a.source, a.underlying_sources, a.small_areas, a.imputed AS imputed_small_areas,
         NULL::VARCHAR AS published_comparison, a.note
  FROM indicator_aggregate a
  WHERE NOT EXISTS (SELECT 1 FROM indicator_direct d WHERE ${KEY_COLUMNS.map((c) => `d.${c} = a.${c}`).join(" AND ")})
  UNION ALL
  SELECT indicator, area_code, area_type, period, period_year, sex, age, numerator, denominator, source,
         underlying_sources, small_areas, imputed_small_areas, published_comparison, note
  FROM indicator_direct WHERE needs_interval
)`;

const CREATE_SQL = `
CREATE OR REPLACE TABLE indicator_value_computed (
  indicator VARCHAR NOT NULL, area_code VARCHAR NOT NULL, area_type VARCHAR NOT NULL, period VARCHAR NOT NULL,
  period_year DOUBLE, sex VARCHAR NOT NULL, age VARCHAR NOT NULL, numerator DOUBLE, denominator DOUBLE,
  value DOUBLE, lower95 DOUBLE, upper95 DOUBLE, lower998 DOUBLE, upper998 DOUBLE, method VARCHAR,
  source VARCHAR NOT NULL, underlying_sources VARCHAR, small_areas INTEGER, imputed_small_areas INTEGER,
  published_comparison VARCHAR, note VARCHAR
)`;

const INSERT_SQL = `
INSERT INTO indicator_value_computed
SELECT i.indicator, i.area_code, i.area_type, i.period, i.period_year, i.sex, i.age, i.numerator, i.denominator,
       c.value, c.lower95, c.upper95, c.lower998, c.upper998, c.method, i.source, i.underlying_sources,
       i.small_areas, i.imputed_small_areas, i.published_comparison, nullif(concat_ws('; ', i.note, c.note), '')
FROM indicator_value_input i LEFT JOIN indicator_interval c USING (row_id)`;

const VIEW_SQL = `
CREATE OR REPLACE VIEW indicator_value AS
SELECT * FROM indicator_value_computed
UNION ALL
SELECT * EXCLUDE (needs_interval) FROM (${DIRECT_SELECT}) WHERE NOT needs_interval`;

/** Writes `indicator_value_computed` and the view `indicator_value`; returns the view's row count. */
export async function writeIndicatorValues(warehouse: Warehouse, reporter: Reporter): Promise<number> {
  await warehouse.run(DIRECT_VIEW_SQL);
  await warehouse.run(INPUT_SQL);
  const { columns } = await readColumns(
    warehouse,
    `SELECT i.row_id, i.indicator, i.area_code, i.period, i.numerator, i.denominator,
            coalesce(n.value_type, 'other') AS value_type, coalesce(n.multiplier, 1) AS multiplier
     FROM indicator_value_input i LEFT JOIN indicator n ON n.id = i.indicator
     ORDER BY i.row_id`,
  );
  const label = (row: number) =>
    `${columns.indicator![row]} ${columns.area_code![row]} ${columns.period![row]}`;
  const intervals = intervalColumns({
    numerator: columns.numerator as (number | null)[],
    denominator: columns.denominator as (number | null)[],
    valueType: (columns.value_type as string[]).map(modelValueType),
    multiplier: columns.multiplier as number[],
    label,
  });
  if (intervals.invalidRows > 0) {
    reporter.warn(
      `indicator_value: ${formatCount(intervals.invalidRows)} rows have inputs the interval models reject (e.g. numerator > denominator); their values are empty with a note`,
    );
  }
  await warehouse.run(`CREATE OR REPLACE TEMP TABLE indicator_interval (
    row_id INTEGER, value DOUBLE, lower95 DOUBLE, upper95 DOUBLE, lower998 DOUBLE, upper998 DOUBLE,
    method VARCHAR, note VARCHAR)`);
  await appendColumns(warehouse, "indicator_interval", [
    { type: "integer", values: columns.row_id as number[] },
    { type: "double", values: intervals.value },
    { type: "double", values: intervals.lower95 },
    { type: "double", values: intervals.upper95 },
    { type: "double", values: intervals.lower998 },
    { type: "double", values: intervals.upper998 },
    { type: "varchar", values: intervals.method },
    { type: "varchar", values: intervals.note },
  ]);
  await warehouse.run(CREATE_SQL);
  await warehouse.run(INSERT_SQL);
  const oldTable = await warehouse.scalar<number>(
    "SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'indicator_value' AND NOT temporary",
  );
  if (oldTable) await warehouse.run("DROP TABLE indicator_value"); // built before it became a view
  await warehouse.run(VIEW_SQL);
  return (await warehouse.scalar<number>("SELECT count(*)::INTEGER FROM indicator_value")) ?? 0;
}
