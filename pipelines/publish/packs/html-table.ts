/**
 * A published pack table as an HTML table: the columns marked to show, every cell escaped, numbers right
 * aligned, counts marked with class "count" (so tests can find them), suppressed cells shown with the
 * marker and explained in a note under the table, missing values as "–". Long tables show their first
 * rows and say where the rest is (data.xlsx and the CSV file of the same name).
 */
import { escapeHtml } from "../site/html.ts";
import { formatCell, isSuppressed } from "./pack-format.ts";
import type { PublishedTable } from "./pack-table.ts";

export interface TableHtmlOptions {
  /** Rows to show (indices into the table's rows); default all (up to the table's HTML limit). */
  rows?: readonly number[];
  /** Caption (default the table's title). */
  caption?: string;
  /** Columns to show instead of the table's defaults. */
  columns?: readonly string[];
  marker: string;
  threshold: number;
}

const NUMERIC_KINDS = new Set(["count", "value", "share", "money", "number"]);

export function tableHtml(table: PublishedTable, options: TableHtmlOptions): string {
  const columns = options.columns
    ? options.columns.map((name) => table.columns.find((column) => column.name === name)!).filter(Boolean)
    : table.columns.filter((column) => column.show !== false);
  const all = options.rows ?? table.rows.map((_, index) => index);
  const limit = table.htmlRowLimit && table.htmlRowLimit > 0 ? table.htmlRowLimit : all.length;
  const shown = all.slice(0, limit);
  let anySuppressed = false;
  const header = columns
    .map(
      (column) =>
        `<th scope="col"${NUMERIC_KINDS.has(column.kind) ? ' class="num"' : ""}>${escapeHtml(column.label)}</th>`,
    )
    .join("");
  const body = shown
    .map((index) => {
      const row = table.rows[index]!;
      const cells = columns.map((column, position) => {
        const value = row[column.name];
        const suppressed = isSuppressed(value, options.marker);
        anySuppressed ||= suppressed;
        const classes = [
          NUMERIC_KINDS.has(column.kind) ? "num" : "",
          column.kind === "count" ? "count" : "",
          suppressed ? "suppressed" : "",
        ].filter(Boolean);
        const tag = position === 0 ? 'th scope="row"' : "td";
        const close = position === 0 ? "th" : "td";
        return `<${tag}${classes.length ? ` class="${classes.join(" ")}"` : ""}>${escapeHtml(formatCell(value, column, options.marker))}</${close}>`;
      });
      const emphasis =
        row.role === "total" || row.role === "whole area"
          ? ' class="total"'
          : row.role === "small area"
            ? ' class="part"'
            : "";
      return `<tr${emphasis}>${cells.join("")}</tr>`;
    })
    .join("\n");
  const notes: string[] = [];
  if (anySuppressed)
    notes.push(
      `${options.marker} suppressed: a count from 1 to ${options.threshold - 1}, a cell hidden so such a count cannot be worked out from a total, or a value computed from one.`,
    );
  if (all.length > shown.length)
    notes.push(
      `First ${shown.length} of ${all.length} rows; every row is in data.xlsx (sheet "${table.id}") and ${table.id}.csv.`,
    );
  const caption = options.caption ?? table.title;
  return `<div class="table-wrap${shown.length <= 25 ? " keep" : ""}"><table>
<caption>${escapeHtml(caption)}</caption>
<thead><tr>${header}</tr></thead>
<tbody>
${body}
</tbody></table>${notes.map((note) => `<p class="table-note">${escapeHtml(note)}</p>`).join("")}</div>`;
}
