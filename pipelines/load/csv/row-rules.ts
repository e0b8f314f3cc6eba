/**
 * Row-level validation of a staged file in SQL: each rule is a predicate that is TRUE for a bad row, with
 * the column it concerns and a reason. Every failure is written to `reject` (a row failing two rules appears
 * twice, once per reason), and `acceptedRowsFilter` excludes all of them from the load.
 */
import { displayPath } from "../../config/read-yaml-config.ts";
import { quoteIdentifier, quoteLiteral, type Warehouse } from "../../warehouse/warehouse.ts";

export interface RowRule {
  /** SQL predicate over the staged columns, TRUE when the row is bad. Must not be NULL for good rows. */
  isBad: string;
  /** Column the problem is in (its header name), or null for whole-row problems. */
  column: string | null;
  /** SQL expression for the reason text (use quoteLiteral for a fixed reason). */
  reason: string;
}

/** Records every rule failure in `reject`; returns the number of distinct rows rejected. */
export async function rejectBadRows(
  warehouse: Warehouse,
  stagedView: string,
  sourceId: string,
  file: string,
  rules: RowRule[],
): Promise<number> {
  if (rules.length === 0) return 0;
  const selects = rules.map(
    (rule) =>
      `SELECT _line, ${rule.column ? quoteLiteral(rule.column) : "NULL"} AS column_name, ${
        rule.column ? `${quoteIdentifier(rule.column)}` : "NULL"
      } AS value, ${rule.reason} AS reason FROM ${stagedView} WHERE coalesce(${rule.isBad}, false)`,
  );
  await warehouse.run(
    `INSERT INTO reject (source, file, line, column_name, value, reason)
     SELECT ${quoteLiteral(sourceId)}, ${quoteLiteral(displayPath(file))}, _line, column_name, value, reason
     FROM (${selects.join(" UNION ALL ")}) ORDER BY _line, column_name`,
  );
  return (
    (await warehouse.scalar<number>(
      `SELECT count(*) FROM ${stagedView} WHERE ${rules.map((rule) => `coalesce(${rule.isBad}, false)`).join(" OR ")}`,
    )) ?? 0
  );
}

/** A WHERE condition that keeps only rows passing every rule. */
export function acceptedRowsFilter(rules: RowRule[]): string {
  if (rules.length === 0) return "true";
  return `NOT (${rules.map((rule) => `coalesce(${rule.isBad}, false)`).join(" OR ")})`;
}
