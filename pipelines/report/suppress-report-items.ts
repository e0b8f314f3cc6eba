/**
 * Disclosure control for the quarterly exception report: an item's latest or baseline figure computed from
 * a suppressed count (the same cells as on the site, `readPublishedSuppression`) is withheld, with the
 * annual changes and projection derived from it (latest − baseline over the years would give it back), and
 * the item's notes say so. Statuses stay: they say whether a target is on track, not what the count is.
 */
import {
  DEFAULT_AGE,
  DEFAULT_SEX,
  indicatorCellKey,
  type PublishedSuppression,
  suppressedRange,
} from "../publish/disclosure/index.ts";
import type { ReportItem } from "./exception-candidates.ts";

const SEXES = new Set(["Male", "Female", "Persons"]);

/** Sex and age of an item from its breakdown ("Female", "65+", "Male, 65+"; none = Persons, All ages). */
function breakdownCell(breakdown: string | null): { sex: string; age: string } {
  if (!breakdown) return { sex: DEFAULT_SEX, age: DEFAULT_AGE };
  const [first = "", second] = breakdown.split(", ");
  if (second !== undefined) return { sex: first, age: second };
  return SEXES.has(first) ? { sex: first, age: DEFAULT_AGE } : { sex: DEFAULT_SEX, age: first };
}

export function suppressReportItems(
  items: readonly ReportItem[],
  suppression: PublishedSuppression,
): ReportItem[] {
  return items.map((item) => {
    const hidden = (period: string | null) => {
      if (period === null) return false;
      const cell = {
        indicator: item.indicator,
        areaCode: item.areaCode,
        period,
        ...breakdownCell(item.breakdown),
      };
      return (
        suppression.hidden.has(indicatorCellKey(cell, "numerator")) ||
        suppression.hidden.has(indicatorCellKey(cell, "denominator"))
      );
    };
    const latest = hidden(item.latestPeriod);
    const baseline = hidden(item.baselinePeriod);
    if (!latest && !baseline) return item;
    const withheld: Partial<ReportItem> = { achievedAnnualChange: null };
    if (latest)
      Object.assign(withheld, {
        latest: null,
        requiredAnnualChange: null,
        projected: null,
        projectedLower: null,
        projectedUpper: null,
      });
    if (baseline) withheld.baseline = null;
    const note = `${[latest ? "latest" : "", baseline ? "baseline" : ""].filter(Boolean).join(" and ")} figure suppressed (${suppressedRange(suppression)}: disclosure control)`;
    return { ...item, ...withheld, notes: item.notes ? `${item.notes}; ${note}` : note };
  });
}
