/**
 * Disclosure control for one result about to be published (a page's query, a CLI export): which columns
 * are counts, which are computed from them, which totals the result shows — by column name unless the
 * caller declares otherwise (`column-roles.ts`) — then `protectTables` with the indicator counts already
 * suppressed for every output, and finally the values that repeat a suppressed indicator value of another
 * row, area or period (`county_value`, `best_value`, `baseline` …).
 */
import { SchemaError } from "../../../models/errors.ts";
import { type AreaHierarchy, areaTotals } from "./area-totals.ts";
import { defaultReferences, isCountColumn, isDependentColumn, type ValueReference } from "./column-roles.ts";
import type { DependentColumn, DisclosureSummary, TableRow, TotalRelation } from "./disclosure-types.ts";
import { indicatorCellKey, rowCell } from "./indicator-cells.ts";
import { protectTables } from "./protect-tables.ts";

/** What a caller may say about a result beyond the defaults (a notebook's front matter `disclosure:`). */
export interface RoleDeclaration {
  /** More count columns than those found by name. */
  counts?: readonly string[];
  /** Columns named like counts that count no people or households (e.g. areas). */
  notCounts?: readonly string[];
  /** Column → the count columns of its row it is computed from. */
  dependents?: Readonly<Record<string, readonly string[]>>;
  /** `{ parts, total }`: columns adding up to a column; `{ groups }`: rows adding up to a total shown elsewhere. */
  totals?: readonly ({ parts: readonly string[]; total: string } | { groups: readonly string[] })[];
  /** Rows of localities, districts and the county add up by the area hierarchy (default true). */
  areas?: boolean;
}

export interface ResultRoles {
  counts: string[];
  dependents: DependentColumn[];
  totals: TotalRelation[];
  references: ValueReference[];
  derived: { column: string; from: string[] }[];
  /** Whether numerator/denominator are indicator cells (the result has indicator, area_code and period). */
  indicatorCells: boolean;
}

export interface ProtectionContext {
  threshold: number;
  marker: string;
  hierarchy: AreaHierarchy;
  /** Indicator count keys suppressed for every output (see `indicatorCellKey`). */
  hidden: ReadonlySet<string>;
  countyCode: string | null;
  englandCode: string | null;
}

export interface ProtectedResult {
  /** Rows as published: the marker in every suppressed cell. */
  rows: Record<string, unknown>[];
  suppressedColumns: string[][];
  /** Every column under control (counts, and figures computed from or repeating them). */
  controlled: string[];
  summary: DisclosureSummary;
}

