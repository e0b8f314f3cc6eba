/**
 * Sensitivity of a scenario to uncertain need weights (METHODS.md §8, seeded Monte Carlo): each
 * recipient's allocated amount beside the P5, P50 and P95 and mean of its amount over the draws
 * (`allocationSensitivity`), as CSV/JSON (field names below), a table or an XLSX sheet.
 */
import {
  type AllocationResult,
  allocationSensitivity,
  type SensitivityResult,
  type WeightUncertainty,
} from "../../models/allocation/index.ts";
import { formatCsv, formatJson } from "../util/format-table.ts";
import { XLSX_FORMATS, type XlsxSheet } from "../util/xlsx-writer.ts";
import type { AllocationInputs } from "./allocation-inputs.ts";
import { pounds, textTable } from "./text-formats.ts";

export const SENSITIVITY_COLUMNS = ["code", "name", "amount", "p5", "p50", "p95", "mean"] as const;

export interface SensitivityRun {
  inputs: AllocationInputs;
  result: AllocationResult;
  sensitivity: SensitivityResult;
}

/** Runs the sensitivity of a scenario's inputs (pure; the same seed gives the same percentiles). */
export function scenarioSensitivity(
  inputs: AllocationInputs,
  result: AllocationResult,
  options: { draws: number; seed: number; weightUncertainty?: WeightUncertainty },
): SensitivityRun {
  const sensitivity = allocationSensitivity(inputs.pot, inputs.recipients, inputs.rule, options);
  return { inputs, result, sensitivity };
}

function rowsOf(run: SensitivityRun): unknown[][] {
  const amounts = new Map(run.result.rows.map((row) => [row.code, row.amount]));
  return run.sensitivity.rows.map((row) => [
    row.code,
    row.name,
    amounts.get(row.code)!,
    row.p5,
    row.p50,
    row.p95,
    row.mean,
  ]);
}

const roundedToPenny = (value: unknown) => (typeof value === "number" ? value.toFixed(2) : value);

export function sensitivityCsv(run: SensitivityRun): string {
  return formatCsv(
    [...SENSITIVITY_COLUMNS],
    rowsOf(run).map((row) => row.map((value, i) => (i >= 2 ? roundedToPenny(value) : value))),
  );
}

export function sensitivityJson(run: SensitivityRun): string {
  return formatJson([...SENSITIVITY_COLUMNS], rowsOf(run));
}

function settingsLine(run: SensitivityRun): string {
  const { draws, seed, weightUncertainty } = run.sensitivity;
  const { distribution, spread, applyTo } = weightUncertainty;
  return `${draws.toLocaleString("en-GB")} draws, seed ${seed}: each ${applyTo === "recipients" ? "recipient's need weight" : "measure's weight"} × a ${distribution} factor ±${spread * 100}%`;
}

export function sensitivityText(run: SensitivityRun): string {
  const rows = rowsOf(run).map((row) => [
    String(row[0]),
    String(row[1]),
    ...row.slice(2).map((value) => pounds(value as number)),
  ]);
  const lines = [
    `${run.inputs.scenario.title} (${run.inputs.scenario.id}): sensitivity to uncertain need weights`,
    settingsLine(run),
    "",
    textTable(["code", "name", "amount", "P5", "P50", "P95", "mean"], rows, new Set([2, 3, 4, 5, 6])),
    ...run.sensitivity.notes.map((note) => `note: ${note}`),
  ];
  return `${lines.join("\n")}\n`;
}

export function sensitivitySheets(run: SensitivityRun): XlsxSheet[] {
  return [
    {
      name: "Sensitivity",
      columns: SENSITIVITY_COLUMNS.map((header, i) =>
        i >= 2 ? { header, numberFormat: XLSX_FORMATS.pounds } : { header },
      ),
      rows: rowsOf(run),
    },
    {
      name: "Settings",
      columns: [{ header: "setting", width: 120 }],
      rows: [[settingsLine(run)], ...run.sensitivity.notes.map((note) => [note])],
    },
  ];
}
