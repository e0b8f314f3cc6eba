/**
 * How far allocation scenarios depart from each other and from the need-weighted target, in money
 * terms (METHODS.md §8, "Compare scenarios side by side"). Differences are taken in whole pence.
 */
import type { AllocationResult, AllocationRow } from "./types.ts";

export interface AllocationScenario {
  id: string;
  label: string;
  result: AllocationResult;
}

/** How far scenario `fromId` departs from scenario `toId`. */
export interface ScenarioDeparture {
  fromId: string;
  toId: string;
  /** Σ|from − to| / 2: the £ that would have to move to turn one split into the other. */
  moneyMoved: number;
  /** moneyMoved as a share of the `to` scenario's pot. */
  shareOfPotMoved: number;
  /** Largest |from − to| / to over recipients (null when every `to` amount is 0), and where. */
  maxRelativeDifference: number | null;
  maxRelativeDifferenceCode: string | null;
}

export interface ScenarioSummary {
  id: string;
  label: string;
  total: number;
  /** Σ|amount − target| / 2: the £ placed away from the need-weighted target (null without targets). */
  moneyAwayFromTarget: number | null;
}

const toPence = (pounds: number) => Math.round(pounds * 100);

/**
 * The departure of one scenario from another over the same recipients (matched by code).
 *
 * @example scenarioDeparture(abg2008, byIncomeDeprived).moneyMoved // 104000 on the made-up districts of the tests
 */
export function scenarioDeparture(from: AllocationScenario, to: AllocationScenario): ScenarioDeparture {
  const toByCode = new Map<string, AllocationRow>(to.result.rows.map((row) => [row.code, row]));
  let movedPence = 0;
  let maxRelativeDifference: number | null = null;
  let maxRelativeDifferenceCode: string | null = null;
  for (const { code, amount } of from.result.rows) {
    const other = toByCode.get(code)!.amount;
    movedPence += Math.abs(toPence(amount) - toPence(other));
    const relative = other > 0 ? Math.abs(amount - other) / other : null;
    if (relative !== null && (maxRelativeDifference === null || relative > maxRelativeDifference)) {
      maxRelativeDifference = relative;
      maxRelativeDifferenceCode = code;
    }
  }
  const moneyMoved = movedPence / 200;
  const shareOfPotMoved = to.result.total > 0 ? moneyMoved / to.result.total : 0;
  return {
    fromId: from.id,
    toId: to.id,
    moneyMoved,
    shareOfPotMoved,
    maxRelativeDifference,
    maxRelativeDifferenceCode,
  };
}

/**
 * A scenario's total and the money it places away from its need-weighted target.
 *
 * @example scenarioSummary({ id: "equal", label: "Equal", result: equalShares }).moneyAwayFromTarget // 184000 on the made-up districts of the tests
 */
export function scenarioSummary(scenario: AllocationScenario): ScenarioSummary {
  const { rows, total } = scenario.result;
  const hasTargets = rows.every((row) => row.targetAmount !== null);
  const awayPence = rows.reduce(
    (sum, row) => sum + Math.abs(toPence(row.amount) - toPence(row.targetAmount ?? 0)),
    0,
  );
  return {
    id: scenario.id,
    label: scenario.label,
    total,
    moneyAwayFromTarget: hasTargets ? awayPence / 200 : null,
  };
}
