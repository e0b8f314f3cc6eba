/**
 * Reads a CSV file into a temporary staging table with DuckDB's `read_csv` (fast, parallel), every column as
 * text so that nothing is lost to type guessing, and every malformed record recorded in `reject` with its
 * physical line. The staging view `<name>` has the file's own column names plus `_line`.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SourceError } from "../../../models/errors.ts";
import { displayPath } from "../../config/read-yaml-config.ts";
import { quoteIdentifier, quoteLiteral, type Warehouse } from "../../warehouse/warehouse.ts";
import {
  acceptedRowSegments,
  hasOneLinePerRecord,
  type LineSegment,
  scanRecordLines,
  segmentsSkippingLines,
} from "./record-lines.ts";

/** Maps accepted rows and rejected reader lines to physical lines, scanning quotes only when needed. */
function lineMapping(file: string, acceptedCount: number, rejectedLines: number[]) {
  if (hasOneLinePerRecord(file, acceptedCount + rejectedLines.length + 1)) {
    return {
      segments: segmentsSkippingLines(rejectedLines),
      physicalLineOfReaderLine: new Map<number, number>(),
    };
  }
  return acceptedRowSegments(scanRecordLines(file), new Set(rejectedLines));
}

/** line offset for an accepted row index as a CASE over a few segments (last segment first). */
function lineOffsetCase(segments: LineSegment[]): string {
  if (segments.length === 1) return String(segments[0]!.offset);
  const cases = [...segments].reverse().map((s) => `WHEN r._index >= ${s.startIndex} THEN ${s.offset}`);
  return `CASE ${cases.join(" ")} END`;
}

export interface StagedCsv {
  /** Name of the view with the file's columns (all text) and `_line`. */
  view: string;
  /**
   * The staged rows with `_line` as a FROM-clause item. With `keepAs` it reads only the kept table (and,
   * for files with many multi-line records, its `<keepAs>__segments` table), so a permanent view can use it.
   */
  rowsSql: string;
  columns: string[];
  /** Records read (header excluded), including malformed ones. */
  rowsRead: number;
  /** Malformed records rejected by the CSV reader. */
  rowsMalformed: number;
  /** Permanent tables besides `keepAs` that `rowsSql` reads (segments, records read again as text). */
  keptTables: string[];
}

export interface StageCsvOptions {
  file: string;
  sourceId: string;
  /** Name of the staging view; tables behind it get derived names. */
  name: string;
  /** Columns that must be present (by header name). */
  requiredColumns: string[];
  delimiter?: string;
  /**
   * A select list applied while reading (over the file's columns), e.g. to convert text to typed columns
   * in the same pass; the staged view then has these columns plus `_line`. Default: every column as text.
   */
  project?: string;
  /**
   * Keep the read rows in this permanent table instead of a temporary one (not dropped afterwards): for
   * large files whose rows are then read in place through a view rather than copied again.
   */
  keepAs?: string;
  /**
   * Columns the reader parses as DOUBLE itself, several times faster than reading text and casting it
   * (`project` then sees them as numbers). A record whose only problem is such a cell that is not a plain
   * number (a marker such as `*`, "1,296", a typo) is not lost: it is read again as text from the reader's
   * copy of the record, through `textProject`, into a table of its own (`<table>__text_rows`, with `_line`),
   * which the staged rows include. `stagedAs` names the projected column holding the number: if any is not
   * finite (the file spells out "NaN" or "inf", which the reader parses), the whole file is staged again as
   * text with `textProject`, so that such a cell is reported as written.
   */
  numericColumns?: Array<{ column: string; stagedAs: string }>;
  /** The select list over the file's columns as text, for records read again as text (with `numericColumns`). */
  textProject?: string;
  /**
   * Columns computed whenever the staged rows are read (not stored): select-list SQL over the columns of
   * `project` for the rows the reader parsed (`parsed`, used with `numericColumns`) and over those of
   * `textProject` for rows staged as text (`text`; also the whole file without `numericColumns`).
   */
  readColumns?: { parsed?: string; text?: string };
}

function readCsvCall(file: string, delimiter: string, extra = ""): string {
  return `read_csv(${quoteLiteral(file)}, header = true, delim = ${quoteLiteral(delimiter)}, quote = '"', escape = '"', strict_mode = true, null_padding = false, auto_detect = false${extra})`;
}

/** A CSV header record for `columns` (quoted), so records kept as text can be read again as a file. */
function headerRecord(columns: string[], delimiter: string): string {
  return columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(delimiter);
}

