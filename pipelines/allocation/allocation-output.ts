/**
 * One scenario's allocation as output: CSV and JSON use the models' field names in a fixed order (a
 * contract used by outside checks: code, name, then `ALLOCATION_FIELDS`), money to the penny; the table
 * is for reading (£, %, a title, the total and the notes); XLSX has the allocation and the inputs.
 */
import type { AllocationResult } from "../../models/allocation/index.ts";
import { formatCsv, formatJson } from "../util/format-table.ts";
import { XLSX_FORMATS, type XlsxSheet } from "../util/xlsx-writer.ts";
import type { AllocationInputs } from "./allocation-inputs.ts";
import { NEED_MEASURE_NAMES } from "./need-measure-catalogue.ts";
import { percent, pounds, signedPercent, signedPounds, textTable } from "./text-formats.ts";

/** The output columns, in order (the models' `AllocationRow` field names). */
export const ALLOCATION_COLUMNS = [
  "code",
  "name",
  "amount",
  "share",
  "perHead",
  "perDeprivedPerson",
  "targetAmount",
  "distanceFromTarget",
  "changeFromBaseline",
] as const;

const MONEY_COLUMNS = new Set(["amount", "targetAmount", "changeFromBaseline"]);

/** Money as text with exactly two decimals (400000 → "400000.00"), so CSV shows the pence. */
const penceText = (value: number | null) => (value === null ? null : value.toFixed(2));

export function allocationCsv(result: AllocationResult): string {
  const rows = result.rows.map((row) =>
    ALLOCATION_COLUMNS.map((column) =>
      MONEY_COLUMNS.has(column) ? penceText(row[column] as number | null) : row[column],
    ),
  );
  return formatCsv([...ALLOCATION_COLUMNS], rows);
}

export function allocationJson(result: AllocationResult): string {
  return formatJson(
    [...ALLOCATION_COLUMNS],
    result.rows.map((row) => ALLOCATION_COLUMNS.map((column) => row[column])),
  );
}

/** A title, the human-readable table, the total and the notes. */
export function allocationText(inputs: AllocationInputs, result: AllocationResult): string {
  const { scenario } = inputs;
  const rows = result.rows.map((row) => [
    row.code,
    row.name,
    pounds(row.amount),
    percent(row.share),
    pounds(row.perHead),
    pounds(row.perDeprivedPerson),
    pounds(row.targetAmount),
    signedPercent(row.distanceFromTarget),
    signedPounds(row.changeFromBaseline),
  ]);
  const headers = [
    "code",
    "name",
    "amount",
    "share",
    "£ per head",
    "£ per income-deprived",
    "target",
    "from target",
    `vs ${scenario.baselineId ?? "baseline"}`,
  ];
  const illustrative = inputs.areas.some((area) => area.illustrative)
    ? ["Recipients are ILLUSTRATIVE areas (sources/geography), not official boundaries."]
    : [];
  const lines = [
    `${scenario.title} (${scenario.id})`,
    `pot ${pounds(inputs.pot)} · ${scenario.recipients} · ${scenario.rule} · population ${scenario.population} · rounded to ${pounds(result.roundingUnit)}`,
    "",
    textTable(headers, rows, new Set([2, 3, 4, 5, 6, 7, 8])),
    `total ${pounds(result.total)}`,
    ...[...result.notes, ...illustrative].map((note) => `note: ${note}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** Sheets: the allocation (model field names, £ formats) and the inputs (population, need measures). */
export function allocationSheets(inputs: AllocationInputs, result: AllocationResult): XlsxSheet[] {
  const money = new Set<string>([
    "amount",
    "perHead",
    "perDeprivedPerson",
    "targetAmount",
    "changeFromBaseline",
  ]);
  const ratio = new Set<string>(["share", "distanceFromTarget"]);
  const allocation: XlsxSheet = {
    name: "Allocation",
    columns: ALLOCATION_COLUMNS.map((header) => ({
      header,
      ...(money.has(header)
        ? { numberFormat: XLSX_FORMATS.pounds }
        : ratio.has(header)
          ? { numberFormat: XLSX_FORMATS.percent }
          : {}),
    })),
    rows: result.rows.map((row) => ALLOCATION_COLUMNS.map((column) => row[column])),
  };
  const measureNames = NEED_MEASURE_NAMES.filter((name) => name !== "population");
  const recipientInputs: XlsxSheet = {
    name: "Inputs",
    columns: [
      { header: "code" },
      { header: "name" },
      { header: "population", numberFormat: XLSX_FORMATS.count },
      ...measureNames.map((header) => ({ header, numberFormat: XLSX_FORMATS.decimal })),
      { header: "baseline", numberFormat: XLSX_FORMATS.pounds },
    ],
    rows: inputs.recipients.map((recipient) => [
      recipient.code,
      recipient.name,
      recipient.population,
      ...measureNames.map((name) => recipient.need?.[name] ?? null),
      recipient.baseline ?? null,
    ]),
  };
  const about: XlsxSheet = {
    name: "Scenario",
    columns: [
      { header: "field", width: 16 },
      { header: "value", width: 100 },
    ],
    rows: [
      ["id", inputs.scenario.id],
      ["title", inputs.scenario.title],
      ["description", inputs.scenario.description],
      ["pot", pounds(inputs.pot)],
      ["recipients", inputs.scenario.recipients],
      ["rule", inputs.scenario.rule],
      ["population", inputs.scenario.population],
      ["baseline", inputs.scenario.baselineId],
      ...result.notes.map((note) => ["note", note]),
      ...inputs.measures.map((measure) => [measure.name, measure.definition]),
    ],
  };
  return [allocation, recipientInputs, about];
}
