/**
 * Side-by-side comparison of allocation scenarios (METHODS.md §8, "Compare scenarios side by side"):
 * per recipient and scenario £, £ per head, £ per deprived person, share, distance from the
 * need-weighted target and gain or loss against a baseline; and how far each scenario departs from
 * each other one.
 */
import { ModelInputError } from "../errors.ts";
import {
  type AllocationScenario,
  type ScenarioDeparture,
  type ScenarioSummary,
  scenarioDeparture,
  scenarioSummary,
} from "./scenario-departures.ts";
import type { AllocationRow } from "./types.ts";

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

export interface AllocationComparison {
  /** Recipient by recipient (in the first scenario's order), scenario by scenario within each. */
  rows: ComparisonRow[];
  scenarios: ScenarioSummary[];
  /** Every ordered pair of different scenarios. */
  departures: ScenarioDeparture[];
  baselineId: string | null;
}

function checkScenarios(scenarios: readonly AllocationScenario[], baselineId: string | undefined): void {
  if (!scenarios || scenarios.length === 0) {
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
  const codes = scenarios[0]!.result.rows.map((row) => row.code);
  for (const scenario of scenarios) {
    const own = new Set(scenario.result.rows.map((row) => row.code));
    if (own.size !== codes.length || !codes.every((code) => own.has(code))) {
      throw new ModelInputError(
        `compareAllocations: scenario "${scenario.id}" has different recipients from "${scenarios[0]!.id}"`,
        "compare scenarios over the same recipients",
      );
    }
  }
}

function comparisonRow(
  scenario: AllocationScenario,
  row: AllocationRow,
  base: AllocationRow | undefined,
): ComparisonRow {
  const { code, name, amount, perHead, perDeprivedPerson, share, targetAmount, distanceFromTarget } = row;
  const changeFromBaseline = base
    ? (Math.round(amount * 100) - Math.round(base.amount * 100)) / 100
    : row.changeFromBaseline;
  const { id: scenarioId, label: scenarioLabel } = scenario;
  return {
    code,
    name,
    scenarioId,
    scenarioLabel,
    amount,
    perHead,
    perDeprivedPerson,
    share,
    targetAmount,
    distanceFromTarget,
    changeFromBaseline,
  };
}

/**
 * Compare allocation scenarios side by side, with gains and losses against a baseline scenario (when
 * `baselineId` is given) or else against each recipient's own baseline allocation.
 *
 * @throws {ModelInputError} for no scenarios, a repeated id, an unknown baseline id, or scenarios over
 *   different recipients.
 * @example
 * // Made-up districts of the tests: 2008/09 split against need-weighted by income-deprived people.
 * compareAllocations([{ id: "abg", label: "2008/09", result: abg }, { id: "need", label: "By need", result: need }], "abg").departures[0]
 * // { fromId: "abg", toId: "need", moneyMoved: 104000, shareOfPotMoved: 0.13, maxRelativeDifference: 0.4565…, maxRelativeDifferenceCode: "E07000222" }
 */
export function compareAllocations(
  scenarios: readonly AllocationScenario[],
  baselineId?: string,
): AllocationComparison {
  checkScenarios(scenarios, baselineId);
  const byCode = scenarios.map(({ result }) => new Map(result.rows.map((row) => [row.code, row])));
  const baseline = byCode[scenarios.findIndex(({ id }) => id === baselineId)];
  const rows = scenarios[0]!.result.rows.flatMap(({ code }) =>
    scenarios.map((scenario, s) => comparisonRow(scenario, byCode[s]!.get(code)!, baseline?.get(code))),
  );
  const departures = scenarios.flatMap((from) =>
    scenarios.filter((to) => to !== from).map((to) => scenarioDeparture(from, to)),
  );
  return { rows, scenarios: scenarios.map(scenarioSummary), departures, baselineId: baselineId ?? null };
}
