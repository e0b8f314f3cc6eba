/**
 * How figures read in reports and tables: four significant figures (whole numbers from 1,000 up, with
 * separators), a dash for a missing value, and an explicit sign for changes.
 */

/**
 * A figure for display.
 *
 * @example formatFigure(613.088) // → "613.1";  formatFigure(-0.03333) // → "-0.03333";  formatFigure(null) // → "–"
 */
export function formatFigure(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  if (Math.abs(value) >= 1000) return value.toLocaleString("en-GB", { maximumFractionDigits: 0 });
  return value.toLocaleString("en-GB", { maximumSignificantDigits: 4 });
}

/**
 * A change for display, with its sign.
 *
 * @example formatSignedFigure(0.5) // → "+0.5";  formatSignedFigure(-2) // → "-2"
 */
export function formatSignedFigure(value: number | null | undefined): string {
  const text = formatFigure(value);
  return value !== null && value !== undefined && value > 0 ? `+${text}` : text;
}

/** Rounds the numbers of table rows to `decimals` places for the text table (CSV/JSON keep full precision). */
export function roundRows(rows: unknown[][], decimals = 3): unknown[][] {
  const factor = 10 ** decimals;
  return rows.map((row) =>
    row.map((value) =>
      typeof value === "number" && !Number.isInteger(value) ? Math.round(value * factor) / factor : value,
    ),
  );
}
