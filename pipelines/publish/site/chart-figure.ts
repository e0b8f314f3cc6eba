/**
 * A chart on a page: the component's server-rendered SVG inside a `<figure>` with its title, its text
 * description and its data table (in a `<details>`), so the chart reads without JavaScript, prints, and
 * has a non-visual alternative. The components draw the title inside the SVG, so the figure's caption
 * (which names the figure for assistive technology) is visually hidden. The SVG's ids are prefixed with the figure's id so two charts on one page
 * never share an id, and markup that could run script is refused (components escape data; this is the
 * second line of defence).
 */
import { BuildError } from "../../../models/errors.ts";
import { type DataTable, tableFromDataTable } from "./data-table.ts";
import { escapeHtml } from "./html.ts";

export interface ChartOutput {
  svg: string;
  title: string;
  description: string;
  table: DataTable;
}

export function isChartOutput(value: unknown): value is ChartOutput {
  const chart = value as ChartOutput;
  return (
    typeof value === "object" &&
    value !== null &&
    typeof chart.svg === "string" &&
    typeof chart.title === "string" &&
    typeof chart.description === "string" &&
    typeof chart.table === "object"
  );
}

const UNSAFE_MARKUP = [
  /<script\b/i,
  /<foreignObject\b/i,
  /<[^>]*\son[a-z]+\s*=/i,
  /javascript:/i,
  /<iframe\b/i,
];

export function assertSafeSvg(svg: string, where: string): void {
  const unsafe = UNSAFE_MARKUP.find((pattern) => pattern.test(svg));
  if (unsafe) {
    throw new BuildError(
      `${where}: a chart's SVG contains markup that could run script (${unsafe.source})`,
      "Chart components must escape every value from data (see notebooks/components/escape-xml.ts).",
    );
  }
}

/** Prefixes every id defined in the SVG, and every reference to one, with `prefix-`. */
export function prefixSvgIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
  if (ids.size === 0) return svg;
  const renamed = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, start: string, id: string) => `${start}${renamed(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${renamed(id)})`)
    .replace(/((?:xlink:)?href=")#([^"]+)"/g, (_, start: string, id: string) => `${start}#${renamed(id)}"`)
    .replace(
      /(aria-(?:labelledby|describedby)=")([^"]+)"/g,
      (_, start: string, list: string) => `${start}${list.split(/\s+/).map(renamed).join(" ")}"`,
    );
}

export function chartFigure(chart: ChartOutput, id: string, where: string): string {
  assertSafeSvg(chart.svg, where);
  const rows = chart.table?.rows?.length ?? 0;
  const table =
    rows > 0 && Array.isArray(chart.table.columns)
      ? `<details class="chart-data"><summary>Data table: ${escapeHtml(chart.title)} (${rows.toLocaleString("en-GB")} ${rows === 1 ? "row" : "rows"})</summary>${tableFromDataTable(chart.table).markup}</details>`
      : '<p class="chart-data">No data rows.</p>';
  return [
    `<figure class="chart" id="${id}" aria-labelledby="${id}-caption">`,
    `<figcaption id="${id}-caption" class="chart-title visually-hidden">${escapeHtml(chart.title)}</figcaption>`,
    `<div class="chart-svg">${prefixSvgIds(chart.svg, id)}</div>`,
    `<p class="chart-description">${escapeHtml(chart.description)}</p>`,
    table,
    "</figure>",
  ].join("\n");
}
