/** Row rules shared by the adapters: required codes, known areas, numbers, non-negative counts. */
import { quoteLiteral } from "../warehouse/warehouse.ts";
import type { RowRule } from "./csv/row-rules.ts";
import type { ColumnValues } from "./csv/sql-values.ts";

export function requiredValueRule(values: ColumnValues, column: string, what: string): RowRule {
  return { isBad: `${values.text(column)} IS NULL`, column, reason: quoteLiteral(`missing ${what}`) };
}

/** The code must be a known area of one of `types` (loaded from the lookups). */
export function knownAreaRule(values: ColumnValues, column: string, types: readonly string[]): RowRule {
  const typeList = types.map(quoteLiteral).join(", ");
  return {
    isBad: `${values.text(column)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM area a WHERE a.code = ${values.text(column)} AND a.type IN (${typeList}))`,
    column,
    reason: quoteLiteral(`unknown area code (not a known ${types.join(" or ")} in the loaded lookups)`),
  };
}

export function numberRule(values: ColumnValues, column: string): RowRule {
  return { isBad: values.isNotANumber(column), column, reason: quoteLiteral("not a number") };
}

export function nonNegativeRule(values: ColumnValues, column: string, what = "count"): RowRule {
  return { isBad: `${values.number(column)} < 0`, column, reason: quoteLiteral(`negative ${what}`) };
}

export function wholeNumberRule(values: ColumnValues, column: string, low: number, high?: number): RowRule {
  const value = values.number(column);
  const outside = high === undefined ? `${value} < ${low}` : `(${value} < ${low} OR ${value} > ${high})`;
  return {
    isBad: `(${outside} OR ${value} <> floor(${value}))`,
    column,
    reason: quoteLiteral(
      `must be a whole number ${high === undefined ? `>= ${low}` : `from ${low} to ${high}`}`,
    ),
  };
}
