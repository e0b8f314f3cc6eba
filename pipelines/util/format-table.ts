/**
 * Prints query results as an aligned text table, CSV (RFC 4180, cells that a spreadsheet would execute
 * neutralised) or JSON.
 */
export type OutputFormat = "table" | "csv" | "json";

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number")
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Prefixes cells that begin with =, +, -, @ (or a tab/CR) with an apostrophe so spreadsheets show them as text. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? `'${text}` : text;
}

function csvCell(value: unknown): string {
  const text = typeof value === "string" ? neutraliseFormula(cellText(value)) : cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatCsv(columns: string[], rows: unknown[][]): string {
  return `${[columns.map(csvCell).join(","), ...rows.map((row) => row.map(csvCell).join(","))].join("\n")}\n`;
}

export function formatJson(columns: string[], rows: unknown[][]): string {
  const objects = rows.map((row) =>
    Object.fromEntries(
      columns.map((column, index) => [
        column,
        row[index] instanceof Date ? (row[index] as Date).toISOString() : row[index],
      ]),
    ),
  );
  return `${JSON.stringify(objects, null, 2)}\n`;
}

export function formatTextTable(columns: string[], rows: unknown[][], maximumWidth = 60): string {
  const texts = rows.map((row) =>
    row.map((value) => cellText(value).replace(/\s+/g, " ").slice(0, maximumWidth)),
  );
  const numeric = columns.map(
    (_, index) =>
      rows.length > 0 && rows.every((row) => row[index] === null || typeof row[index] === "number"),
  );
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...texts.map((row) => row[index]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => (numeric[index] ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return `${[line(columns), rule, ...texts.map(line)].join("\n")}\n(${rows.length} row${rows.length === 1 ? "" : "s"})\n`;
}

export function formatRows(format: OutputFormat, columns: string[], rows: unknown[][]): string {
  if (format === "csv") return formatCsv(columns, rows);
  if (format === "json") return formatJson(columns, rows);
  return formatTextTable(columns, rows);
}
