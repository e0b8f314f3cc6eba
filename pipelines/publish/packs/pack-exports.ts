/**
 * The pack's data files, all from the protected tables: one CSV per table (cells a spreadsheet would run
 * as a formula are neutralised), one Parquet file per table written by DuckDB from an in-memory copy
 * (suppressed cells are NULL there, typed columns kept, and a `suppressed_columns` column says which were
 * suppressed), and data.xlsx with a sheet per table (frozen header, number formats) and a notes sheet.
 */
import path from "node:path";
import { formatCsv } from "../../util/format-table.ts";
import { type XlsxColumn, type XlsxSheet, xlsxWorkbook } from "../../util/xlsx-writer.ts";
import { quoteIdentifier, quoteLiteral, Warehouse } from "../../warehouse/warehouse.ts";
import type { PackColumn, PublishedTable } from "./pack-table.ts";

const NUMERIC = new Set(["count", "value", "share", "money", "number"]);

export function tableCsv(table: PublishedTable): string {
  return formatCsv(
    table.columns.map((column) => column.name),
    table.rows.map((row) => table.columns.map((column) => row[column.name] ?? null)),
  );
}

function numberFormat(column: PackColumn): string | undefined {
  switch (column.kind) {
    case "count":
      return "#,##0";
    case "share":
      return "0.0%";
    case "money":
      return column.decimals === 2 ? '"£"#,##0.00' : '"£"#,##0';
    case "value":
      return "0.0##";
    case "number":
      return column.decimals === 0 ? "0" : "0.0##";
    default:
      return undefined;
  }
}

export function tableSheet(table: PublishedTable): XlsxSheet {
  return {
    name: table.id,
    columns: table.columns.map((column): XlsxColumn => {
      const format = numberFormat(column);
      return { header: column.name, ...(format ? { numberFormat: format } : {}) };
    }),
    rows: table.rows.map((row) => table.columns.map((column) => row[column.name] ?? null)),
  };
}

/** data.xlsx: the notes sheet first, then a sheet per table. */
export function packWorkbook(
  tables: readonly PublishedTable[],
  notes: readonly (readonly string[])[],
): Buffer {
  const notesSheet: XlsxSheet = {
    name: "notes",
    columns: [
      { header: "topic", width: 22 },
      { header: "item", width: 34 },
      { header: "note", width: 100 },
    ],
    rows: notes,
  };
  return xlsxWorkbook([notesSheet, ...tables.map(tableSheet)]);
}

function duckType(column: PackColumn): string {
  if (NUMERIC.has(column.kind)) return "DOUBLE";
  if (column.kind === "flag") return "BOOLEAN";
  return "VARCHAR";
}

/** Writes `<id>.parquet` for every table into `folder` through an in-memory DuckDB. */
export async function writeParquetFiles(tables: readonly PublishedTable[], folder: string): Promise<void> {
  const database = await Warehouse.open(":memory:", { threads: 1 });
  try {
    for (const [index, table] of tables.entries()) {
      const name = `pack_table_${index}`;
      const hasCounts = table.columns.some((column) => column.kind === "count");
      const definitions = table.columns.map(
        (column) => `${quoteIdentifier(column.name)} ${duckType(column)}`,
      );
      if (hasCounts) definitions.push("suppressed_columns VARCHAR");
      await database.run(`CREATE TABLE ${name} (${definitions.join(", ")})`);
      const appender = await database.connection.createAppender(name);
      table.rows.forEach((row, r) => {
        for (const column of table.columns) appendCell(appender, row[column.name], duckType(column));
        if (hasCounts) appender.appendVarchar(table.suppressedColumns[r]!.join(","));
        appender.endRow();
      });
      appender.flushSync();
      appender.closeSync();
      const file = path.join(folder, `${table.id}.parquet`);
      await database.run(`COPY ${name} TO ${quoteLiteral(file)} (FORMAT parquet)`);
    }
  } finally {
    database.close();
  }
}

type Appender = Awaited<ReturnType<Warehouse["connection"]["createAppender"]>>;

function appendCell(appender: Appender, value: unknown, type: string): void {
  if (type === "DOUBLE") {
    if (typeof value === "number" && Number.isFinite(value)) appender.appendDouble(value);
    else appender.appendNull();
  } else if (type === "BOOLEAN") {
    if (typeof value === "boolean") appender.appendBoolean(value);
    else appender.appendNull();
  } else if (value === null || value === undefined) appender.appendNull();
  else appender.appendVarchar(value instanceof Date ? value.toISOString() : String(value));
}
