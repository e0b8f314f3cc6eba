/**
 * Runs a sql cell against the warehouse (read-only) and caches the result by SQL text and parameter
 * values, so a query that does not depend on the page runs once per build however many pages use it.
 * Results are frozen arrays of plain row objects carrying their column names; a cell that wants them in
 * another order uses `toSorted()` (sorting in place would change every other page's copy).
 */
import type { DuckDBValue } from "@duckdb/node-api";
import { BuildError } from "../../../models/errors.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";

export interface QueryResult extends ReadonlyArray<Readonly<Record<string, unknown>>> {
  readonly columns: readonly string[];
  /** The table a cell marked `optional` needed and did not find (the result is then empty). */
  readonly missingTable?: string;
  /**
   * The temporary table holding the result as the warehouse gave it (row i is its rowid i), kept for
   * writing Parquet without re-running the query; disclosure control is applied when writing.
   */
  readonly temporaryTable?: string;
  /** After disclosure control: the columns under control (counts and figures computed from them). */
  readonly controlled?: readonly string[];
  /** After disclosure control: the suppressed columns of each row (they hold the marker). */
  readonly suppressedColumns?: readonly (readonly string[])[];
}

type HiddenProperties = Pick<
  QueryResult,
  "missingTable" | "temporaryTable" | "controlled" | "suppressedColumns"
>;

/** A frozen result from row objects, carrying its columns and other properties (not enumerable). */
export function queryResultOf(
  columns: readonly string[],
  objects: readonly Record<string, unknown>[],
  hidden: HiddenProperties = {},
): QueryResult {
  const rows = objects.map((row) => Object.freeze(row));
  Object.defineProperty(rows, "columns", { value: Object.freeze([...columns]), enumerable: false });
  for (const [key, value] of Object.entries(hidden)) {
    if (value) Object.defineProperty(rows, key, { value, enumerable: false });
  }
  return Object.freeze(rows) as unknown as QueryResult;
}

function resultFrom(columns: string[], rows: unknown[][], hidden: HiddenProperties = {}): QueryResult {
  const objects = rows.map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index]])));
  return queryResultOf(columns, objects, hidden);
}

let temporaryTables = 0;

/** The SQL of a cell as one statement (a trailing semicolon and comments at the end are dropped). */
export function singleStatement(sql: string): string {
  return sql.trim().replace(/;\s*$/, "");
}

export function runCachedQuery(
  warehouse: Warehouse,
  cache: Map<string, Promise<QueryResult>>,
  sql: string,
  values: DuckDBValue[],
  options: QueryOptions,
): Promise<QueryResult> {
  // A kept result (with its temporary table for Parquet) is not the same entry as one that is not kept.
  const key = `${options.keep}\u0000${sql}\u0000${JSON.stringify(values, (_, value) => (typeof value === "bigint" ? value.toString() : value))}`;
  let result = cache.get(key);
  if (!result) {
    result = runQuery(warehouse, singleStatement(sql), values, options);
    cache.set(key, result);
  }
  return result;
}

export interface QueryOptions {
  optional: boolean;
  where: string;
  /**
   * Keep the result in a temporary table (the connection is read-only, temporary tables live in memory) so
   * its Parquet download is copied from there instead of running the query a second time.
   */
  keep: boolean;
}

async function runQuery(
  warehouse: Warehouse,
  sql: string,
  values: DuckDBValue[],
  options: QueryOptions,
): Promise<QueryResult> {
  const parameters = values.length > 0 ? values : undefined;
  try {
    if (!options.keep) {
      const { columns, rows } = await warehouse.table(sql, parameters);
      return resultFrom(columns, rows);
    }
    const temporaryTable = `site_result_${++temporaryTables}`;
    await warehouse.run(`CREATE TEMP TABLE ${temporaryTable} AS ${sql}`, parameters);
    const { columns, rows } = await warehouse.table(`SELECT * FROM ${temporaryTable} ORDER BY rowid`);
    return resultFrom(columns, rows, { temporaryTable });
  } catch (error) {
    const message = (error as Error).message;
    const missing = /Table with name (\S+) does not exist/.exec(message);
    if (missing && options.optional) return resultFrom([], [], { missingTable: missing[1] });
    throw new BuildError(
      `${options.where}: sql failed: ${message.split("\n")[0]}`,
      missing
        ? "`ntg query --tables` lists the tables. Mark the cell `optional` if the page should build without it."
        : "Run the query with `ntg query` to see the full error.",
    );
  }
}
