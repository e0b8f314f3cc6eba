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
  /** The temporary table holding the result, when it is kept for writing Parquet without re-running it. */
  readonly temporaryTable?: string;
}

function resultFrom(
  columns: string[],
  rows: unknown[][],
  hidden: { missingTable?: string; temporaryTable?: string } = {},
): QueryResult {
  const objects = rows.map((row) =>
    Object.freeze(Object.fromEntries(columns.map((column, index) => [column, row[index]]))),
  );
  Object.defineProperty(objects, "columns", { value: Object.freeze(columns), enumerable: false });
  for (const [key, value] of Object.entries(hidden)) {
    if (value) Object.defineProperty(objects, key, { value, enumerable: false });
  }
  return Object.freeze(objects) as unknown as QueryResult;
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
  const key = `${sql}\u0000${JSON.stringify(values, (_, value) => (typeof value === "bigint" ? value.toString() : value))}`;
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
    const { columns, rows } = await warehouse.table(`SELECT * FROM ${temporaryTable}`);
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
