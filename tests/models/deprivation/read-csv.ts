/**
 * A small CSV reader for the real-data tests (tests may do I/O; models may not): strips a UTF-8 BOM,
 * accepts CRLF or LF, and handles double-quoted fields with commas ("Education, Skills …", "1,296").
 */
import { existsSync, readFileSync } from "node:fs";

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** The column of the first header starting with `prefix`; throws when absent. */
  column(prefix: string): string[];
}

/** Reads a CSV file, or returns undefined when the file is absent (so the test can be skipped). */
export function readCsvIfPresent(path: string): CsvTable | undefined {
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line !== "");
  const [headerLine = "", ...bodyLines] = lines;
  const header = splitCsvLine(headerLine);
  const rows = bodyLines.map(splitCsvLine);
  return {
    header,
    rows,
    column(prefix: string): string[] {
      const index = header.findIndex((name) => name.startsWith(prefix));
      if (index < 0)
        throw new Error(`${path}: no column starting "${prefix}" (columns: ${header.join(" | ")})`);
      return rows.map((row) => row[index] ?? "");
    },
  };
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (character === "," && !quoted) {
      fields.push(field);
      field = "";
    } else field += character;
  }
  fields.push(field);
  return fields;
}

/** Parses numbers written with thousands separators ("1,296"). */
export function parseCount(text: string): number {
  return Number(text.replaceAll(",", ""));
}
