/**
 * The need measures a scenario may name (METHODS.md §8 "need from a deprivation measure"), each computed
 * for every recipient from the warehouse (recipient-measures.ts). A measure is either a count for the
 * whole area (people, or people × score) or a per-head rate that the target formula multiplies by the
 * recipient's population (Tᵢ = Pot × popᵢ × needᵢ / Σ pop × need).
 *
 * `average-score` (per head) and `population-x-average-score` (a count) give the same target; both are
 * offered so a scenario can say which one it means, and tables can show the score itself.
 */
import type { NeedMeasure } from "../../models/allocation/index.ts";

export const NEED_MEASURE_NAMES = [
  "income-deprived-people",
  "employment-deprived-people",
  "extent",
  "population-x-average-score",
  "average-score",
  "population",
] as const;

export type NeedMeasureName = (typeof NEED_MEASURE_NAMES)[number];

export interface NeedMeasureDefinition {
  /** `count`: already counts the whole area; `per-head`: a rate multiplied by the population. */
  basis: "count" | "per-head";
  label: string;
  definition: string;
}

export const NEED_MEASURES: Record<NeedMeasureName, NeedMeasureDefinition> = {
  "income-deprived-people": {
    basis: "count",
    label: "income-deprived people",
    definition:
      "Σ area_link weight × IoD 2019 income domain numerator (indicator iod2019-income-deprived-people) over the recipient's 2011 LSOAs",
  },
  "employment-deprived-people": {
    basis: "count",
    label: "employment-deprived people",
    definition:
      "Σ area_link weight × IoD 2019 employment domain numerator (indicator iod2019-employment-deprived-people) over the recipient's 2011 LSOAs",
  },
  extent: {
    basis: "per-head",
    label: "IMD 2019 extent",
    definition:
      "IoD 2019 extent (population-weighted share living in the most deprived 30% of LSOAs, sliding scale), multiplied by the population",
  },
  "population-x-average-score": {
    basis: "count",
    label: "population × IMD 2019 average score",
    definition: "the recipient's population × its population-weighted average IMD 2019 score",
  },
  "average-score": {
    basis: "per-head",
    label: "IMD 2019 average score",
    definition:
      "population-weighted average IMD 2019 score, multiplied by the population (same target as population-x-average-score)",
  },
  population: {
    basis: "count",
    label: "population",
    definition: "the scenario's population (e.g. mid-2015 IoD File 6, or an ONS mid-year estimate)",
  },
};

/**
 * The model's need measure for a named measure: `population` is the model's built-in count; the others
 * are keys of `Recipient.need` with the catalogue's basis.
 *
 * @example modelNeedMeasure({ measure: "extent", weight: 0.5 }) // { measure: "extent", weight: 0.5, basis: "per-head" }
 */
export function modelNeedMeasure(measure: { measure: NeedMeasureName; weight: number }): NeedMeasure {
  if (measure.measure === "population") return { measure: "population", weight: measure.weight };
  return { measure: measure.measure, weight: measure.weight, basis: NEED_MEASURES[measure.measure].basis };
}
