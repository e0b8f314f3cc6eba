/**
 * The text description of a trend chart: first and latest values with the change, each comparator's latest
 * value, the target and how far the latest value is from it, and the forecast (meeting the target or not
 * when the indicator has a polarity).
 */
import { hasValue } from "./describe-values.ts";
import { formatChange, formatValue } from "./format-number.ts";
import type { TrendChartOptions, TrendPoint } from "./trend-types.ts";

export function describeTrend(
  sorted: readonly TrendPoint[],
  options: TrendChartOptions & { unit: string; decimals: number },
): string {
  const { unit, decimals, comparators = [], target, forecast = [], polarity = "none" } = options;
  const show = (value: number | null | undefined) => formatValue(value, decimals, unit);
  const present = sorted.filter((point) => hasValue(point.value));
  const first = present[0];
  const latest = present[present.length - 1];
  const sentences: string[] = [];
  if (!first || !latest) {
    sentences.push("There are no values to show.");
  } else if (first === latest) {
    sentences.push(`The only value is ${show(latest.value)} in ${latest.period}.`);
  } else {
    const change = (latest.value as number) - (first.value as number);
    sentences.push(
      `${options.label ?? "The value"} went from ${show(first.value)} in ${first.period} to ${show(latest.value)} in ${latest.period} (${formatChange(change, decimals, unit)}).`,
    );
  }
  for (const comparator of comparators) {
    const last = [...comparator.points]
      .sort((a, b) => a.year - b.year)
      .filter((point) => hasValue(point.value))
      .pop();
    if (last) sentences.push(`${comparator.label}: ${show(last.value)} in ${periodOf(sorted, last.year)}.`);
  }
  if (target) {
    let text = `${target.label ?? "Target"}: ${show(target.value)} by ${periodOf(sorted, target.year)}`;
    if (latest)
      text += `, ${formatChange(target.value - (latest.value as number), decimals, unit)} from the latest value`;
    sentences.push(`${text}.`);
  }
  const last = [...forecast].sort((a, b) => a.year - b.year).pop();
  if (last) {
    let text = `Forecast for ${periodOf(sorted, last.year)}: ${show(last.value)} (range ${show(last.lower)} to ${show(last.upper)})`;
    if (target && polarity !== "none" && last.year >= target.year) {
      const meets = polarity === "high-is-good" ? last.value >= target.value : last.value <= target.value;
      text += meets ? ", which would meet the target" : ", which would miss the target";
    }
    sentences.push(`${text}.`);
  }
  return sentences.join(" ");
}

function periodOf(points: readonly TrendPoint[], year: number): string {
  return points.find((point) => point.year === year)?.period ?? String(year);
}
