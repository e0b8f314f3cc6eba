/**
 * HTML tables for data: the accessible alternative under every chart and the `table()` helper pages use.
 * Every cell is escaped; numeric cells carry their raw value in `data-value` so the progressive
 * enhancement script can sort them, missing values say "no data" instead of leaving a silent blank, and
 * cells suppressed by disclosure control show their marker ("*") with an explanation.
 */
import { SUPPRESSION_MARKERS } from "../disclosure/index.ts";
import { escapeHtml, Html, textOf } from "./html.ts";

export interface DataTable {
  columns: string[];
  rows: (string | number | boolean | null | Date)[][];
}

export interface TableColumn {
  /** Property of each row object (or a column of a DataTable). */
  key: string;
  /** Header text (default: the key with underscores as spaces). */
  label?: string;
  /** Formats a value for display; the raw value still drives sorting. */
  format?: (value: unknown, row: Record<string, unknown>) => string | Html;
}

export interface TableOptions {
  /** Columns to show, in order: names or `TableColumn`s. Default: every column. */
  columns?: (string | TableColumn)[];
  caption?: string;
  /** Show at most this many rows and say how many more there are. */
  limit?: number;
  /** Header cells of this column are row headers (default: the first column). */
  rowHeader?: string | null;
}

const FORMATS = {
  whole: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }),
  one: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }),
  two: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 }),
  small: new Intl.NumberFormat("en-GB", { maximumSignificantDigits: 3 }),
};

/** A number for a table: grouped, with decimals by magnitude (1 above 100, 2 above 1, else 3 significant). */
export function formatTableNumber(value: number): string {
  if (!Number.isFinite(value)) return "no data";
  if (Number.isInteger(value)) return FORMATS.whole.format(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return FORMATS.one.format(value);
  if (magnitude >= 1) return FORMATS.two.format(value);
  return FORMATS.small.format(value);
}

/** Columns whose whole numbers are labels (years, editions, codes), so they are not grouped ("2019", not "2,019"). */
const UNGROUPED_COLUMN = /year|edition|period|code|decile|quintile|line/i;

/** A cell suppressed by disclosure control: its marker, explained to screen readers and on hover. */
const SUPPRESSED_CELL = (marker: string) =>
  `<abbr class="suppressed" title="suppressed: a small number, or a figure from which one could be worked out">${escapeHtml(marker)}</abbr>`;

function isMarker(value: unknown): value is string {
  return typeof value === "string" && (SUPPRESSION_MARKERS as readonly string[]).includes(value);
}

function cellHtml(
  value: unknown,
  formatted: string | Html | undefined,
  ungrouped: boolean,
): { html: string; numeric: boolean } {
  const numeric = typeof value === "number" && Number.isFinite(value);
  if (isMarker(value) && (formatted === undefined || formatted === value))
    return { html: SUPPRESSED_CELL(value), numeric: false };
  if (formatted !== undefined) {
    return { html: formatted instanceof Html ? formatted.markup : escapeHtml(formatted), numeric };
  }
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value))) {
    return { html: '<span class="no-data">no data</span>', numeric: false };
  }
  if (value instanceof Html) return { html: value.markup, numeric: false };
  const text = !numeric
    ? textOf(value)
    : ungrouped && Number.isInteger(value)
      ? String(value)
      : formatTableNumber(value as number);
  return { html: escapeHtml(text), numeric };
}

function labelOf(column: TableColumn): string {
  return column.label ?? column.key.replaceAll("_", " ");
}

/** Renders row objects as a sortable table. */
export function tableFromObjects(rows: readonly Record<string, unknown>[], options: TableOptions = {}): Html {
  const columns: TableColumn[] = (options.columns ?? Object.keys(rows[0] ?? {})).map((column) =>
    typeof column === "string" ? { key: column } : column,
  );
  const rowHeader = options.rowHeader === undefined ? columns[0]?.key : options.rowHeader;
  const shown = options.limit === undefined ? rows : rows.slice(0, options.limit);
  const head = columns.map((column) => `<th scope="col">${escapeHtml(labelOf(column))}</th>`).join("");
  const body = shown.map((row) => {
    const cells = columns.map((column) => {
      const value = row[column.key];
      const formatted = column.format?.(value, row as Record<string, unknown>);
      const { html, numeric } = cellHtml(value, formatted, UNGROUPED_COLUMN.test(column.key));
      const tag = column.key === rowHeader ? 'th scope="row"' : "td";
      const attributes = numeric ? ` class="num" data-value="${value}"` : "";
      return `<${tag}${attributes}>${html}</${tag.split(" ")[0]}>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  const more = rows.length - shown.length;
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  const empty =
    rows.length === 0 ? `<tr><td colspan="${Math.max(columns.length, 1)}">No rows.</td></tr>` : "";
  const note =
    more > 0 ? `<p class="table-note">${more.toLocaleString("en-GB")} more rows in the downloads.</p>` : "";
  return new Html(
    `<div class="table-wrap" tabindex="0"><table class="data sortable">${caption}<thead><tr>${head}</tr></thead><tbody>${body.join("")}${empty}</tbody></table></div>${note}`,
  );
}

/** Renders a `{ columns, rows }` table (the shape chart components return). */
export function tableFromDataTable(table: DataTable, options: TableOptions = {}): Html {
  const objects = table.rows.map((row) =>
    Object.fromEntries(table.columns.map((column, index) => [column, row[index]])),
  );
  return tableFromObjects(objects, {
    columns: table.columns.map((key) => ({ key, label: key })),
    ...options,
  });
}

export function isDataTable(value: unknown): value is DataTable {
  const candidate = value as DataTable;
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray(candidate.columns) &&
    Array.isArray(candidate.rows) &&
    candidate.columns.every((column) => typeof column === "string")
  );
}
