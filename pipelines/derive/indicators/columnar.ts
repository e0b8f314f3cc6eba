/**
 * Columnar transfer between DuckDB and the models: read a query as one array per column, and append arrays
 * to a table with DuckDB's appender. Derived steps with many rows use these instead of row objects; the SQL
 * must cast BIGINT/HUGEINT columns (e.g. `count(*)::INTEGER`) so every number arrives as a JS number.
 */
import type { Warehouse } from "../../warehouse/warehouse.ts";

export type Columns = Record<string, unknown[]>;

/** Runs a query and returns its columns by name; `rowCount` is the number of rows. */
export async function readColumns(
  warehouse: Warehouse,
  sql: string,
): Promise<{ columns: Columns; rowCount: number }> {
  const reader = await warehouse.connection.runAndReadAll(sql);
  const columns = reader.getColumnsObjectJS() as Columns;
  return { columns, rowCount: reader.currentRowCount };
}

/** A column to append: its DuckDB type and values (null for NULL; NaN doubles become NULL too). */
export type AppendColumn =
  | { type: "double"; values: ArrayLike<number | null> }
  | { type: "integer"; values: ArrayLike<number | null> }
  | { type: "varchar"; values: ArrayLike<string | null> }
  | { type: "boolean"; values: ArrayLike<boolean | null> };

/** Appends rows given as columns (all of equal length, in the table's column order) to `table`. */
export async function appendColumns(
  warehouse: Warehouse,
  table: string,
  columns: readonly AppendColumn[],
): Promise<number> {
  const rowCount = columns[0]?.values.length ?? 0;
  const appender = await warehouse.connection.createAppender(table);
  try {
    for (let row = 0; row < rowCount; row++) {
      for (const column of columns) appendCell(appender, column, row);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return rowCount;
}

type Appender = Awaited<ReturnType<Warehouse["connection"]["createAppender"]>>;

function appendCell(appender: Appender, column: AppendColumn, row: number): void {
  const value = column.values[row];
  if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) {
    appender.appendNull();
  } else if (column.type === "double") appender.appendDouble(value as number);
  else if (column.type === "integer") appender.appendInteger(value as number);
  else if (column.type === "boolean") appender.appendBoolean(value as boolean);
  else appender.appendVarchar(value as string);
}