/** The roles of a result's columns: defaults by name, then the declaration. */
export function resolveRoles(
  columns: readonly string[],
  rows: readonly TableRow[],
  declaration: RoleDeclaration,
  hierarchy: AreaHierarchy,
  where: string,
): ResultRoles {
  const known = new Set(columns);
  const check = (names: readonly string[], key: string) => {
    const unknown = names.filter((name) => !known.has(name));
    if (unknown.length > 0)
      throw new SchemaError(
        `${where}: disclosure ${key}: no column "${unknown[0]}" in the result (columns: ${columns.join(", ")})`,
      );
  };
  const notCounts = new Set(declaration.notCounts ?? []);
  check([...notCounts], "notCounts");
  check(declaration.counts ?? [], "counts");
  check(
    (declaration.totals ?? []).flatMap((total) =>
      "parts" in total ? [...total.parts, total.total] : total.groups,
    ),
    "totals",
  );
  // The columns of a declared column total are counts too (a total is a count of the same people).
  const totalColumns = (declaration.totals ?? []).flatMap((total) =>
    "parts" in total ? [...total.parts, total.total] : [],
  );
  const counts = [
    ...new Set([
      ...columns.filter((column) => isCountColumn(column)),
      ...(declaration.counts ?? []),
      ...totalColumns,
    ]),
  ].filter((column) => !notCounts.has(column));
  const rowCounts = counts.filter((column) => column === "numerator" || column === "denominator");
  const dependentFrom = rowCounts.length > 0 ? rowCounts : counts;
  const dependents: DependentColumn[] =
    dependentFrom.length === 0
      ? []
      : columns
          .filter((column) => isDependentColumn(column) && !counts.includes(column))
          .map((column) => ({ column, from: dependentFrom }));
  for (const [column, from] of Object.entries(declaration.dependents ?? {})) {
    check([column, ...from], `dependents.${column}`);
    dependents.push({ column, from: [...from] });
  }
  const totals: TotalRelation[] = [];
  if (declaration.areas !== false && known.has("area_code"))
    totals.push(...areaTotals(rows, counts, hierarchy));
  for (const total of declaration.totals ?? []) {
    if ("parts" in total) {
      check([...total.parts, total.total], "totals");
      totals.push({ kind: "columns", parts: [...total.parts], total: total.total });
    } else {
      check(total.groups, "totals");
      const groupOf = (row: TableRow) =>
        total.groups.map((column) => String(row[column] ?? "")).join("\u0000");
      totals.push({
        kind: "rows",
        columns: counts,
        partOf: groupOf,
        totalOf: () => null,
        externalTotal: true,
      });
    }
  }
  const { references, derived } = defaultReferences(columns);
  return {
    counts,
    dependents,
    totals,
    references,
    derived,
    indicatorCells: ["indicator", "area_code", "period"].every((column) => known.has(column)),
  };
}

/** Protects a result's rows with its roles; the caller's rows are not changed. */
export function protectResult(
  name: string,
  rows: readonly TableRow[],
  roles: ResultRoles,
  context: ProtectionContext,
): ProtectedResult {
  const indexOf = new Map(rows.map((row, index) => [row, index]));
  const cellKey = (row: TableRow, column: string): string => {
    if (roles.indicatorCells && (column === "numerator" || column === "denominator")) {
      const cell = rowCell(row);
      if (cell) return indicatorCellKey(cell, column);
    }
    return `${name}\u0000${indexOf.get(row)}\u0000${column}`;
  };
  const result = protectTables(
    [{ name, rows, counts: roles.counts, totals: roles.totals, dependents: roles.dependents, cellKey }],
    { threshold: context.threshold, marker: context.marker, hidden: context.hidden },
  );
  const table = result.tables[0]!;
  const isHidden = (key: string) => context.hidden.has(key) || result.hidden.has(key);
  let dependent = result.summary.dependent;
  table.rows.forEach((published, r) => {
    const suppressed = table.suppressedColumns[r]!;
    const hide = (column: string) => {
      if (suppressed.includes(column)) return;
      suppressed.push(column);
      published[column] = context.marker;
      dependent++;
    };
    for (const reference of roles.references) {
      const cell = referencedCell(rows[r]!, reference, context);
      if (
        cell &&
        (isHidden(indicatorCellKey(cell, "numerator")) || isHidden(indicatorCellKey(cell, "denominator")))
      )
        hide(reference.column);
    }
    for (const rule of roles.derived)
      if (rule.from.some((column) => suppressed.includes(column))) hide(rule.column);
  });
  const controlled = [
    ...new Set([
      ...roles.counts,
      ...roles.dependents.map((rule) => rule.column),
      ...roles.references.map((reference) => reference.column),
      ...roles.derived.map((rule) => rule.column),
    ]),
  ];
  return {
    rows: table.rows,
    suppressedColumns: table.suppressedColumns,
    controlled,
    summary: { ...result.summary, dependent },
  };
}

function referencedCell(row: TableRow, reference: ValueReference, context: ProtectionContext) {
  const area =
    "column" in reference.area
      ? row[reference.area.column]
      : reference.area.role === "county"
        ? (row.county_code ?? context.countyCode)
        : (row.england_code ?? context.englandCode);
  return rowCell(row, area, row[reference.period ?? "period"]);
}
