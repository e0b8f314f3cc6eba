/**
 * The count cells of the tables protected together and the equations their totals make. A cell is named by
 * its key, so the same number shown in two tables (a priority area's count in the indicator table and in
 * its small-area breakdown) is one cell: hidden in one, hidden in all.
 */
import { ModelInputError } from "../../../models/errors.ts";
import type { DisclosureTable, RowTotal, TableRow } from "./disclosure-types.ts";

export interface CountCell {
  key: string;
  /** The count, or null when the table has no value (not published either way). */
  value: number | null;
  /** Order of first appearance: breaks ties deterministically. */
  order: number;
}

/** Σ coefficient × cell = 0 over the cells of one relationship (the total with coefficient −1). */
export interface TotalEquation {
  terms: { key: string; coefficient: number; isTotal: boolean }[];
}

export interface CellSpace {
  cells: Map<string, CountCell>;
  equations: TotalEquation[];
  /** Key of a table's count cell. */
  keyOf(tableIndex: number, rowIndex: number, column: string): string;
}

function countValue(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Collects the cells and equations of the tables; throws when one key has two different values. */
export function cellSpace(tables: readonly DisclosureTable[]): CellSpace {
  const cells = new Map<string, CountCell>();
  const keyOf = (t: number, r: number, column: string): string => {
    const table = tables[t]!;
    return table.cellKey ? table.cellKey(table.rows[r]!, column) : `${t}\u0000${r}\u0000${column}`;
  };
  tables.forEach((table, t) => {
    table.rows.forEach((row, r) => {
      for (const column of table.counts) {
        const key = keyOf(t, r, column);
        const value = countValue(row[column]);
        const known = cells.get(key);
        if (!known) cells.set(key, { key, value, order: cells.size });
        else if (known.value !== value)
          throw new ModelInputError(
            `protectTables: table "${table.name}" row ${r + 1} column "${column}" has ${value} but the same cell (${key}) is ${known.value} elsewhere`,
            "Cells sharing a key must hold the same count; make cellKey include everything that tells them apart.",
          );
      }
    });
  });
  const equations = tables.flatMap((table, t) => tableEquations(table, (r, column) => keyOf(t, r, column)));
  return { cells, equations, keyOf };
}

function tableEquations(
  table: DisclosureTable,
  keyOf: (rowIndex: number, column: string) => string,
): TotalEquation[] {
  const equations: TotalEquation[] = [];
  for (const relation of table.totals ?? []) {
    if (relation.kind === "columns") {
      table.rows.forEach((_row, r) => {
        equations.push({
          terms: [
            ...relation.parts.map((part) => ({ key: keyOf(r, part), coefficient: 1, isTotal: false })),
            { key: keyOf(r, relation.total), coefficient: -1, isTotal: true },
          ],
        });
      });
    } else {
      equations.push(...rowEquations(table.rows, relation, keyOf));
    }
  }
  return equations.filter((equation) => new Set(equation.terms.map((term) => term.key)).size > 1);
}

function rowEquations(
  rows: readonly TableRow[],
  relation: RowTotal,
  keyOf: (rowIndex: number, column: string) => string,
): TotalEquation[] {
  const parts = new Map<string, { index: number; weight: number }[]>();
  const totals = new Map<string, number>();
  rows.forEach((row, index) => {
    const group = relation.partOf(row, index);
    if (group !== null) {
      const list = parts.get(group) ?? [];
      list.push({ index, weight: relation.weight ? relation.weight(row, index) : 1 });
      parts.set(group, list);
    }
    const total = relation.totalOf(row, index);
    if (total !== null && !totals.has(total)) totals.set(total, index);
  });
  const equations: TotalEquation[] = [];
  for (const [group, members] of parts) {
    const totalIndex = totals.get(group);
    if (totalIndex === undefined && !relation.externalTotal) continue;
    for (const column of relation.columns) {
      const terms = members
        .filter((member) => member.weight !== 0)
        .map((member) => ({ key: keyOf(member.index, column), coefficient: member.weight, isTotal: false }));
      if (totalIndex !== undefined)
        terms.push({ key: keyOf(totalIndex, column), coefficient: -1, isTotal: true });
      equations.push({ terms });
    }
  }
  return equations;
}
