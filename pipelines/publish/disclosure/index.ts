/**
 * Statistical disclosure control for every published output (evidence packs now; the site and exports
 * can use the same function): `protectTables` hides counts from 1 to 4 (configurable), the cells needed so
 * they cannot be recovered from published totals, and the rates computed from them. See README.md.
 */
export {
  type ColumnTotal,
  DEFAULT_DISCLOSURE_THRESHOLD,
  DEFAULT_SUPPRESSION_MARKER,
  type DependentColumn,
  type DisclosureOptions,
  type DisclosureResult,
  type DisclosureSummary,
  type DisclosureTable,
  type ProtectedTable,
  type RowTotal,
  type TableRow,
  type TotalRelation,
} from "./disclosure-types.ts";
export { determinedCells, type LinearTerm } from "./linear-recoverability.ts";
export { protectTable, protectTables } from "./protect-tables.ts";
