/**
 * Numbers as people read them in tables and statements: £ with thousands separators and pence, signed £
 * for gains and losses, percentages with one decimal. Written out by hand (through the models'
 * `formatPounds`) so the text is the same in every locale and in the browser.
 */
import { formatPounds } from "../../models/allocation/index.ts";

/** £ with pence, e.g. 127000 → "£127,000.00"; null → "". */
export function pounds(value: number | null): string {
  return value === null ? "" : formatPounds(Math.round(value * 100));
}

/** A gain or loss in £ with its sign, e.g. "+£43,000.00", "−£127,000.00", "£0.00". */
export function signedPounds(value: number | null): string {
  if (value === null) return "";
  return value > 0 ? `+${pounds(value)}` : pounds(value);
}

/** A fraction as a percentage with one decimal, e.g. 0.1587 → "15.9%"; null → "". */
export function percent(value: number | null): string {
  return value === null ? "" : `${(value * 100).toFixed(1)}%`;
}

/** A signed fraction as a percentage, e.g. 0.465 → "+46.5%", −0.3 → "−30.0%". */
export function signedPercent(value: number | null): string {
  if (value === null) return "";
  const text = percent(Math.abs(value));
  const sign = text === "0.0%" ? "" : value > 0 ? "+" : "−";
  return `${sign}${text}`;
}

/** A ratio with two decimals and ×, e.g. 3.3333 → "3.33×"; null → "n/a". */
export function times(value: number | null): string {
  return value === null ? "n/a" : `${value.toFixed(2)}×`;
}

/**
 * An aligned text table of already-formatted cells; columns whose index is in `right` (money, %) are
 * right-aligned so digits line up.
 */
export function textTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number>,
): string {
  const widths = headers.map((header, c) =>
    Math.max(header.length, ...rows.map((row) => (row[c] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}
