/**
 * The allocation rows reshaped for drawing and describing: scenarios in order of first appearance with
 * the baseline first, recipients ordered by their baseline amount (largest first), each recipient's range
 * across scenarios and its change under every alternative. Also the data table.
 */
import { ModelInputError } from "../../models/errors.ts";
import type { DataTable } from "./types.ts";

export interface AllocationRow {
  code: string;
  name: string;
  scenario: string;
  amount: number;
  perHead?: number;
}

export interface AllocationPoint {
  code: string;
  scenario: string;
  measure: number;
}

export interface AllocationRecipient {
  code: string;
  name: string;
  low: number;
  high: number;
  baseline: number | null;
  changes: Map<string, number>;
}

export interface AllocationView {
  baseline: string;
  alternatives: string[];
  recipients: AllocationRecipient[];
  points: AllocationPoint[];
  nameOf: Map<string, string>;
  totals: Map<string, number>;
}

export function buildAllocationView(
  rows: readonly AllocationRow[],
  baselineOption: string | undefined,
  measure: "amount" | "perHead",
): AllocationView {
  const scenarios = [...new Set(rows.map((row) => row.scenario))];
  const baseline = baselineOption ?? scenarios[0] ?? "";
  if (baselineOption !== undefined && !scenarios.includes(baselineOption)) {
    throw new ModelInputError(
      `allocationComparison: baseline scenario "${baselineOption}" is not in the rows (scenarios: ${scenarios.join(", ")})`,
    );
  }
  const points: AllocationPoint[] = [];
  for (const row of rows) {
    const value = measure === "perHead" ? row.perHead : row.amount;
    if (typeof value === "number" && Number.isFinite(value))
      points.push({ code: row.code, scenario: row.scenario, measure: value });
  }
  const nameOf = new Map(rows.map((row) => [row.code, row.name]));
  const totals = new Map(
    scenarios.map((scenario) => [
      scenario,
      rows.filter((row) => row.scenario === scenario).reduce((sum, row) => sum + row.amount, 0),
    ]),
  );
  const recipients = [...nameOf.keys()].map((code) => {
    const mine = points.filter((point) => point.code === code);
    const base = mine.find((point) => point.scenario === baseline)?.measure ?? null;
    const changes = new Map<string, number>();
    for (const point of mine)
      if (point.scenario !== baseline && base !== null) changes.set(point.scenario, point.measure - base);
    const measures = mine.map((point) => point.measure);
    return {
      code,
      name: nameOf.get(code) ?? code,
      low: Math.min(...measures),
      high: Math.max(...measures),
      baseline: base,
      changes,
    };
  });
  recipients.sort(
    (a, b) => (b.baseline ?? -Infinity) - (a.baseline ?? -Infinity) || a.name.localeCompare(b.name, "en-GB"),
  );
  return {
    baseline,
    alternatives: scenarios.filter((scenario) => scenario !== baseline),
    recipients,
    points,
    nameOf,
    totals,
  };
}

export function allocationTable(view: AllocationView, perHead: boolean): DataTable {
  const scenarios = [view.baseline, ...view.alternatives];
  const round = (value: number | undefined | null) =>
    value === undefined || value === null
      ? null
      : Math.round(value * (perHead ? 100 : 1)) / (perHead ? 100 : 1);
  return {
    columns: [
      "Recipient",
      "Code",
      ...scenarios.map((scenario) => (perHead ? `${scenario} (£ per head)` : `${scenario} (£)`)),
      ...view.alternatives.map((scenario) => `Change under ${scenario} (£${perHead ? " per head" : ""})`),
    ],
    rows: view.recipients.map((recipient) => [
      recipient.name,
      recipient.code,
      ...scenarios.map((scenario) =>
        round(
          view.points.find((point) => point.code === recipient.code && point.scenario === scenario)?.measure,
        ),
      ),
      ...view.alternatives.map((scenario) => round(recipient.changes.get(scenario))),
    ]),
  };
}
