/**
 * The table half of the spine chart: indicator names (wrapped to two lines, with the unit unless it is
 * "%") and the area, county and England values in right-aligned columns, with their headings. Drawn by
 * Plot text marks anchored to the left edge of the spine and offset into the left margin.
 */
import * as Plot from "@observablehq/plot";
import { type PlacedSpineRow, type SpineRow, spineRowDecimals } from "./spine-geometry.ts";
import { estimateTextWidth, truncateText, wrapText } from "./text-layout.ts";

export const SPINE_ROW_HEIGHT = 38;
const NAME_WIDTH = 250;

export interface SpineLabels {
  areaName: string;
  countyLabel: string;
  englandLabel: string;
}

/**
 * Width of each value column: room for the longest word of any heading (in bold: a word cannot wrap) and
 * the widest value, between 72 and 120 pixels.
 */
function valueColumnWidth(labels: SpineLabels, values: readonly string[]): number {
  const words = [labels.areaName, labels.countyLabel, labels.englandLabel].flatMap((text) =>
    text.split(/\s+/),
  );
  const widest = Math.max(
    ...words.map((word) => estimateTextWidth(word, 12, true)),
    ...values.map((value) => estimateTextWidth(value, 12)),
  );
  return Math.round(Math.min(120, Math.max(72, widest + 10)));
}

/** Width of the name and value columns: the spine chart's left margin. */
export function spineColumnsWidth(valueWidth: number): number {
  return NAME_WIDTH + 3 * valueWidth + 16;
}

/** Indicator names wrapped to two lines at most (the second cut with "…"). */
function wrapName(name: string): string {
  const lines = wrapText(name, NAME_WIDTH - 8, 12);
  if (lines.length <= 2) return lines.join("\n");
  return `${lines[0]}\n${truncateText(lines.slice(1).join(" "), NAME_WIDTH - 8, 12)}`;
}

/** The unit goes with the name ("…, per 100,000") so the value columns stay narrow; "%" stays on values. */
function nameWithUnit(row: SpineRow): string {
  return row.unit && row.unit !== "%" ? `${row.name} (${row.unit})` : row.name;
}

/** The name and value columns as Plot marks, and the left margin they need. */
export function spineColumnMarks(
  placed: readonly PlacedSpineRow[],
  labels: SpineLabels,
): { marks: Plot.Markish[]; marginLeft: number } {
  const key = (row: { id: string }) => row.id;
  const values = placed.flatMap((row) =>
    [row.value, row.county, row.england].map((value, column) => ({
      id: row.id,
      column,
      text: spineRowDecimals(row).format(value),
    })),
  );
  const valueWidth = valueColumnWidth(
    labels,
    values.map((cell) => cell.text),
  );
  const marginLeft = spineColumnsWidth(valueWidth);
  /** Offset from the spine's left edge to the right edge of value column 0, 1 or 2. */
  const columnDx = (column: number) => NAME_WIDTH + (column + 1) * valueWidth - marginLeft;
  const headers = [labels.areaName, labels.countyLabel, labels.englandLabel].map((text, column) => ({
    text: wrapText(text, valueWidth - 10, 12, true)
      .slice(0, 3)
      .join("\n"),
    column,
  }));
  const marks: Plot.Markish[] = [
    Plot.text(placed, {
      y: key,
      text: (row) => wrapName(nameWithUnit(row)),
      frameAnchor: "left",
      textAnchor: "start",
      dx: 4 - marginLeft,
      lineHeight: 1.15,
    }),
    ...[0, 1, 2].map((column) =>
      Plot.text(
        values.filter((cell) => cell.column === column),
        {
          y: key,
          text: "text",
          frameAnchor: "left",
          textAnchor: "end",
          dx: columnDx(column),
          fontVariant: "tabular-nums",
        },
      ),
    ),
    Plot.text(
      placed.filter((row) => row.position.worst === null),
      { y: key, x: 0, text: () => "no range to compare", fill: "#404040", dy: -12 },
    ),
    ...headers.map((header) =>
      Plot.text([header.text], {
        frameAnchor: "top-left",
        dx: columnDx(header.column),
        textAnchor: "end",
        lineAnchor: "bottom",
        dy: -6,
        fontWeight: "bold",
      }),
    ),
    Plot.text([{ text: "Indicator" }], {
      frameAnchor: "top-left",
      dx: 4 - marginLeft,
      textAnchor: "start",
      lineAnchor: "bottom",
      dy: -6,
      text: "text",
      fontWeight: "bold",
    }),
  ];
  return { marks, marginLeft };
}
