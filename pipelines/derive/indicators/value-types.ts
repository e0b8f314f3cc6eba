/**
 * How a catalogue value type (table `indicator`.value_type) maps onto the statistics models: percentages and
 * proportions get Wilson intervals and the chi-square test for trend, rates Byar's/exact Poisson intervals,
 * counts Poisson intervals of the count; scores, indices, ratios, means and years get no interval from
 * counts. Counts are not benchmarked or ranked (areas differ in size).
 */
import type { IndicatorValueType } from "../../../models/statistics/index.ts";

export function modelValueType(catalogueValueType: string): IndicatorValueType {
  switch (catalogueValueType) {
    case "percentage":
    case "proportion":
      return "proportion";
    case "rate":
      return "rate";
    case "count":
      return "count";
    case "ratio":
      return "ratio";
    case "mean":
      return "mean";
    case "score":
    case "index":
      return "score";
    default:
      return "other";
  }
}

/** Whether areas can be benchmarked and ranked on this value type (not on raw counts). */
export function isComparable(catalogueValueType: string): boolean {
  return modelValueType(catalogueValueType) !== "count";
}
