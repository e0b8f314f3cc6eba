/**
 * Types shared by the differential-target models (METHODS.md §6). Kept apart from the algorithms so the
 * public contract — per-area `{ code, target, requiredChange, requiredAnnualChange }` plus a `check`
 * block — is readable in one place.
 */

/** Which direction is better for an indicator: a higher value or a lower one. */
export type TargetPolarity = "high-is-good" | "low-is-good";

/** How locality targets are differentiated around the county target. */
export type DifferentialTargetMethod = "gap-to-county" | "quintile-gap" | "graded";

/** One area's baseline and weight (denominator or population, projected if available). */
export interface TargetAreaInput {
  code: string;
  baseline: number;
  weight: number;
  /** 1 = most deprived. Required for 'quintile-gap' and 'graded'. */
  deprivationRank?: number;
}

/** The county baseline and target, with their periods when known (used for annual change). */
export interface CountyTargetInput {
  baseline: number;
  target: number;
  baselinePeriod?: number;
  targetPeriod?: number;
}

export interface DifferentialTargetsInput {
  polarity: TargetPolarity;
  county: CountyTargetInput;
  areas: readonly TargetAreaInput[];
  method: DifferentialTargetMethod;
  /** The fraction p in [0, 1] by which gaps narrow (for 'graded': the steepness of the gradient). */
  narrowBy: number;
  /** Optional minimum standard F every area's target must reach. */
  floor?: number;
  /** Years from baseline to target; otherwise county.targetPeriod − county.baselinePeriod. */
  years?: number;
}

export interface AreaTarget {
  code: string;
  baseline: number;
  weight: number;
  target: number;
  /** target − baseline, in the indicator's units (positive = an increase). */
  requiredChange: number;
  /** requiredChange / years; null when the number of years is not known. */
  requiredAnnualChange: number | null;
  /** baseline − weighted mean of the areas' baselines. */
  gapBaseline: number;
  /** target − county target (= the weighted mean of the targets). */
  gapTarget: number;
  /** True when the minimum standard F set this area's target. */
  liftedToFloor: boolean;
}

export interface DifferentialTargetsCheck {
  /** Σwᵢτᵢ / Σwᵢ — equals `countyTarget` to 1e-9 relative, or the model throws. */
  weightedMeanOfTargets: number;
  countyTarget: number;
  countyBaseline: number;
  /** Σwᵢbᵢ / Σwᵢ: the baseline the gaps and the county's required improvement are measured from. */
  weightedMeanOfBaselines: number;
  /** Headline gap at baseline, as named by `gapMeasure`. */
  baselineGap: number;
  /** The same headline gap at target. */
  targetGap: number;
  gapMeasure: "weighted mean absolute gap to the county" | "most deprived quintile minus the rest";
  /** 1 − targetGap / baselineGap; null when there is no baseline gap. */
  narrowedBy: number | null;
  /** Codes in the most deprived quintile (by weight), when deprivation ranks were given. */
  mostDeprivedQuintile: string[] | null;
  /** Codes whose targets were lifted to the minimum standard F. */
  liftedToFloor: string[];
}

export interface DifferentialTargetsResult {
  /** One row per area, sorted by code. */
  areas: AreaTarget[];
  check: DifferentialTargetsCheck;
  method: DifferentialTargetMethod;
  parameters: {
    polarity: TargetPolarity;
    narrowBy: number;
    floor: number | null;
    years: number | null;
    totalWeight: number;
  };
}
