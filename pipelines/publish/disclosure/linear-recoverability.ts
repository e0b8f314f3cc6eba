/**
 * Which hidden cells a reader could still work out from the published totals. Each total relationship is
 * a linear equation Σ coefficient × cell = 0 (the total with coefficient −1); once the published cells are
 * moved to the right-hand side, the hidden cells form a linear system. A hidden cell is determined exactly
 * when its unit vector lies in the row space of that system, i.e. when the reduced row echelon form has a
 * row with a single non-zero entry (in that cell's column). This catches recoveries that need several
 * equations at once (e.g. a cell bridging two suppressed rectangles of a two-way table), which the
 * "at least two hidden cells in every equation" rule misses.
 */

export interface LinearTerm {
  key: string;
  coefficient: number;
}

const EPSILON = 1e-9;

/**
 * The hidden cells that the equations determine. `equations` hold only terms for hidden cells (published
 * ones are constants). Work is split by connected component so large tables with a few hidden cells stay
 * cheap.
 *
 * @example determinedCells([[{key:"a",coefficient:1},{key:"b",coefficient:1}], [{key:"b",coefficient:1}]]) // Set {"a","b"}
 */
export function determinedCells(equations: readonly (readonly LinearTerm[])[]): Set<string> {
  const determined = new Set<string>();
  for (const component of connectedComponents(equations.filter((terms) => terms.length > 0))) {
    for (const key of solveComponent(component)) determined.add(key);
  }
  return determined;
}

/** Groups equations that share hidden cells (union-find over cell keys). */
function connectedComponents(equations: readonly (readonly LinearTerm[])[]): LinearTerm[][][] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let node = key; node !== root; ) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const terms of equations) {
    for (const term of terms) if (!parent.has(term.key)) parent.set(term.key, term.key);
    for (const term of terms.slice(1)) parent.set(find(term.key), find(terms[0]!.key));
  }
  const groups = new Map<string, LinearTerm[][]>();
  for (const terms of equations) {
    const root = find(terms[0]!.key);
    const group = groups.get(root) ?? [];
    group.push([...terms]);
    groups.set(root, group);
  }
  return [...groups.values()];
}

/** Gauss–Jordan elimination with partial pivoting; returns the keys whose reduced row is a unit vector. */
function solveComponent(equations: readonly LinearTerm[][]): string[] {
  const keys = [...new Set(equations.flatMap((terms) => terms.map((term) => term.key)))];
  const column = new Map(keys.map((key, index) => [key, index]));
  const matrix = equations.map((terms) => {
    const row = new Array<number>(keys.length).fill(0);
    for (const term of terms) row[column.get(term.key)!]! += term.coefficient;
    return row;
  });
  let pivotRow = 0;
  const pivots: [number, number][] = [];
  for (let c = 0; c < keys.length && pivotRow < matrix.length; c++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < matrix.length; r++)
      if (Math.abs(matrix[r]![c]!) > Math.abs(matrix[best]![c]!)) best = r;
    if (Math.abs(matrix[best]![c]!) < EPSILON) continue;
    [matrix[pivotRow], matrix[best]] = [matrix[best]!, matrix[pivotRow]!];
    const pivot = matrix[pivotRow]!;
    const scale = pivot[c]!;
    for (let k = 0; k < keys.length; k++) pivot[k]! /= scale;
    for (let r = 0; r < matrix.length; r++) {
      if (r === pivotRow) continue;
      const factor = matrix[r]![c]!;
      if (Math.abs(factor) < EPSILON) continue;
      const target = matrix[r]!;
      for (let k = 0; k < keys.length; k++) target[k]! -= factor * pivot[k]!;
    }
    pivots.push([pivotRow, c]);
    pivotRow++;
  }
  return pivots
    .filter(([r]) => matrix[r]!.filter((entry) => Math.abs(entry) > EPSILON).length === 1)
    .map(([, c]) => keys[c]!);
}
