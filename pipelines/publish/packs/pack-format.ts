/**
 * How a pack writes numbers in its HTML, charts and findings: counts grouped ("17,120"), values with the
 * column's decimals, shares as percentages, money in pounds, and the suppression marker passed through
 * unchanged. Exports keep full precision; only the text a reader sees is rounded.
 */
import { formatNumber } from "../../../notebooks/components/index.ts";
import { truncateText } from "../../../notebooks/components/text-layout.ts";
import type { PackColumn } from "./pack-table.ts";

export const NO_DATA = "–";

/** True when the published cell is the suppression marker. */
export function isSuppressed(value: unknown, marker: string): boolean {
  return value === marker;
}

/** A cell as text for the HTML table. */
export function formatCell(value: unknown, column: PackColumn, marker: string): string {
  if (value === null || value === undefined) return NO_DATA;
  if (isSuppressed(value, marker)) return marker;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value !== "number")
    return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (!Number.isFinite(value)) return NO_DATA;
  switch (column.kind) {
    case "count":
      // Imputed and apportioned counts can have fractions; people are shown whole (exports keep them).
      return formatNumber(value, column.decimals ?? 0);
    case "share":
      return `${formatNumber(value * 100, column.decimals ?? 1)}%`;
    case "money":
      return formatPounds(value, column.decimals ?? 0);
    case "value":
      return formatNumber(value, column.decimals ?? 1);
    case "flag":
      return value ? "yes" : "no";
    default:
      return formatNumber(value, column.decimals ?? (Number.isInteger(value) ? 0 : 2));
  }
}

export function formatPounds(value: number, decimals = 0): string {
  const text = formatNumber(Math.abs(value), decimals);
  return value < 0 && text !== formatNumber(0, decimals) ? `-£${text}` : `£${text}`;
}

/** A value with the indicator's unit: "20.4%", "613.1 per 100,000". */
export function withUnit(value: number, unit: string | null | undefined, decimals = 1): string {
  const text = formatNumber(value, decimals);
  if (!unit) return text;
  if (unit.startsWith("%")) return `${text}%`;
  return `${text} ${unit}`;
}

/** A difference with its sign, in percentage points for percentages. */
export function signedDifference(value: number, unit: string | null | undefined, decimals = 1): string {
  const text = formatNumber(value, decimals);
  const signed = value > 0 && text !== formatNumber(0, decimals) ? `+${text}` : text;
  if (unit?.startsWith("%")) return `${signed} percentage points`;
  return unit ? `${signed} ${unit}` : signed;
}

/** "2.3 times", "1.0 times". */
export function times(ratio: number): string {
  return `${formatNumber(ratio, ratio >= 10 ? 0 : 1)} times`;
}

/** A plain share of a whole: "47%" (whole percent) from 0.466. */
export function percent(share: number, decimals = 0): string {
  return `${formatNumber(share * 100, decimals)}%`;
}

/** Lower-cases the first letter of an indicator name for use inside a sentence ("Income …" → "income …"). */
export function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

/** Indicator names without the bracketed source note: "Income deprivation rate (IoD 2019 income domain)" → "Income deprivation rate". */
export function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, "").trim() || name;
}

/**
 * A bar label that fits when drawn bold: the bar chart highlights an area in bold but truncates names as
 * if regular (about 12% narrower), so a long highlighted name would overflow its margin.
 */
export function highlightedLabel(name: string): string {
  return truncateText(name, 176, 12);
}
