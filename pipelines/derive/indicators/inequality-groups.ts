/**
 * Pools a county's LSOAs into deprivation quantiles for the slope index of inequality: the quantile of each
 * LSOA comes from the `deprivationQuantiles` model (national: from the national IMD rank and the edition's
 * LSOA count, reproducing the published decile columns; within the county: re-ranked among its own LSOAs),
 * and each quantile's value is Σ numerators / Σ denominators with its 95% interval from the
 * `indicatorIntervals` model. Proportions are pooled on the 0..1 scale (the SII model simulates them on the
 * logit scale and applies the multiplier); rates at their published multiplier (log scale).
 */
import {
  deprivationQuantiles,
  type InequalityGroup,
  indicatorIntervals,
} from "../../../models/statistics/index.ts";

export interface SmallArea {
  code: string;
  numerator: number;
  denominator: number;
  nationalRank: number;
}

export interface QuantileScheme {
  name: string;
  method: "national" | "within-area";
  quantiles: 5 | 10;
}

export const QUANTILE_SCHEMES: readonly QuantileScheme[] = [
  { name: "national deciles", method: "national", quantiles: 10 },
  { name: "national quintiles", method: "national", quantiles: 5 },
  { name: "county deciles", method: "within-area", quantiles: 10 },
  { name: "county quintiles", method: "within-area", quantiles: 5 },
];

export interface PooledGroup extends InequalityGroup {
  quantile: number;
  smallAreas: number;
  /** The pooled count (published so disclosure control can protect the group's value). */
  numerator: number;
}

/** Quantile (1 = most deprived) of each small area under a scheme. */
export function assignQuantiles(
  areas: readonly SmallArea[],
  scheme: QuantileScheme,
  edition: number,
): number[] {
  const ranks = areas.map((area) => area.nationalRank);
  const quantiles =
    scheme.method === "national"
      ? deprivationQuantiles(ranks, { quantiles: scheme.quantiles, method: "national", edition })
      : deprivationQuantiles(ranks, { quantiles: scheme.quantiles, method: "within-area" });
  return quantiles.map((q) => q ?? 0);
}

/** Pooled groups in order from most to least deprived, leaving out quantiles with no small area. */
export function pooledGroups(
  areas: readonly SmallArea[],
  quantiles: readonly number[],
  count: number,
  modelType: "proportion" | "rate",
  multiplier: number,
): PooledGroup[] {
  const groups: PooledGroup[] = [];
  for (let q = 1; q <= count; q++) {
    const members = areas.filter((_, i) => quantiles[i] === q);
    if (members.length === 0) continue;
    const numerator = members.reduce((sum, area) => sum + area.numerator, 0);
    const denominator = members.reduce((sum, area) => sum + area.denominator, 0);
    const scale = modelType === "proportion" ? 1 : multiplier;
    const interval = indicatorIntervals(numerator, denominator, { valueType: modelType, multiplier: scale });
    groups.push({
      quantile: q,
      smallAreas: members.length,
      numerator,
      population: denominator,
      value: interval.value,
      lower: interval.lower95,
      upper: interval.upper95,
    });
  }
  return groups;
}
