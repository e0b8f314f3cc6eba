/**
 * Money helpers: the allocation models work in whole pence (integers held in doubles, exact up to
 * 2^53 pence) so totals never drift; pounds appear only at the edges.
 */
import { ModelInputError } from "../errors.ts";

/** Largest pot accepted: £10 trillion keeps every penny count far below 2^53. */
const MAXIMUM_POUNDS = 1e13;

/**
 * Converts a £ amount to whole pence, refusing sub-penny amounts and non-finite values.
 *
 * @throws {ModelInputError} when the amount is negative, not finite, too large or not whole pence.
 * @example toWholePence("allocate", "pot", 800000) // 80000000
 */
export function toWholePence(functionName: string, label: string, pounds: number): number {
  if (!Number.isFinite(pounds) || pounds < 0 || pounds > MAXIMUM_POUNDS) {
    throw new ModelInputError(
      `${functionName}: ${label} must be a finite amount of £0 or more (got ${pounds})`,
    );
  }
  const pence = Math.round(pounds * 100);
  if (Math.abs(pounds * 100 - pence) > 1e-6 * Math.max(1, pence)) {
    throw new ModelInputError(`${functionName}: ${label} must be whole pence (got £${pounds})`);
  }
  return pence;
}

/**
 * Formats whole pence as pounds with thousands separators, e.g. 80000000 → "£800,000.00". Written
 * out by hand so the text is the same in every locale and browser.
 *
 * @example formatPounds(12345678) // "£123,456.78"
 */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? "−" : "";
  const fixed = (Math.abs(Math.round(pence)) / 100).toFixed(2);
  const [whole = "0", fraction = "00"] = fixed.split(".");
  return `${sign}£${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
}

/** Whole pence back to pounds (exactly representable to the penny as the nearest double). */
export function penceToPounds(pence: number): number {
  return Math.round(pence) / 100;
}
