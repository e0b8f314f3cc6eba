/**
 * The comparison in plain words, for a board paper: how far the baseline departs from each alternative
 * (money that would move, largest relative difference), the need per head a fixed baseline split implies
 * against the need the measures show, and the money each scenario places away from the common target.
 */
import { NEED_MEASURES } from "./need-measure-catalogue.ts";
import type { ScenarioComparison, ScenarioRun } from "./scenario-comparison.ts";
import { NEED_BASED_KINDS } from "./scenario-rule.ts";
import { percent, pounds, signedPercent, times } from "./text-formats.ts";

type StatementInputs = Omit<ScenarioComparison, "statements">;

function departureStatements(comparison: StatementInputs, runs: readonly ScenarioRun[]): string[] {
  const byId = new Map(runs.map((run) => [run.inputs.scenario.id, run]));
  const baseline = byId.get(comparison.baselineId ?? "");
  if (!baseline) return [];
  const amountOf = (run: ScenarioRun, code: string) =>
    run.result.rows.find((row) => row.code === code)!.amount;
  return comparison.baselineDepartures.map((departure) => {
    const other = byId.get(departure.toId)!;
    const kind = NEED_BASED_KINDS.has(other.inputs.rule.kind) ? "need-based alternative" : "alternative";
    const code = departure.maxRelativeDifferenceCode;
    const largest =
      code === null
        ? ""
        : (() => {
            const from = amountOf(baseline, code);
            const to = amountOf(other, code);
            const name = baseline.result.rows.find((row) => row.code === code)!.name;
            return `; largest relative difference at ${name}: ${pounds(from)} against ${pounds(to)} (${signedPercent((from - to) / to)})`;
          })();
    return (
      `${baseline.inputs.scenario.title} departs from the ${kind} "${other.inputs.scenario.title}" by ` +
      `${pounds(departure.moneyMoved)} moved (${percent(departure.shareOfPotMoved)} of the pot)${largest}.`
    );
  });
}

function impliedNeedStatements(comparison: StatementInputs, runs: readonly ScenarioRun[]): string[] {
  const first = comparison.impliedNeed[0];
  if (!first) return [];
  const baseline = runs.find((run) => run.inputs.scenario.id === first.scenarioId)!;
  const favoured = [...first.result.rows].sort(
    (a, b) => (b.impliedVersusOthers ?? 0) - (a.impliedVersusOthers ?? 0),
  )[0]!;
  const actual = comparison.impliedNeed.map(({ measure, result }) => {
    const row = result.rows.find((candidate) => candidate.code === favoured.code)!;
    return `${times(row.actualVersusOthers)} by ${NEED_MEASURES[measure].label}`;
  });
  return [
    `${baseline.inputs.scenario.title} gives ${favoured.name} ${pounds(favoured.perHead)} per head, ` +
      `${times(favoured.impliedVersusOthers)} the £ per head of the other recipients together: the implied need ratio. ` +
      `Its need per head relative to the others is ${actual.join(", ")}.`,
  ];
}

function awayFromTargetStatement(comparison: StatementInputs): string {
  const target = comparison.targetNeed.map((name) => NEED_MEASURES[name].label).join(" + ");
  const parts = comparison.scenarios.map(
    (scenario) =>
      `${scenario.label}: ${scenario.moneyAwayFromTarget === null ? "n/a" : pounds(scenario.moneyAwayFromTarget)}`,
  );
  return `Money placed away from the need-weighted target (${target}): ${parts.join("; ")}.`;
}

/** Plain-language statements of a comparison. */
export function comparisonStatements(comparison: StatementInputs, runs: readonly ScenarioRun[]): string[] {
  return [
    ...departureStatements(comparison, runs),
    ...impliedNeedStatements(comparison, runs),
    awayFromTargetStatement(comparison),
  ];
}