/** The header record's fields (BOM stripped, quotes honoured). */
export function readCsvHeader(file: string, delimiter: string): string[] {
  let text: string;
  try {
    const descriptor = openSync(file, "r");
    const buffer = Buffer.alloc(1 << 16);
    const size = readSync(descriptor, buffer, 0, buffer.length, 0);
    closeSync(descriptor);
    text = buffer
      .subarray(0, size)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
  } catch (error) {
    throw new SourceError(`${displayPath(file)}: cannot read: ${(error as Error).message}`);
  }
  const fields: string[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (inQuotes) {
      if (character === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (character === '"') inQuotes = false;
      else field += character;
    } else if (character === '"') inQuotes = true;
    else if (character === delimiter) {
      fields.push(field);
      field = "";
    } else if (character === "\n" || character === "\r") break;
    else field += character;
  }
  fields.push(field);
  if (fields.length === 1 && fields[0] === "")
    throw new SourceError(`${displayPath(file)}: the file is empty (no header)`);
  return fields;
}

/** Stages a CSV file; a missing required column is an error naming the file and the columns it has. */
export async function stageCsv(warehouse: Warehouse, options: StageCsvOptions): Promise<StagedCsv> {
  const delimiter = options.delimiter ?? ",";
  const columns = readCsvHeader(options.file, delimiter);
  const missing = options.requiredColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new SourceError(
      `${options.sourceId}: ${displayPath(options.file)}: column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")} not found (columns: ${columns.join(", ")})`,
      "Fix the column mapping in the source's manifest (options), or check that the right file is in the cache.",
    );
  }
  const raw = options.keepAs ?? `${options.name}_raw`;
  const rejects = `${options.name}_rejects`;
  const segments = options.keepAs ? `${options.keepAs}__segments` : `${options.name}_segments`;
  const textRows = options.keepAs ? `${options.keepAs}__text_rows` : `${options.name}_text_rows`;
  const tableKind = options.keepAs ? "TABLE" : "TEMP TABLE";
  const numeric = new Set((options.numericColumns ?? []).map((n) => n.column));
  // The column list is fixed from the header so that a short or long record is a reject, not a new column.
  const columnTypes = `{${columns.map((c) => `${quoteLiteral(c)}: '${numeric.has(c) ? "DOUBLE" : "VARCHAR"}'`).join(", ")}}`;
  await dropStaged(warehouse, options.name);
  await warehouse.run(
    `CREATE OR REPLACE ${tableKind} ${raw} AS SELECT ${options.project ?? "*"} FROM ${readCsvCall(
      options.file,
      delimiter,
      `${numeric.size > 0 ? "" : ", all_varchar = true"}, columns = ${columnTypes}, store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scan'`,
    )}`,
  );
  if (numeric.size > 0) {
    const notFinite = options.numericColumns!.map((n) => `NOT isfinite(${quoteIdentifier(n.stagedAs)})`);
    const spelledOut = await warehouse.scalar<number>(
      `SELECT count(*) FROM ${raw} WHERE ${notFinite.join(" OR ")}`,
    );
    if (spelledOut) {
      return stageCsv(warehouse, { ...options, numericColumns: undefined, project: options.textProject });
    }
  }
  // A record rejected only because a numeric cell is not a plain number is read again as text below.
  const rejected = await warehouse.rows<{ line: number; cast_only: boolean; record: string | null }>(
    `SELECT line, bool_and(error_type = 'CAST') AS cast_only,
            CASE WHEN bool_and(error_type = 'CAST') THEN ltrim(any_value(csv_line), chr(13) || chr(10)) END AS record
     FROM ${rejects} GROUP BY line ORDER BY line`,
  );
  const readAsText = rejected.filter((row) => row.cast_only);
  const malformedCount = rejected.length - readAsText.length;
  const acceptedCount = (await warehouse.scalar<number>(`SELECT count(*) FROM ${raw}`)) ?? 0;
  const mapping = lineMapping(
    options.file,
    acceptedCount,
    rejected.map((row) => row.line),
  );
  const keptTables: string[] = [];
  if (numeric.size > 0) {
    await readRecordsAgainAsText(warehouse, {
      ...options,
      delimiter,
      columns,
      table: textRows,
      tableKind,
      records: readAsText.map((row) => ({
        line: mapping.physicalLineOfReaderLine.get(row.line) ?? row.line,
        text: row.record!,
      })),
    });
    if (options.keepAs) keptTables.push(textRows);
  }
  const fewSegments = mapping.segments.length <= 32;
  if (!fewSegments) {
    await warehouse.run(
      `CREATE OR REPLACE ${tableKind} ${segments} AS SELECT * FROM (VALUES ${mapping.segments
        .map((s) => `(${s.startIndex}, ${s.offset})`)
        .join(", ")}) AS t(start_index, line_offset)`,
    );
    if (options.keepAs) keptTables.push(segments);
  }
  // Row ids of a table are consecutive in insertion order (file order, since insertion order is preserved)
  // but start at an offset inside a transaction, hence the subtraction. A regular file needs no join.
  const firstRowId = (await warehouse.scalar<number>(`SELECT min(rowid) FROM ${raw}`)) ?? 0;
  if (options.keepAs && firstRowId !== 0) {
    // Only committed row ids are stable: a kept table read later through a view must not be staged in a transaction.
    throw new Error(`stageCsv: ${raw} was written inside a transaction (first row id ${firstRowId})`);
  }
  const indexed = `(SELECT *, rowid - ${firstRowId} AS _index FROM ${raw})`;
  const rowsReadDirectly = fewSegments
    ? `(SELECT r.* EXCLUDE (_index), (r._index + ${lineOffsetCase(mapping.segments)})::BIGINT AS _line FROM ${indexed} r)`
    : `(SELECT r.* EXCLUDE (_index), (r._index + s.line_offset)::BIGINT AS _line
        FROM ${indexed} r ASOF JOIN ${segments} s ON r._index >= s.start_index)`;
  // Columns only the text rows have (the text of cells that are not numbers) are NULL for the others.
  const withColumns = (columnsSql: string | undefined) => (columnsSql ? `*, ${columnsSql}` : "*");
  const rowsSql =
    numeric.size > 0
      ? `(SELECT ${withColumns(options.readColumns?.parsed)} FROM ${rowsReadDirectly}
          UNION ALL BY NAME SELECT ${withColumns(options.readColumns?.text)} FROM ${textRows})`
      : `(SELECT ${withColumns(options.readColumns?.text)} FROM ${rowsReadDirectly})`;
  await warehouse.run(`CREATE OR REPLACE TEMP VIEW ${options.name} AS SELECT * FROM ${rowsSql}`);
  const physical = [...mapping.physicalLineOfReaderLine].map(([reader, line]) => `(${reader}, ${line})`);
  await warehouse.run(
    `INSERT INTO reject (source, file, line, column_name, value, reason)
     SELECT ${quoteLiteral(options.sourceId)}, ${quoteLiteral(displayPath(options.file))}, coalesce(m.physical, r.line), r.column_name,
            left(ltrim(r.csv_line, chr(13) || chr(10)), 500), 'malformed record (' || lower(r.error_type) || '): ' || r.error_message
     FROM ${rejects} r LEFT JOIN (SELECT * FROM (VALUES ${physical.length > 0 ? physical.join(", ") : "(NULL, NULL)"}) AS t(reader, physical)) m ON m.reader = r.line
     WHERE r.line NOT IN (SELECT line FROM ${rejects} GROUP BY line HAVING bool_and(error_type = 'CAST'))
     ORDER BY r.line`,
  );
  return {
    view: options.name,
    rowsSql,
    columns,
    rowsRead: acceptedCount + rejected.length,
    rowsMalformed: malformedCount,
    keptTables,
  };
}

/**
 * Reads the records the typed reader rejected only for a cell it could not parse as a number again, as
 * text: the reader's copy of each record, written to a scratch file with the same header and each record's
 * physical line in an extra first column, into `table` through `textProject` plus `_line`. Always creates
 * the table (empty for a clean file), so the staged rows have the same columns either way.
 */
async function readRecordsAgainAsText(
  warehouse: Warehouse,
  staged: StageCsvOptions & {
    delimiter: string;
    columns: string[];
    table: string;
    tableKind: string;
    records: Array<{ line: number; text: string }>;
  },
): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "ntg-text-records-"));
  const file = join(folder, "records.csv");
  const lineColumn = "__ntg_physical_line";
  const allColumns = [lineColumn, ...staged.columns];
  try {
    const lines = staged.records.map((r) => `${r.line}${staged.delimiter}${r.text}`);
    writeFileSync(file, [headerRecord(allColumns, staged.delimiter), ...lines].join("\n") + "\n");
    await warehouse.run(
      `CREATE OR REPLACE ${staged.tableKind} ${staged.table} AS SELECT ${staged.textProject ?? "*"}, ${lineColumn}::BIGINT AS _line FROM ${readCsvCall(
        file,
        staged.delimiter,
        `, all_varchar = true, columns = {${allColumns.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(", ")}}`,
      )}`,
    );
    const read = (await warehouse.scalar<number>(`SELECT count(*) FROM ${staged.table}`)) ?? 0;
    if (read !== staged.records.length) {
      throw new Error(
        `stageCsv: ${displayPath(staged.file)}: ${staged.records.length} records with cells that are not plain numbers, but ${read} read again as text`,
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Drops the staging tables and view. */
export async function dropStaged(warehouse: Warehouse, name: string): Promise<void> {
  await warehouse.run(
    `DROP VIEW IF EXISTS ${name}; DROP TABLE IF EXISTS ${name}_raw; DROP TABLE IF EXISTS ${name}_segments; DROP TABLE IF EXISTS ${name}_text_rows; DROP TABLE IF EXISTS ${name}_rejects; DROP TABLE IF EXISTS ${name}_rejects_scan;`,
  );
}

export { quoteIdentifier };
