/**
 * The text description of a decile chart: the values at the most and least deprived ends, the highest and
 * lowest quantiles, and what the slope index of inequality says in words.
 */
import { type RankedDecile, type SiiFit, siiText } from "./decile-rank.ts";
import { findExtremes, hasValue } from "./describe-values.ts";
import { formatValue } from "./format-number.ts";

interface DecileDescriptionOptions {
  quantile: string;
  unit: string;
  decimals: number;
  sii: SiiFit | undefined;
}

export function describeDeciles(ranked: readonly RankedDecile[], options: DecileDescriptionOptions): string {
  const { quantile, unit, decimals, sii } = options;
  const show = (value: number | null | undefined) => formatValue(value, decimals, unit);
  const present = ranked.filter((row) => hasValue(row.value));
  const first = present[0];
  const last = present[present.length - 1];
  const extremes = findExtremes(present, (row) => row.value);
  if (!first || !last || !extremes) return `No ${quantile} has a value.`;
  const sentences = [
    `The value is ${show(first.value)} in ${quantile} ${first.decile}${first.decile === 1 ? " (most deprived)" : ""} and ${show(last.value)} in ${quantile} ${last.decile}${last === ranked[ranked.length - 1] ? " (least deprived)" : ""}.`,
    `It is highest in ${quantile} ${extremes.highest.decile} (${show(extremes.highest.value)}) and lowest in ${quantile} ${extremes.lowest.decile} (${show(extremes.lowest.value)}).`,
  ];
  if (sii) {
    const direction =
      sii.sii < 0
        ? "higher in more deprived areas"
        : sii.sii > 0
          ? "lower in more deprived areas"
          : "flat across deprivation";
    const significant =
      sii.lowerSii != null && sii.upperSii != null
        ? sii.lowerSii > 0 || sii.upperSii < 0
          ? "; the interval excludes zero, so the gradient is statistically significant"
          : "; the interval includes zero, so the gradient is not statistically significant"
        : "";
    sentences.push(
      `The slope index of inequality is ${siiText(sii, decimals, unit)}: the fitted line changes by that much from the most to the least deprived end, so values are ${direction}${significant}.`,
    );
  }
  const missing = ranked.filter((row) => !hasValue(row.value)).map((row) => row.decile);
  if (missing.length > 0) sentences.push(`No data for ${quantile} ${missing.join(", ")}.`);
  return sentences.join(" ");
}
