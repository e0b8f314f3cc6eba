/**
 * Types for the allocation models (METHODS.md §8): who the money goes to, the rule that splits it, and
 * what comes back. Money is in pounds at the edges and in whole pence inside the models.
 */

/** One area that receives money: a district partnership, a locality or any custom area. */
export interface Recipient {
  /** Stable identifier (e.g. ONS code E07000219); unique within one allocation. */
  code: string;
  name: string;
  /** Resident population (must be > 0). */
  population: number;
  /** People counted as deprived (e.g. income-deprived people); gives £ per deprived person. */
  deprivedPopulation?: number;
  /** Need measures by name, e.g. `{ imdScore: 23.1, extent: 0.12 }` (per-head unless a rule says otherwise). */
  need?: Record<string, number>;
  /** Relative cost of delivering the same service here (area cost adjustment); 1 when absent. */
  cost?: number;
  /** Last year's (or another reference) allocation in £, for change and pace of change. */
  baseline?: number;
}

/**
 * One need measure in a target formula. `measure` names a key of `Recipient.need`, or one of the built-in
 * counts `"population"` and `"deprivedPopulation"` (reserved names, always counts).
 */
export interface NeedMeasure {
  measure: string;
  /** Weight of this measure in a blend (default 1); weights are relative, they need not sum to 1. */
  weight?: number;
  /**
   * `"per-head"` (default for `need` keys): the value is a rate or score per person and is multiplied by
   * population; `"count"`: the value already counts people (or need) in the whole area.
   */
  basis?: "per-head" | "count";
}

interface RuleBase {
  /** Amounts are rounded to a multiple of this many pounds (default 0.01 = a penny). */
  roundingUnit?: number;
}

interface FixedRuleBase extends RuleBase {
  /** Need used only for the target and distance from target (default: deprived population). */
  referenceNeed?: NeedMeasure[];
}

/** Fixed amounts per recipient code (e.g. the 2008/09 split); they must sum to the pot. */
export interface TieredRule extends FixedRuleBase {
  kind: "tiered";
  amounts: Record<string, number>;
}

/** The same amount to every recipient. */
export interface EqualRule extends FixedRuleBase {
  kind: "equal";
}

/** In proportion to population. */
export interface PerHeadRule extends FixedRuleBase {
  kind: "per-head";
}

/** In proportion to the need-weighted target: pop × need × cost, need a blend of measures. */
export interface NeedWeightedRule extends RuleBase {
  kind: "need-weighted";
  measures: NeedMeasure[];
}

/** A £ amount for every recipient, or per recipient code (codes not listed have none). */
export type AmountPerRecipient = number | Record<string, number>;

/** Need-weighted, with floors (floor damping by one factor) and optional ceilings. */
export interface NeedWeightedWithFloorsRule extends RuleBase {
  kind: "need-weighted-with-floors";
  measures: NeedMeasure[];
  floor?: AmountPerRecipient;
  ceiling?: AmountPerRecipient;
}

/** From the baseline: minimum growth for all, extra for those far below the need-weighted target. */
export interface PaceOfChangeRule extends RuleBase {
  kind: "pace-of-change";
  measures: NeedMeasure[];
  /** Growth every recipient gets on its baseline, as a fraction (0.02 = 2%; may be negative, > −1). */
  minimumGrowth: number;
  /** Recipients more than this fraction below target (0.05 = 5%) receive extra first. */
  targetTolerance: number;
}

export type AllocationRule =
  | TieredRule
  | EqualRule
  | PerHeadRule
  | NeedWeightedRule
  | NeedWeightedWithFloorsRule
  | PaceOfChangeRule;

export type AllocationRuleKind = AllocationRule["kind"];

/** One recipient's allocation. Field names are the public contract (CSV and JSON columns). */
export interface AllocationRow {
  code: string;
  name: string;
  /** £, rounded to the rounding unit; the amounts sum to the pot exactly to the penny. */
  amount: number;
  /** amount / pot. */
  share: number;
  /** £ per resident. */
  perHead: number;
  /** £ per deprived person; null when deprivedPopulation is missing or 0. */
  perDeprivedPerson: number | null;
  /** The need-weighted target in £ (to the penny); null when the default reference need is unavailable. */
  targetAmount: number | null;
  /** (amount − target) / target; null without a target or when the target is 0. */
  distanceFromTarget: number | null;
  /** amount − baseline in £; null without a baseline. */
  changeFromBaseline: number | null;
}

export interface AllocationResult {
  /** One row per recipient, in the order the recipients were given. */
  rows: AllocationRow[];
  /** The pot in £ (= the sum of the amounts, exactly to the penny). */
  total: number;
  rule: AllocationRule;
  /** The rounding unit used, in £. */
  roundingUnit: number;
  /**
   * Floors: the factor s applied to gains above the floor (1 = no damping; > 1 only when ceilings free
   * more money than the floors cost). Pace of change: the share of the extra that could be paid (≤ 1).
   */
  dampingFactor?: number;
  /** Plain-language notes on choices made (reference need, rounding, damping). */
  notes: string[];
}
