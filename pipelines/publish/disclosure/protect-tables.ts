/**
 * Statistical disclosure control for published tables (METHODS.md §9), a pure function over table rows:
 * 1. primary suppression: every count above 0 and below the threshold (default 5, so 1–4) is hidden;
 * 2. secondary suppression: in every total relationship holding exactly one hidden cell, the smallest
 *    published non-zero part (then the total, then a zero) is hidden too, repeated until stable; then an
 *    exact check (linear-recoverability.ts) finds hidden cells still determined by several equations at
 *    once and hides one more cell beside each, until none is;
 * 3. dependent columns (rates, limits, gaps, shares) computed from a hidden count are hidden.
 * Hidden cells show the marker ("*"). The same cell key in several tables is hidden everywhere. Only
 * published copies change: the caller's rows are not modified.
 */
import { type CellSpace, cellSpace, type TotalEquation } from "./disclosure-cells.ts";
import {
  DEFAULT_DISCLOSURE_THRESHOLD,
  DEFAULT_SUPPRESSION_MARKER,
  type DisclosureOptions,
  type DisclosureResult,
  type DisclosureTable,
  type ProtectedTable,
} from "./disclosure-types.ts";
import { determinedCells } from "./linear-recoverability.ts";

/**
 * Protects tables published together.
 *
 * @example protectTables([{ name: "t", rows: [{ a: 3, b: 10, total: 13 }], counts: ["a", "b", "total"], totals: [{ kind: "columns", parts: ["a", "b"], total: "total" }] }]).tables[0].rows // [{ a: "*", b: "*", total: 13 }]
 */
export function protectTables(
  tables: readonly DisclosureTable[],
  options: DisclosureOptions = {},
): DisclosureResult {
  const threshold = options.threshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
  const marker = options.marker ?? DEFAULT_SUPPRESSION_MARKER;
  const space = cellSpace(tables);
  const hidden = new Set<string>();
  for (const cell of space.cells.values())
    if (cell.value !== null && cell.value > 0 && cell.value < threshold) hidden.add(cell.key);
  const primary = hidden.size;
  if (options.hidden) for (const key of space.cells.keys()) if (options.hidden.has(key)) hidden.add(key);
  if (hidden.size > 0) hideUntilUnrecoverable(space, hidden);
  let dependent = 0;
  const protectedTables = tables.map((table, t): ProtectedTable => {
    const suppressedColumns: string[][] = [];
    const rows = table.rows.map((row, r) => {
      const columns = table.counts.filter((column) => hidden.has(space.keyOf(t, r, column)));
      for (const rule of table.dependents ?? []) {
        if (rule.from.some((column) => columns.includes(column)) && !columns.includes(rule.column)) {
          columns.push(rule.column);
          dependent++;
        }
      }
      suppressedColumns.push(columns);
      const published: Record<string, unknown> = { ...row };
      for (const column of columns) published[column] = marker;
      return published;
    });
    return { name: table.name, rows, suppressedColumns };
  });
  return {
    tables: protectedTables,
    summary: { threshold, marker, primary, secondary: hidden.size - primary, dependent },
    hidden,
  };
}

/** Protects one table on its own. */
export function protectTable(table: DisclosureTable, options: DisclosureOptions = {}): ProtectedTable {
  return protectTables([table], options).tables[0]!;
}

/** Cells unknown to a reader: hidden ones and those the table leaves empty. */
function isUnknown(space: CellSpace, hidden: ReadonlySet<string>, key: string): boolean {
  return hidden.has(key) || space.cells.get(key)?.value === null;
}

function hideUntilUnrecoverable(space: CellSpace, hidden: Set<string>): void {
  for (;;) {
    hideSecondPerEquation(space, hidden);
    const relevant = space.equations.filter((equation) => equation.terms.some((t) => hidden.has(t.key)));
    const unknownTerms = relevant.map((equation) =>
      equation.terms
        .filter((term) => isUnknown(space, hidden, term.key))
        .map((term) => ({ key: term.key, coefficient: term.coefficient })),
    );
    const exposed = [...determinedCells(unknownTerms)]
      .filter((key) => hidden.has(key))
      .sort((a, b) => space.cells.get(a)!.order - space.cells.get(b)!.order);
    if (exposed.length === 0) return;
    const beside = relevant.filter((equation) => equation.terms.some((term) => term.key === exposed[0]));
    const next = complementaryCell(space, hidden, beside) ?? complementaryCell(space, hidden, relevant);
    if (!next) return; // every cell of every related equation is already hidden
    hidden.add(next);
  }
}

/** Until stable: an equation with exactly one unknown cell, and that one hidden, gets a second hidden cell. */
function hideSecondPerEquation(space: CellSpace, hidden: Set<string>): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const equation of space.equations) {
      const unknown = equation.terms.filter((term) => isUnknown(space, hidden, term.key));
      if (unknown.length !== 1 || !hidden.has(unknown[0]!.key)) continue;
      const next = complementaryCell(space, hidden, [equation]);
      if (next) {
        hidden.add(next);
        changed = true;
      }
    }
  }
}

/**
 * The published cell to hide next among the equations: the smallest non-zero part (least information
 * lost, and a zero would tell a reader the hidden sum), else the smallest non-zero total, else any zero.
 */
function complementaryCell(
  space: CellSpace,
  hidden: ReadonlySet<string>,
  equations: readonly TotalEquation[],
): string | undefined {
  const candidates = equations
    .flatMap((equation) => equation.terms)
    .filter((term) => !isUnknown(space, hidden, term.key))
    .map((term) => ({ term, cell: space.cells.get(term.key)! }));
  const rank = (isTotal: boolean, value: number) => (value > 0 ? (isTotal ? 1 : 0) : 2);
  candidates.sort(
    (a, b) =>
      rank(a.term.isTotal, a.cell.value!) - rank(b.term.isTotal, b.cell.value!) ||
      a.cell.value! - b.cell.value! ||
      a.cell.order - b.cell.order,
  );
  return candidates[0]?.cell.key;
}
