/**
 * Reading a built site back as a reader would, for the disclosure tests: every CSV and Parquet download
 * (Parquet through DuckDB) and every HTML table, as rows of named cells; which columns are counts (by the
 * same names the build uses, so a test fails if a count slips through under its own name); and an exact
 * check, independent of the build's own, of which suppressed cells a reader could work out from the sums
 * a table shows.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isCountColumn } from "../../../pipelines/publish/disclosure/index.ts";
import { quoteLiteral, type Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

export type PublishedRow = Record<string, unknown>;

export interface PublishedTable {
  file: string;
  columns: string[];
  rows: PublishedRow[];
}

export function filesUnder(folder: string, extension: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** RFC 4180 CSV as written by format-table.ts: quoted cells may hold commas, quotes and newlines. */
export function parseCsv(text: string): { columns: string[]; rows: string[][] } {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    record.push(cell);
    cell = "";
  };
  const endRecord = () => {
    endCell();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const character = text[i]!;
    if (quoted && character === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (character === '"') quoted = !quoted;
    else if (quoted) cell += character;
    else if (character === ",") endCell();
    else if (character === "\n") endRecord();
    else cell += character;
  }
  if (cell !== "" || record.length > 0) endRecord();
  const [columns = [], ...rows] = records;
  return { columns, rows };
}

export function readCsvTables(folder: string): PublishedTable[] {
  return filesUnder(folder, ".csv").map((file) => {
    const { columns, rows } = parseCsv(readFileSync(file, "utf8"));
    return {
      file,
      columns,
      rows: rows.map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index]]))),
    };
  });
}

export async function readParquetTables(warehouse: Warehouse, folder: string): Promise<PublishedTable[]> {
  const tables: PublishedTable[] = [];
  for (const file of filesUnder(folder, ".parquet")) {
    const { columns, rows } = await warehouse.table(`SELECT * FROM read_parquet(${quoteLiteral(file)})`);
    tables.push({
      file,
      columns,
      rows: rows.map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index]]))),
    });
  }
  return tables;
}

const decode = (text: string) =>
  text
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();

/** Every `<table>` of the HTML files: header labels as column names, cell text as values. */
export function readHtmlTables(folder: string): PublishedTable[] {
  return filesUnder(folder, ".html").flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/<table\b[\s\S]*?<\/table>/g)].map((match) => {
      const markup = match[0];
      const columns = [
        ...(/<thead>([\s\S]*?)<\/thead>/.exec(markup)?.[1] ?? "").matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g),
      ].map((cell) => decode(cell[1]!));
      const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(markup)?.[1] ?? "";
      const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => {
        const cells = [...row[1]!.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
          decode(cell[1]!),
        );
        return Object.fromEntries(columns.map((column, index) => [column, cells[index]]));
      });
      return { file, columns, rows };
    }),
  );
}

/**
 * Columns a reader would take for counts: the build's names, also as HTML labels ("people most deprived
 * 20"), and the `declared` ones (a notebook's front matter).
 */
export function countColumnsOf(table: PublishedTable, declared: readonly string[] = []): string[] {
  return table.columns.filter((column) => {
    const name = column.replace(/ /g, "_");
    return isCountColumn(name) || declared.includes(name);
  });
}

/** A count from 1 to 4 as published (a number, or its text in CSV and HTML, "3" or "3.0"). */
export function isSmallCount(value: unknown): boolean {
  const number =
    typeof value === "number" ? value : typeof value === "string" ? Number(value.replace(/,/g, "")) : NaN;
  return value !== "" && value !== null && Number.isFinite(number) && number > 0 && number < 5;
}

/** Cells of count columns holding 1–4, as "file row column" (empty when every count is safe). */
export function smallCounts(tables: readonly PublishedTable[], declared: readonly string[] = []): string[] {
  return tables.flatMap((table) =>
    countColumnsOf(table, declared).flatMap((column) =>
      table.rows.flatMap((row, index) =>
        isSmallCount(row[column])
          ? [`${path.basename(table.file)} row ${index + 1} ${column}=${row[column]}`]
          : [],
      ),
    ),
  );
}

/** Σ coefficient × cell = 0: cells are named; a cell not in `known` is unknown to the reader. */
export type Equation = Map<string, bigint>;

/**
 * The unknown cells a reader can compute exactly from the equations and the known cells (rational
 * Gauss–Jordan elimination in BigInt fractions: no rounding can hide or invent a solution).
 */
export function recoverableCells(equations: readonly Equation[], unknown: ReadonlySet<string>): string[] {
  const unknowns = [...unknown];
  type Fraction = [bigint, bigint];
  const rows: Fraction[][] = equations.map((terms) => unknowns.map((cell) => [terms.get(cell) ?? 0n, 1n]));
  const sub = (a: Fraction, b: Fraction): Fraction => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]];
  const mul = (a: Fraction, b: Fraction): Fraction => [a[0] * b[0], a[1] * b[1]];
  const div = (a: Fraction, b: Fraction): Fraction => [a[0] * b[1], a[1] * b[0]];
  const pivots: [number, number][] = [];
  let next = 0;
  for (let c = 0; c < unknowns.length && next < rows.length; c++) {
    const found = rows.findIndex((line, r) => r >= next && line[c]![0] !== 0n);
    if (found < 0) continue;
    [rows[next], rows[found]] = [rows[found]!, rows[next]!];
    const pivot = rows[next]![c]!;
    rows[next] = rows[next]!.map((entry) => div(entry, pivot));
    for (let r = 0; r < rows.length; r++) {
      const factor = rows[r]![c]!;
      if (r !== next && factor[0] !== 0n)
        rows[r] = rows[r]!.map((entry, k) => sub(entry, mul(factor, rows[next]![k]!)));
    }
    pivots.push([next, c]);
    next++;
  }
  return pivots
    .filter(([r]) => rows[r]!.filter((entry) => entry[0] !== 0n).length === 1)
    .map(([, c]) => unknowns[c]!);
}
