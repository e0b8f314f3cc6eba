/**
 * Column transfer for national-scale steps: a query's numeric columns read straight from DuckDB's result
 * vectors into typed arrays (no row objects, no intermediate JS arrays), and typed arrays written back as
 * whole data chunks through an appender (one call per 2,048 rows instead of one per cell). NaN ⇄ NULL.
 */
import { DOUBLE, DuckDBDataChunk, type DuckDBType, INTEGER, TINYINT } from "@duckdb/node-api";
import type { Warehouse } from "../../warehouse/warehouse.ts";

/** Rows per data chunk: DuckDB's vector size, the most a chunk holds. */
const CHUNK_ROWS = 2048;

/**
 * Runs `sql` and returns each named column as a Float64Array (NULL → NaN). The SQL must give those
 * columns numeric types DuckDB converts to JS numbers (cast BIGINT/HUGEINT sums to DOUBLE).
 */
export async function readNumberColumns<Name extends string>(
  warehouse: Warehouse,
  sql: string,
  names: readonly Name[],
): Promise<Record<Name, Float64Array> & { rowCount: number }> {
  const result = await warehouse.connection.run(sql);
  const positions = names.map((name) => {
    const index = result.columnNames().indexOf(name);
    if (index < 0) throw new Error(`internal: column ${name} is not in the result of ${sql.slice(0, 80)}…`);
    return index;
  });
  const chunks = [];
  for (let c = 0; c < result.chunkCount; c++) chunks.push(result.getChunk(c));
  const rowCount = chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
  const columns = Object.fromEntries(names.map((name) => [name, new Float64Array(rowCount)])) as Record<
    Name,
    Float64Array
  >;
  let offset = 0;
  for (const chunk of chunks) {
    names.forEach((name, n) => {
      const vector = chunk.getColumnVector(positions[n]!);
      const target = columns[name];
      for (let r = 0; r < chunk.rowCount; r++) {
        const item = vector.getItem(r);
        target[offset + r] = typeof item === "number" ? item : item === null ? Number.NaN : Number(item);
      }
    });
    offset += chunk.rowCount;
  }
  return Object.assign(columns, { rowCount });
}

/** A column to write: DuckDB type and values (NaN → NULL). */
export interface NumberColumn {
  type: "double" | "integer" | "tinyint";
  values: ArrayLike<number>;
}

const TYPES: Record<NumberColumn["type"], DuckDBType> = {
  double: DOUBLE,
  integer: INTEGER,
  tinyint: TINYINT,
};

/** Appends equal-length columns, in the table's column order, to `table` (which must exist). */
export async function appendNumberColumns(
  warehouse: Warehouse,
  table: string,
  columns: readonly NumberColumn[],
): Promise<number> {
  const rowCount = columns[0]?.values.length ?? 0;
  const appender = await warehouse.connection.createAppender(table);
  try {
    for (let start = 0; start < rowCount; start += CHUNK_ROWS) {
      const size = Math.min(CHUNK_ROWS, rowCount - start);
      const chunk = DuckDBDataChunk.create(
        columns.map((column) => TYPES[column.type]),
        size,
      );
      columns.forEach((column, c) => {
        const values = new Array<number | null>(size);
        for (let r = 0; r < size; r++) {
          const value = column.values[start + r]!;
          values[r] = Number.isNaN(value) ? null : value;
        }
        chunk.setColumnValues(c, values);
      });
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return rowCount;
}
