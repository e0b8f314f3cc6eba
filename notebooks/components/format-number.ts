/**
 * Number formatting for chart labels, descriptions and tables: British English grouping ("12,345.6"), a
 * number of decimals chosen once per chart from its data so a column of values lines up, and units written
 * the way the indicator catalogue spells them ("%" attached, "per 100,000" after a space).
 */

/**
 * Decimal places that show a set of values readably: 0 when every value is a whole number or the largest is
 * 1,000 or more, 1 from 1 upwards, otherwise enough to give about two significant figures (at most 4).
 *
 * @example decimalsFor([12.34, 8.9]) // 1
 * @example decimalsFor([0.034, 0.012]) // 3
 */
export function decimalsFor(values: readonly (number | null | undefined)[]): number {
  const present = values.filter(
    (value): value is number => typeof value === "number" && Number.isFinite(value),
  );
  if (present.length === 0 || present.every((value) => Number.isInteger(value))) return 0;
  const largest = Math.max(...present.map((value) => Math.abs(value)));
  if (largest >= 1000) return 0;
  if (largest >= 1) return 1;
  if (largest === 0) return 0;
  return Math.min(4, Math.max(1, 1 - Math.floor(Math.log10(largest))));
}

const formatters = new Map<number, Intl.NumberFormat>();

/** Formats a number with en-GB grouping and exactly `decimals` places; null or non-finite → "no data". */
export function formatNumber(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "no data";
  let formatter = formatters.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-GB", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(decimals, formatter);
  }
  const text = formatter.format(value);
  return text === `-${formatter.format(0)}` ? formatter.format(0) : text;
}

/** A value with its unit: "24.1%", "312.5 per 100,000", "£1,200". */
export function formatValue(value: number | null | undefined, decimals: number, unit = ""): string {
  const number = formatNumber(value, decimals);
  if (number === "no data" || unit === "") return number;
  if (unit === "£") return number.startsWith("-") ? `-£${number.slice(1)}` : `£${number}`;
  return unit === "%" ? `${number}%` : `${number} ${unit}`;
}

/**
 * A signed change: "+1.2", "-0.4", "0.0", with the unit as `formatValue` writes it, except that a change in
 * a percentage is in percentage points ("-4.5 percentage points", never "-4.5%").
 */
export function formatChange(value: number, decimals: number, unit = ""): string {
  const text =
    unit === "%" ? `${formatNumber(value, decimals)} percentage points` : formatValue(value, decimals, unit);
  return value > 0 && !text.startsWith("+") && formatNumber(value, decimals) !== formatNumber(0, decimals)
    ? `+${text}`
    : text;
}

/** Rounds to `decimals` places for a data table (so the table shows what the chart shows); null stays null. */
export function roundForTable(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** A ratio such as "1.8 times". */
export function formatTimes(ratio: number): string {
  return `${formatNumber(ratio, ratio >= 10 ? 0 : 1)} times`;
}
