/**
 * Swatch legends drawn as plain SVG (Plot's own legends are HTML, and its colour ramps need a canvas).
 * An item can show a filled swatch, a marker shape, a line sample, or a swatch with a marker on it (the
 * benchmark key, matching the cells of a tartan rug). Items flow left to right and wrap to the width.
 */
import { type ChartSymbol, symbolPath } from "./chart-symbols.ts";
import { escapeXml } from "./escape-xml.ts";
import { estimateTextWidth } from "./text-layout.ts";

export interface LegendItem {
  label: string;
  /** A 14×14 swatch; `fill` may be a colour or `url(#pattern)`. */
  swatch?: { fill: string; stroke?: string };
  /** A marker shape drawn in the middle of the key (on the swatch if both are given). */
  marker?: { symbol: ChartSymbol; fill: string; stroke?: string; area?: number };
  /** A short line sample. */
  line?: { stroke: string; dash?: string; width?: number };
}

export interface RenderedLegend {
  markup: string;
  height: number;
}

const KEY = 14;
const GAP = 6;
const ITEM_SPACING = 22;
const ROW_HEIGHT = 20;
const FONT_SIZE = 12;

function keyMarkup(item: LegendItem): string {
  const parts: string[] = [];
  const centre = KEY / 2;
  if (item.line) {
    const { stroke, dash, width = 2 } = item.line;
    const dashAttribute = dash ? ` stroke-dasharray="${escapeXml(dash)}"` : "";
    parts.push(
      `<line x1="0" x2="${KEY}" y1="${centre}" y2="${centre}" stroke="${escapeXml(stroke)}" stroke-width="${width}"${dashAttribute}/>`,
    );
  }
  if (item.swatch) {
    const stroke = item.swatch.stroke ?? "#333333";
    parts.push(
      `<rect width="${KEY}" height="${KEY}" fill="${escapeXml(item.swatch.fill)}" stroke="${escapeXml(stroke)}" stroke-width="0.75"/>`,
    );
  }
  if (item.marker) {
    const { symbol, fill, stroke, area = 60 } = item.marker;
    const strokeAttribute = stroke ? ` stroke="${escapeXml(stroke)}" stroke-width="0.75"` : "";
    parts.push(
      `<path transform="translate(${centre},${centre})" d="${symbolPath(symbol, area)}" fill="${escapeXml(fill)}"${strokeAttribute}/>`,
    );
  }
  return parts.join("");
}

/** Lays out the items in rows no wider than `width`; an optional title starts the first row. */
export function renderLegend(items: readonly LegendItem[], width: number, title?: string): RenderedLegend {
  if (items.length === 0) return { markup: "", height: 0 };
  const parts: string[] = [];
  let x = 0;
  let row = 0;
  if (title) {
    parts.push(`<text x="0" y="${KEY / 2}" dy="0.35em" font-weight="bold">${escapeXml(title)}</text>`);
    x = estimateTextWidth(title, FONT_SIZE, true) + ITEM_SPACING / 2;
  }
  for (const item of items) {
    const itemWidth = KEY + GAP + estimateTextWidth(item.label, FONT_SIZE);
    if (x > 0 && x + itemWidth > width) {
      row++;
      x = 0;
    }
    const y = row * ROW_HEIGHT;
    parts.push(
      `<g transform="translate(${round(x)},${y})">${keyMarkup(item)}<text x="${KEY + GAP}" y="${KEY / 2}" dy="0.35em">${escapeXml(item.label)}</text></g>`,
    );
    x += itemWidth + ITEM_SPACING;
  }
  return {
    markup: `<g aria-hidden="true" font-size="${FONT_SIZE}" text-anchor="start" fill="#000000">${parts.join("")}</g>`,
    height: (row + 1) * ROW_HEIGHT,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
