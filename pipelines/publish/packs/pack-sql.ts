/** Small SQL helpers for the pack queries: literal lists of codes and whether a table exists. */
import { quoteLiteral } from "../../warehouse/warehouse.ts";

/** `('a', 'b')` for `IN`; `(NULL)` for an empty list so the query stays valid and matches nothing. */
export function sqlList(values: readonly string[]): string {
  return values.length === 0 ? "(NULL)" : `(${values.map(quoteLiteral).join(", ")})`;
}

/** Whether every named table or view is in the warehouse (packs skip sections whose tables are absent). */
export function hasTables(tables: ReadonlySet<string>, ...names: string[]): boolean {
  return names.every((name) => tables.has(name));
}
