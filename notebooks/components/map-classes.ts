/**
 * Colour classes for choropleth maps. Maps use threshold scales (a continuous ramp would need a canvas to
 * draw its legend, and classes are easier to read off anyway): thresholds come from the caller or are
 * equal intervals on a "nice" step, and each class gets a legend label that says exactly which values it
 * holds ("10 to under 20", or "3 to 4" for whole-number data such as deprivation deciles).
 */
import { formatValue } from "./format-number.ts";

/** A step of 1, 2, 2.5 or 5 times a power of ten, close to `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Equal-interval thresholds on a nice step giving about `classes` classes over the values' range.
 *
 * @example niceThresholds([3, 48], 5) // [10, 20, 30, 40]
 */
export function niceThresholds(values: readonly number[], classes = 5): number[] {
  if (values.length === 0) return [];
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (low === high) return [];
  const step = niceStep((high - low) / classes);
  const digits = Math.max(0, 1 - Math.floor(Math.log10(step)));
  const thresholds: number[] = [];
  for (let multiple = Math.floor(low / step) + 1; multiple * step <= high; multiple++) {
    thresholds.push(Number((multiple * step).toFixed(digits)));
  }
  return thresholds.length > 0 ? thresholds : [low + (high - low) / 2];
}

/** Index of the class a value falls in (value ≥ threshold moves up a class, as d3's threshold scale). */
export function classIndex(value: number, thresholds: readonly number[]): number {
  let index = 0;
  while (index < thresholds.length && value >= (thresholds[index] as number)) index++;
  return index;
}

/** A legend label for each of the `thresholds.length + 1` classes. */
export function classLabels(
  thresholds: readonly number[],
  values: readonly number[],
  decimals: number,
  unit: string,
): string[] {
  const show = (value: number) => formatValue(value, decimals, unit);
  const wholeNumbers =
    values.length > 0 && values.every(Number.isInteger) && thresholds.every(Number.isInteger);
  const count = thresholds.length + 1;
  return Array.from({ length: count }, (_unused, index) => {
    const lower = thresholds[index - 1];
    const upper = thresholds[index];
    if (wholeNumbers) {
      const inClass = values.filter((value) => classIndex(value, thresholds) === index);
      const from = lower ?? (inClass.length > 0 ? Math.min(...inClass) : (upper as number) - 1);
      if (upper === undefined && inClass.length === 0) return `${show(from)} and over`;
      const to = upper === undefined ? Math.max(...inClass) : upper - 1;
      return from >= to ? show(from) : `${show(from)} to ${show(to)}`;
    }
    if (lower === undefined) return `Under ${show(upper as number)}`;
    if (upper === undefined) return `${show(lower)} and over`;
    return `${show(lower)} to under ${show(upper)}`;
  });
}
