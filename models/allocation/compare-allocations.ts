/**
 * Side-by-side comparison of allocation scenarios (METHODS.md §8, "Compare scenarios side by side"):
 * per recipient and scenario £, £ per head, £ per deprived person, share, distance from the
 * need-weighted target and gain or loss against a baseline; and how far each scenario departs from
 * each other one.
 */
import { ModelInputError } from "../errors.ts";
import type { AllocationResult, AllocationRow } from "./types.ts";

export interface AllocationScenario {
  id: string;
  label: string;
  result: AllocationResult;
}

export interface ComparisonRow {
  code: string;
  name: string;
  scenarioId: string;
  scenarioLabel: string;
  amount: number;
  perHead: number;
  perDeprivedPerson: number | null;
  share: number;
  targetAmount: number | null;
  distanceFromTarget: number | null;
  /** £ gain (+) or loss (−) against the baseline scenario, or else against the recipients' own baseline. */
  changeFromBaseline: number | null;
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

export interface AllocationComparison {
  /** Recipient by recipient (in the first scenario's order), scenario by scenario within each. */
  rows: ComparisonRow[];
  scenarios: ScenarioSummary[];
  /** Every ordered pair of different scenarios. */
  departures: ScenarioDeparture[];
  baselineId: string | null;
}

const toPence = (pounds: number) => Math.round(pounds * 100);

function rowsByCode(scenario: AllocationScenario, codes: readonly string[]): Map<string, AllocationRow> {
  const byCode = new Map(scenario.result.rows.map((row) => [row.code, row]));
  const same = byCode.size === codes.length && codes.every((code) => byCode.has(code));
  if (!same) {
    throw new ModelInputError(
      `compareAllocations: scenario "${scenario.id}" has different recipients from the first scenario`,
      "compare scenarios over the same recipients",
    );
  }
  return byCode;
}

function checkScenarios(scenarios: readonly AllocationScenario[], baselineId: string | undefined): void {
  if (!Array.isArray(scenarios) || scenarios.length === 0) {
    throw new ModelInputError("compareAllocations: needs at least one scenario");
  }
  const ids = scenarios.map(({ id }) => id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined)
    throw new ModelInputError(`compareAllocations: scenario id "${repeated}" appears twice`);
  if (baselineId !== undefined && !ids.includes(baselineId)) {
    throw new ModelInputError(
      `compareAllocations: baseline "${baselineId}" is not one of the scenarios (${ids.join(", ")})`,
    );
  }
}

function departure(
  from: AllocationScenario,
  to: AllocationScenario,
  byCode: Map<string, AllocationRow>[],
  codes: string[],
  fromIndex: number,
  toIndex: number,
): ScenarioDeparture {
  let movedPence = 0;
  let maxRelativeDifference: number | null = null;
  let maxRelativeDifferenceCode: string | null = null;
  for (const code of codes) {
    const a = byCode[fromIndex]!.get(code)!.amount;
    const b = byCode[toIndex]!.get(code)!.amount;
    movedPence += Math.abs(toPence(a) - toPence(b));
    const relative = b > 0 ? Math.abs(a - b) / b : null;
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

function summary(scenario: AllocationScenario): ScenarioSummary {
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

/**
 * Compare allocation scenarios side by side, with gains and losses against a baseline scenario (when
 * `baselineId` is given) or else against each recipient's own baseline allocation.
 *
 * @throws {ModelInputError} for no scenarios, a repeated id, an unknown baseline id, or scenarios over
 *   different recipients.
 * @example compareAllocations([{ id: "abg", label: "2008/09", result: abg }, { id: "need", label: "By need", result: need }], "abg").departures[0].moneyMoved // £ moved between the two splits
 */
export function compareAllocations(
  scenarios: readonly AllocationScenario[],
  baselineId?: string,
): AllocationComparison {
  checkScenarios(scenarios, baselineId);
  const codes = scenarios[0]!.result.rows.map((row) => row.code);
  const byCode = scenarios.map((scenario) => rowsByCode(scenario, codes));
  const baseline =
    baselineId === undefined ? undefined : byCode[scenarios.findIndex(({ id }) => id === baselineId)];
  const rows = codes.flatMap((code) =>
    scenarios.map((scenario, s): ComparisonRow => {
      const row = byCode[s]!.get(code)!;
      const base = baseline?.get(code);
      const change = base ? (toPence(row.amount) - toPence(base.amount)) / 100 : row.changeFromBaseline;
      const { name, amount, perHead, perDeprivedPerson, share, targetAmount, distanceFromTarget } = row;
      return {
        code,
        name,
        scenarioId: scenario.id,
        scenarioLabel: scenario.label,
        amount,
        perHead,
        perDeprivedPerson,
        share,
        targetAmount,
        distanceFromTarget,
        changeFromBaseline: change,
      };
    }),
  );
  const departures = scenarios.flatMap((from, f) =>
    scenarios.flatMap((to, t) => (f === t ? [] : [departure(from, to, byCode, codes, f, t)])),
  );
  return { rows, scenarios: scenarios.map(summary), departures, baselineId: baselineId ?? null };
}
