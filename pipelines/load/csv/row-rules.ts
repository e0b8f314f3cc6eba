/**
 * Row-level validation of a staged file in SQL: each rule is a predicate that is TRUE for a bad row, with
 * the column it concerns and a reason. The checked table carries one `_bad` flag (any rule failed), computed
 * once; every failure is then written to `reject` (a row failing two rules appears twice, once per reason)
 * and only rows with `_bad = false` are loaded. For a wide file reshaped to one row per cell, a cell rule
 * rejects that cell only and a row rule every cell of the row (reported once: identical reject rows merge).
 */
import { displayPath } from "../../config/read-yaml-config.ts";
import { quoteIdentifier, quoteLiteral, type Warehouse } from "../../warehouse/warehouse.ts";

export interface RowRule {
  /** SQL predicate over the staged columns, TRUE when the row is bad. NULL counts as good. */
  isBad: string;
  /** Column the problem is in (its header name), or null for whole-row problems. */
  column: string | null;
  /** SQL expression for the reason text (use quoteLiteral for a fixed reason). */
  reason: string;
  /** SQL for the reported column name and value, when they vary by row (files reshaped from wide to long). */
  columnSql?: string;
  valueSql?: string;
}

/** SQL for the `_bad` flag: TRUE when any rule fails. */
export function anyRuleFails(rules: RowRule[]): string {
  if (rules.length === 0) return "false";
  return `(${rules.map((rule) => `coalesce(${rule.isBad}, false)`).join(" OR ")})`;
}

/** Records every rule failure among the rows flagged `_bad` in `reject`; returns the number of such rows. */
export async function rejectBadRows(
  warehouse: Warehouse,
  checkedTable: string,
  sourceId: string,
  file: string,
  rules: RowRule[],
): Promise<number> {
  const badRows = (await warehouse.scalar<number>(`SELECT count(*) FROM ${checkedTable} WHERE _bad`)) ?? 0;
  if (badRows === 0) return 0;
  const selects = rules.map(
    (rule) =>
      `SELECT _line, ${rule.columnSql ?? (rule.column ? quoteLiteral(rule.column) : "NULL")} AS column_name, ${
        rule.valueSql ?? (rule.column ? quoteIdentifier(rule.column) : "NULL")
      } AS value, ${rule.reason} AS reason FROM ${checkedTable} WHERE _bad AND coalesce(${rule.isBad}, false)`,
  );
  await warehouse.run(
    `INSERT INTO reject (source, file, line, column_name, value, reason)
     SELECT DISTINCT ${quoteLiteral(sourceId)}, ${quoteLiteral(displayPath(file))}, _line, column_name, value, reason
     FROM (${selects.join(" UNION ALL ")}) ORDER BY _line, column_name`,
  );
  return badRows;
}
