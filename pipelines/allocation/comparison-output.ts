/**
 * A scenario comparison as output. CSV: one row per recipient and scenario with the models'
 * `ComparisonRow` field names (money to the penny). JSON: the whole comparison (rows, scenario totals and
 * money away from target, departures from the baseline, implied need, statements). Table: the same for
 * reading. XLSX: one sheet each.
 */
import { formatCsv } from "../util/format-table.ts";
import { XLSX_FORMATS, type XlsxSheet } from "../util/xlsx-writer.ts";
import { NEED_MEASURES } from "./need-measure-catalogue.ts";
import type { ScenarioComparison } from "./scenario-comparison.ts";
import { percent, pounds, signedPercent, signedPounds, textTable, times } from "./text-formats.ts";

export const COMPARISON_COLUMNS = [
  "code",
  "name",
  "scenarioId",
  "scenarioLabel",
  "amount",
  "share",
  "perHead",
  "perDeprivedPerson",
  "targetAmount",
  "distanceFromTarget",
  "changeFromBaseline",
] as const;

const MONEY = new Set<string>(["amount", "targetAmount", "changeFromBaseline"]);

export function comparisonCsv(comparison: ScenarioComparison): string {
  const rows = comparison.rows.map((row) =>
    COMPARISON_COLUMNS.map((column) => {
      const value = row[column];
      return MONEY.has(column) && typeof value === "number" ? value.toFixed(2) : value;
    }),
  );
  return formatCsv([...COMPARISON_COLUMNS], rows);
}

export function comparisonJson(comparison: ScenarioComparison): string {
  const { rows, scenarios, baselineId, targetNeed, baselineDepartures, impliedNeed, statements } = comparison;
  const json = {
    baselineId,
    targetNeed,
    scenarios,
    rows,
    departures: baselineDepartures,
    impliedNeed,
    statements,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

const nameOf = (comparison: ScenarioComparison, code: string | null) =>
  comparison.rows.find((row) => row.code === code)?.name ?? "";

function departureRows(comparison: ScenarioComparison): string[][] {
  return comparison.baselineDepartures.map((departure) => [
    departure.toId,
    pounds(departure.moneyMoved),
    percent(departure.shareOfPotMoved),
    percent(departure.maxRelativeDifference),
    nameOf(comparison, departure.maxRelativeDifferenceCode),
  ]);
}

function impliedNeedRows(comparison: ScenarioComparison): { headers: string[]; rows: string[][] } {
  const [first] = comparison.impliedNeed;
  if (!first) return { headers: [], rows: [] };
  const headers = [
    "code",
    "name",
    "£ per head",
    "£/head vs others",
    ...comparison.impliedNeed.map(({ measure }) => `need vs others: ${measure}`),
  ];
  const rows = first.result.rows.map((row) => [
    row.code,
    row.name,
    pounds(row.perHead),
    times(row.impliedVersusOthers),
    ...comparison.impliedNeed.map(({ result }) =>
      times(result.rows.find((other) => other.code === row.code)!.actualVersusOthers),
    ),
  ]);
  return { headers, rows };
}

export function comparisonText(comparison: ScenarioComparison, recipientsDescription: string): string {
  const target = comparison.targetNeed.map((name) => NEED_MEASURES[name].label).join(" + ");
  const baseline = comparison.baselineId ?? "baseline";
  const rows = comparison.rows.map((row) => [
    row.code,
    row.name,
    row.scenarioId,
    pounds(row.amount),
    percent(row.share),
    pounds(row.perHead),
    pounds(row.perDeprivedPerson),
    signedPercent(row.distanceFromTarget),
    signedPounds(row.changeFromBaseline),
  ]);
  const headers = [
    "code",
    "name",
    "scenario",
    "amount",
    "share",
    "£ per head",
    "£ per income-deprived",
    "from target",
    `vs ${baseline}`,
  ];
  const lines = [
    `${comparison.scenarios.length} scenarios over ${recipientsDescription} · baseline ${baseline}`,
    `distance from the need-weighted target by ${target} (the same target for every scenario)`,
    "",
    textTable(headers, rows, new Set([3, 4, 5, 6, 7, 8])),
  ];
  if (comparison.baselineDepartures.length > 0) {
    lines.push("", `How far ${baseline} departs from each scenario:`);
    const departureHeaders = ["scenario", "money moved", "of the pot", "largest relative difference", "at"];
    lines.push(textTable(departureHeaders, departureRows(comparison), new Set([1, 2, 3])));
  }
  const implied = impliedNeedRows(comparison);
  if (implied.rows.length > 0) {
    lines.push(
      "",
      `Need implied by ${baseline} (£ per head and need per head, each against all the other recipients together):`,
    );
    lines.push(textTable(implied.headers, implied.rows, new Set(implied.headers.map((_, i) => i).slice(2))));
  }
  lines.push("", ...comparison.statements.map((statement) => `- ${statement}`));
  return `${lines.join("\n")}\n`;
}

export function comparisonSheets(comparison: ScenarioComparison): XlsxSheet[] {
  const pound = { numberFormat: XLSX_FORMATS.pounds };
  const pct = { numberFormat: XLSX_FORMATS.percent };
  const formats: Record<string, object> = {
    amount: pound,
    perHead: pound,
    perDeprivedPerson: pound,
    targetAmount: pound,
    changeFromBaseline: pound,
    share: pct,
    distanceFromTarget: pct,
  };
  const implied = impliedNeedRows(comparison);
  return [
    {
      name: "Comparison",
      columns: COMPARISON_COLUMNS.map((header) => ({ header, ...formats[header] })),
      rows: comparison.rows.map((row) => COMPARISON_COLUMNS.map((column) => row[column])),
    },
    {
      name: "Departures",
      columns: [
        { header: "fromId" },
        { header: "toId" },
        { header: "moneyMoved", ...pound },
        { header: "shareOfPotMoved", ...pct },
        { header: "maxRelativeDifference", ...pct },
        { header: "maxRelativeDifferenceCode" },
      ],
      rows: comparison.baselineDepartures.map((d) => [
        d.fromId,
        d.toId,
        d.moneyMoved,
        d.shareOfPotMoved,
        d.maxRelativeDifference,
        d.maxRelativeDifferenceCode,
      ]),
    },
    { name: "Implied need", columns: implied.headers.map((header) => ({ header })), rows: implied.rows },
    {
      name: "Statements",
      columns: [{ header: "statement", width: 140 }],
      rows: comparison.statements.map((s) => [s]),
    },
  ];
}
