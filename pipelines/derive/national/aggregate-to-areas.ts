/**
 * National aggregation: small-area numerators and denominators of every proportion indicator summed to
 * districts, counties and England (or any levels of `area_link`) in one set-based statement — Σ xᵢ·wᵢ and
 * Σ nᵢ·wᵢ through the closure table, never an average of percentages (METHODS.md §2) — then the 95% Wilson
 * interval of each sum from the `wilsonInterval` model on typed column arrays (wilson-columns.ts).
 *
 * Table `national_aggregate` (one row per indicator × area × period × sex × age):
 * indicator, area_code, area_type, period, sex, age, numerator, denominator, value, lower95, upper95,
 * small_areas (how many small areas were summed). Numerator, denominator and value are NULL when any small
 * area had no count (the sum would be silently short); value = numerator/denominator × multiplier. Series
 * with no counts at all (published values only) are left out.
 */
import { quoteLiteral, type Warehouse } from "../../warehouse/warehouse.ts";
import { appendNumberColumns, readNumberColumns } from "./columnar-io.ts";
import { wilsonColumns } from "./wilson-columns.ts";

export interface AggregateToAreasOptions {
  /** Parent area types to sum to; default district, county and country. */
  levels?: readonly string[];
  /** Small-area types whose observations are summed; default lsoa11. */
  smallAreaTypes?: readonly string[];
  /** Only these indicators (default: every proportion or percentage indicator with small-area counts). */
  indicators?: readonly string[];
}

export const DEFAULT_LEVELS = ["district", "county", "country"] as const;

export interface AggregateSummary {
  rows: number;
  /** Rows whose counts the Wilson model rejected (e.g. numerator above denominator): no value. */
  invalidRows: number;
}

const list = (values: readonly string[]) => values.map(quoteLiteral).join(", ");

function sumsSql(options: AggregateToAreasOptions): string {
  const levels = options.levels ?? DEFAULT_LEVELS;
  const smallAreaTypes = options.smallAreaTypes ?? ["lsoa11"];
  const chosen = options.indicators ? `AND id IN (${list(options.indicators)})` : "";
  // With one small-area type both sides are already filtered to it, so the codes alone join.
  const sameType = smallAreaTypes.length > 1 ? " AND c.child_type = o.area_type" : "";
  // Small areas with the same parents (and weights) form a class: the 16M observations are summed once
  // per class (about one class per district), and only those sums are spread to the parents, instead of
  // joining every observation to each of its 3-4 parents. A class is keyed by its sorted parent list
  // (an ordered string_agg was a fifth of the statement). Exact for any weights: Σ xᵢ·w over a class is
  // w·Σ xᵢ. Grouping keys come first so the hash aggregates see narrow rows; the row index orders the
  // output and keys the interval columns written back.
  return `CREATE OR REPLACE TABLE national_aggregate_sums AS
    WITH proportion AS (
      SELECT id, multiplier FROM indicator WHERE value_type IN ('proportion', 'percentage') ${chosen}
    ), link AS (
      SELECT child, child_type, parent, parent_type, weight FROM area_link
      WHERE child_type IN (${list(smallAreaTypes)}) AND parent_type IN (${list(levels)}) AND weight > 0
    ), parents AS (
      SELECT child, child_type, list_sort(list(parent_type || ' ' || parent || ' ' || weight)) AS parents
      FROM link GROUP BY child, child_type
    ), class AS (
      SELECT child, child_type, dense_rank() OVER (ORDER BY parents) AS class_id FROM parents
    ), class_link AS (
      SELECT DISTINCT c.class_id, l.parent, l.parent_type, l.weight
      FROM class c JOIN link l ON l.child = c.child AND l.child_type = c.child_type
    ), by_class AS (
      SELECT o.indicator, c.class_id, o.period, o.sex, o.age,
             sum(o.numerator) AS numerator, sum(o.denominator) AS denominator,
             count(*) AS small_areas, count(o.numerator) AS with_numerator, count(o.denominator) AS with_denominator,
             count(*) FILTER (WHERE o.numerator IS NULL OR o.denominator IS NULL) AS missing
      FROM observation o
      JOIN class c ON c.child = o.area_code${sameType}
      WHERE o.area_type IN (${list(smallAreaTypes)}) AND o.indicator IN (SELECT id FROM proportion)
      GROUP BY ALL
    ), summed AS (
      SELECT b.indicator, l.parent AS area_code, l.parent_type AS area_type, b.period, b.sex, b.age,
             sum(b.numerator * l.weight) AS numerator, sum(b.denominator * l.weight) AS denominator,
             sum(b.small_areas)::INTEGER AS small_areas, sum(b.missing)::INTEGER AS missing
      FROM by_class b JOIN class_link l ON l.class_id = b.class_id
      GROUP BY ALL
      HAVING sum(b.with_numerator) > 0 AND sum(b.with_denominator) > 0
    )
    SELECT (row_number() OVER (ORDER BY s.indicator, s.area_type, s.area_code, s.period, s.sex, s.age) - 1)::INTEGER AS row_index,
           s.indicator, s.area_code, s.area_type, s.period, s.sex, s.age,
           CASE WHEN s.missing = 0 THEN s.numerator END AS numerator,
           CASE WHEN s.missing = 0 THEN s.denominator END AS denominator,
           p.multiplier, s.small_areas
    FROM summed s JOIN proportion p ON p.id = s.indicator`;
}

/** Builds `national_aggregate` (replacing it); works on any warehouse with observations and area_link. */
export async function aggregateToAreas(
  warehouse: Warehouse,
  options: AggregateToAreasOptions = {},
): Promise<AggregateSummary> {
  try {
    await warehouse.run(sumsSql(options));
    const sums = await readNumberColumns(
      warehouse,
      "SELECT row_index, numerator, denominator, multiplier FROM national_aggregate_sums ORDER BY row_index",
      ["row_index", "numerator", "denominator", "multiplier"],
    );
    const intervals = wilsonColumns(sums.numerator, sums.denominator, sums.multiplier);
    await warehouse.run(
      "CREATE OR REPLACE TABLE national_aggregate_intervals (row_index INTEGER, value DOUBLE, lower95 DOUBLE, upper95 DOUBLE)",
    );
    await appendNumberColumns(warehouse, "national_aggregate_intervals", [
      { type: "integer", values: sums.row_index },
      { type: "double", values: intervals.value },
      { type: "double", values: intervals.lower95 },
      { type: "double", values: intervals.upper95 },
    ]);
    await warehouse.run(`CREATE OR REPLACE TABLE national_aggregate AS
      SELECT s.indicator, s.area_code, s.area_type, s.period, s.sex, s.age, s.numerator, s.denominator,
             w.value, w.lower95, w.upper95, s.small_areas
      FROM national_aggregate_sums s JOIN national_aggregate_intervals w USING (row_index)
      ORDER BY row_index`);
    return { rows: sums.rowCount, invalidRows: intervals.invalidRows };
  } finally {
    await warehouse.run(
      "DROP TABLE IF EXISTS national_aggregate_sums; DROP TABLE IF EXISTS national_aggregate_intervals",
    );
  }
}
