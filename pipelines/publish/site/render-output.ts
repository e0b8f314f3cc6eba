/**
 * What a js cell's value looks like on the page: a chart becomes a figure (SVG, title, description, data
 * table), `Html` stays markup, a table-shaped value becomes a table, rows become a table, anything else is
 * escaped text. Arrays render each item in turn, one under another; `sideBySide(…)` puts items in columns
 * (one column on narrow screens).
 */
import { chartFigure, isChartOutput } from "./chart-figure.ts";
import { isDataTable, tableFromDataTable, tableFromObjects } from "./data-table.ts";
import { escapeHtml, Html, textOf } from "./html.ts";

/** Items an analyst wants side by side (`sideBySide(chartA, chartB)`); arrays are shown one under another. */
export class SideBySide {
  readonly items: unknown[];
  constructor(items: unknown[]) {
    this.items = items;
  }
}

export interface OutputContext {
  /** Gives the next figure id on the page ("chart-1", "chart-2" …). */
  nextChartId(): string;
  where: string;
}

function isRowArray(value: unknown[]): value is Record<string, unknown>[] {
  return (
    value.length > 0 &&
    value.every(
      (item) =>
        typeof item === "object" &&
        item !== null &&
        !Array.isArray(item) &&
        !(item instanceof Html) &&
        !isChartOutput(item),
    )
  );
}

export function renderOutput(value: unknown, context: OutputContext): string {
  if (value === undefined || value === null || value === false) return "";
  if (value instanceof Html) return value.markup;
  if (isChartOutput(value)) return chartFigure(value, context.nextChartId(), context.where);
  if (value instanceof SideBySide) {
    const items = value.items.map((item) => renderOutput(item, context)).filter(Boolean);
    return `<div class="chart-grid">\n${items.map((item) => `<div>${item}</div>`).join("\n")}\n</div>`;
  }
  if (Array.isArray(value)) {
    if (isRowArray(value)) return tableFromObjects(value).markup;
    return value
      .map((item) => renderOutput(item, context))
      .filter(Boolean)
      .join("\n");
  }
  if (isDataTable(value)) return tableFromDataTable(value).markup;
  if (typeof value === "object" && !(value instanceof Date)) {
    return `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
  }
  return `<p>${escapeHtml(textOf(value))}</p>`;
}
