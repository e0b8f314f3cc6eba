/**
 * Assembles the final chart: one standalone `<svg>` with `role="img"`, a `<title>` and `<desc>` named by
 * `aria-labelledby`, a visible title, our own legend, any pattern definitions, and the content of one or
 * more Plot `<svg>`s moved into translated groups (Plot's stylesheet is dropped: it would size nested
 * elements and is not needed for static output). The ids come from the chart's id prefix, so the output is
 * deterministic and two charts on one page do not clash.
 */
import { escapeXml } from "./escape-xml.ts";
import { type LegendItem, renderLegend } from "./legend.ts";
import { CHART_FONT_SIZE } from "./plot-document.ts";
import { attributesOf, type DomNode, IdRenamer, serialiseChildren } from "./serialise-svg.ts";
import { wrapText } from "./text-layout.ts";
import type { ChartOutput, DataTable } from "./types.ts";

export interface ChartPanel {
  /** A Plot `<svg>` element. */
  plot: Element;
  /** Offset of the panel inside the chart body. */
  x?: number;
  y?: number;
}

export interface ComposeInput {
  id: string;
  title: string;
  description: string;
  table: DataTable;
  width: number;
  panels: readonly ChartPanel[];
  showTitle?: boolean;
  legend?: readonly LegendItem[];
  legendTitle?: string;
  /** Trusted markup for `<defs>` (patterns built by the components, never data). */
  definitions?: readonly string[];
  /** Short notes drawn under the chart (escaped), e.g. what the SII line means. */
  notes?: readonly string[];
}

const TITLE_SIZE = 15;
const PADDING = 4;

const PLOT_ATTRIBUTES_TO_DROP = new Set([
  "class",
  "width",
  "height",
  "viewBox",
  "xmlns",
  "style",
  "font-size",
]);

function panelMarkup(panel: ChartPanel, y: number, ids: IdRenamer): { markup: string; bottom: number } {
  const node = panel.plot as unknown as DomNode;
  const attributes = attributesOf(node);
  const kept = Object.entries(attributes)
    .filter(([name]) => !PLOT_ATTRIBUTES_TO_DROP.has(name))
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");
  const x = panel.x ?? 0;
  const top = y + (panel.y ?? 0);
  const content = serialiseChildren(node, ids, (child) => child.localName === "style");
  const height = Number(attributes.height ?? 0);
  return {
    markup: `<g transform="translate(${x},${top})"${kept} font-size="${CHART_FONT_SIZE}">${content}</g>`,
    bottom: top + height,
  };
}

/** Builds the `ChartOutput`: the SVG markup with its title, description and table. */
export function composeChart(input: ComposeInput): ChartOutput {
  const { id, title, description, width } = input;
  const ids = new IdRenamer(id);
  const parts: string[] = [];
  let y = PADDING;
  if (input.showTitle !== false) {
    const lines = wrapText(title, width - 2 * PADDING, TITLE_SIZE, true);
    const spans = lines
      .map(
        (line, index) =>
          `<tspan x="${PADDING}" dy="${index === 0 ? "1em" : "1.25em"}">${escapeXml(line)}</tspan>`,
      )
      .join("");
    parts.push(
      `<text aria-hidden="true" x="${PADDING}" y="${y}" font-size="${TITLE_SIZE}" font-weight="bold" fill="#000000">${spans}</text>`,
    );
    y += Math.round(lines.length * TITLE_SIZE * 1.25) + 8;
  }
  if (input.legend && input.legend.length > 0) {
    const legend = renderLegend(input.legend, width - 2 * PADDING, input.legendTitle);
    parts.push(`<g transform="translate(${PADDING},${y})">${legend.markup}</g>`);
    y += legend.height + 6;
  }
  let bottom = y;
  for (const panel of input.panels) {
    const rendered = panelMarkup(panel, y, ids);
    parts.push(rendered.markup);
    bottom = Math.max(bottom, rendered.bottom);
  }
  for (const note of input.notes ?? []) {
    const lines = wrapText(note, width - 2 * PADDING, 11);
    for (const line of lines) {
      bottom += 15;
      parts.push(
        `<text x="${PADDING}" y="${bottom}" font-size="11" fill="#404040">${escapeXml(line)}</text>`,
      );
    }
  }
  const height = Math.ceil(bottom + PADDING);
  const definitions = input.definitions?.length ? `<defs>${input.definitions.join("")}</defs>` : "";
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="ntg-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
    ` role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif" font-size="${CHART_FONT_SIZE}"` +
    ` style="max-width:100%;height:auto">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>` +
    `${definitions}<rect width="${width}" height="${height}" fill="#ffffff"/>${parts.join("")}</svg>`;
  return { svg, title, description, table: input.table };
}
