/**
 * Helpers for per-group model calls over columns read in key order: `groupRuns` yields the [start, end)
 * ranges of consecutive rows sharing the key columns, and `appendRows` appends small result sets (rows of
 * strings, numbers, booleans and nulls) with the DuckDB appender, which casts to the table's column types.
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { Columns } from "./columnar.ts";

/** Ranges of consecutive rows with equal values in every key column (the query must be ordered by them). */
export function* groupRuns(
  columns: Columns,
  rowCount: number,
  keyColumns: readonly string[],
): Generator<[number, number]> {
  const keys = keyColumns.map((name) => columns[name]!);
  let start = 0;
  while (start < rowCount) {
    let end = start + 1;
    while (end < rowCount && keys.every((column) => column[end] === column[start])) end++;
    yield [start, end];
    start = end;
  }
}

/** Appends rows to `table`; numbers that are not finite are written as NULL. */
export async function appendRows(
  warehouse: Warehouse,
  table: string,
  rows: readonly unknown[][],
): Promise<void> {
  const appender = await warehouse.connection.createAppender(table);
  try {
    for (const row of rows) {
      for (const cell of row) {
        if (cell === null || cell === undefined) appender.appendNull();
        else if (typeof cell === "number") {
          if (Number.isFinite(cell)) appender.appendDouble(cell);
          else appender.appendNull();
        } else if (typeof cell === "boolean") appender.appendBoolean(cell);
        else appender.appendVarchar(String(cell));
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
