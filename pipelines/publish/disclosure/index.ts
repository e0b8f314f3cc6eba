/**
 * Statistical disclosure control for every published output (evidence packs, the site, CLI exports):
 * `protectTables` hides counts from 1 to 4 (configurable), the cells needed so they cannot be recovered
 * from published totals, and the rates computed from them; `protectResult` does it for one query result
 * with column roles found by name; `readPublishedSuppression` protects the county's indicator counts once
 * for every output. See README.md.
 */

export { type AreaHierarchy, areaTotals, EMPTY_HIERARCHY, GROUP_COLUMNS } from "./area-totals.ts";
export { defaultReferences, isCountColumn, isDependentColumn, type ValueReference } from "./column-roles.ts";
export {
  DEFAULT_DISCLOSURE_SETTINGS,
  DISCLOSURE_SETTINGS_FILE,
  type DisclosureSettings,
  readDisclosureSettings,
  SUPPRESSION_MARKERS,
  suppressedRange,
} from "./disclosure-settings.ts";
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
export {
  DEFAULT_AGE,
  DEFAULT_SEX,
  type IndicatorCell,
  type IndicatorCountRow,
  indicatorCellKey,
  indicatorCountTables,
  rowCell,
} from "./indicator-cells.ts";
export { determinedCells, type LinearTerm } from "./linear-recoverability.ts";
export {
  type ProtectedResult,
  type ProtectionContext,
  protectResult,
  type ResultRoles,
  type RoleDeclaration,
  resolveRoles,
} from "./protect-result.ts";
export { protectTable, protectTables } from "./protect-tables.ts";
export {
  ENGLAND_CODE,
  type ExtraAreas,
  outputCounty,
  type PublishedSuppression,
  readAreaHierarchy,
  readPublishedSuppression,
  type SuppressionScope,
} from "./read-published-suppression.ts";
