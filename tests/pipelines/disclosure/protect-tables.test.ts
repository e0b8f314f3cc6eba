/**
 * Statistical disclosure control (METHODS.md §9): small counts hidden, secondary suppression so no hidden
 * count can be recovered from published totals (checked with exact rational arithmetic, independently of
 * the module's own check), rates from hidden counts hidden, the caller's rows untouched. Property tests run
 * with a fixed seed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DisclosureTable,
  determinedCells,
  protectTable,
  protectTables,
} from "../../../pipelines/publish/disclosure/index.ts";

const SEED = 20090401;

/** A two-way table: parts a..(columns), a total column, and a total row ("all"). */
function twoWayTable(values: number[][]): DisclosureTable {
  const columns = values[0]!.map((_, c) => `c${c}`);
  const rows: Record<string, unknown>[] = values.map((row, r) => ({
    area: `r${r}`,
    ...Object.fromEntries(row.map((value, c) => [`c${c}`, value])),
    total: row.reduce((sum, value) => sum + value, 0),
  }));
  const totalRow: Record<string, unknown> = { area: "all" };
  for (const column of [...columns, "total"])
    totalRow[column] = rows.reduce((sum, row) => sum + (row[column] as number), 0);
  rows.push(totalRow);
  for (const row of rows) row.rate = (row.c0 as number) / Math.max(1, row.total as number);
  return {
    name: "two-way",
    rows,
    counts: [...columns, "total"],
    totals: [
      { kind: "columns", parts: columns, total: "total" },
      {
        kind: "rows",
        columns: [...columns, "total"],
        partOf: (row) => (row.area === "all" ? null : "all"),
        totalOf: (row) => (row.area === "all" ? "all" : null),
      },
    ],
    dependents: [{ column: "rate", from: ["c0", "total"] }],
  };
}

/** Exact rational row reduction (BigInt fractions): the hidden cells a reader can compute. */
function recoverable(table: DisclosureTable, hidden: Set<string>): string[] {
  const key = (r: number, column: string) => `${r}:${column}`;
  const equations: Map<string, bigint>[] = [];
  for (const relation of table.totals ?? []) {
    if (relation.kind === "columns") {
      table.rows.forEach((_, r) => {
        const terms = new Map<string, bigint>();
        for (const part of relation.parts) terms.set(key(r, part), 1n);
        terms.set(key(r, relation.total), -1n);
        equations.push(terms);
      });
    } else {
      const total = table.rows.findIndex((row, r) => relation.totalOf(row, r) !== null);
      for (const column of relation.columns) {
        const terms = new Map<string, bigint>([[key(total, column), -1n]]);
        table.rows.forEach((row, r) => {
          if (relation.partOf(row, r) !== null) terms.set(key(r, column), 1n);
        });
        equations.push(terms);
      }
    }
  }
  const unknowns = [...hidden];
  type Fraction = [bigint, bigint];
  const matrix: Fraction[][] = equations.map((terms) => unknowns.map((u) => [terms.get(u) ?? 0n, 1n]));
  const sub = (a: Fraction, b: Fraction): Fraction => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]];
  const mul = (a: Fraction, b: Fraction): Fraction => [a[0] * b[0], a[1] * b[1]];
  const div = (a: Fraction, b: Fraction): Fraction => [a[0] * b[1], a[1] * b[0]];
  let row = 0;
  const pivots: [number, number][] = [];
  for (let c = 0; c < unknowns.length && row < matrix.length; c++) {
    const found = matrix.findIndex((line, r) => r >= row && line[c]![0] !== 0n);
    if (found < 0) continue;
    [matrix[row], matrix[found]] = [matrix[found]!, matrix[row]!];
    const pivot = matrix[row]![c]!;
    matrix[row] = matrix[row]!.map((entry) => div(entry, pivot));
    for (let r = 0; r < matrix.length; r++) {
      const factor = matrix[r]![c]!;
      if (r !== row && factor[0] !== 0n)
        matrix[r] = matrix[r]!.map((entry, k) => sub(entry, mul(factor, matrix[row]![k]!)));
    }
    pivots.push([row, c]);
    row++;
  }
  return pivots
    .filter(([r]) => matrix[r]!.filter((entry) => entry[0] !== 0n).length === 1)
    .map(([, c]) => unknowns[c]!);
}

function hiddenCells(table: DisclosureTable, published: Record<string, unknown>[]): Set<string> {
  const hidden = new Set<string>();
  published.forEach((row, r) => {
    for (const column of table.counts) if (row[column] === "*") hidden.add(`${r}:${column}`);
  });
  return hidden;
}

describe("protectTable", () => {
  it("hides 1–4 but not 0 or 5, and a second cell of the same row total", () => {
    const table: DisclosureTable = {
      name: "households",
      rows: [{ a: 3, b: 0, c: 10, d: 5, total: 18 }],
      counts: ["a", "b", "c", "d", "total"],
      totals: [{ kind: "columns", parts: ["a", "b", "c", "d"], total: "total" }],
    };
    const result = protectTable(table);
    expect(result.rows[0]).toEqual({ a: "*", b: 0, c: 10, d: "*", total: 18 });
    expect(result.suppressedColumns[0]).toEqual(["a", "d"]);
    expect(table.rows[0]).toEqual({ a: 3, b: 0, c: 10, d: 5, total: 18 });
  });

  it("takes the threshold and marker from the options; threshold 0 hides nothing", () => {
    const table: DisclosureTable = { name: "t", rows: [{ n: 7 }, { n: 2 }], counts: ["n"] };
    expect(protectTable(table, { threshold: 10, marker: "c" }).rows).toEqual([{ n: "c" }, { n: "c" }]);
    expect(protectTable(table, { threshold: 0 }).rows).toEqual([{ n: 7 }, { n: 2 }]);
  });

  it("hides rates and limits computed from a hidden count, and weighted parts of a total row", () => {
    const rows = [
      { area: "P", numerator: 3.5 * 0.5 + 20 + 30, denominator: 300, value: 17.25 },
      { area: "L1", numerator: 3.5, denominator: 100, value: 3.5, weight: 0.5 },
      { area: "L2", numerator: 20, denominator: 100, value: 20, weight: 1 },
      { area: "L3", numerator: 30, denominator: 150, value: 20, weight: 1 },
    ];
    const result = protectTable({
      name: "weighted",
      rows,
      counts: ["numerator", "denominator"],
      totals: [
        {
          kind: "rows",
          columns: ["numerator"],
          partOf: (row) => (row.area === "P" ? null : "P"),
          totalOf: (row) => (row.area === "P" ? "P" : null),
          weight: (row) => row.weight as number,
        },
      ],
      dependents: [{ column: "value", from: ["numerator", "denominator"] }],
    });
    expect(result.rows.map((row) => [row.numerator, row.value])).toEqual([
      [51.75, 17.25],
      ["*", "*"],
      ["*", "*"],
      [30, 20],
    ]);
  });

  it("hides a cell everywhere it is published when tables share its key", () => {
    const cellKey = (row: Record<string, unknown>, column: string) => `${String(row.area)}|${column}`;
    const breakdown: DisclosureTable = {
      name: "breakdown",
      rows: [
        { area: "all", n: 22 },
        { area: "x", n: 2 },
        { area: "y", n: 8 },
        { area: "z", n: 12 },
      ],
      counts: ["n"],
      totals: [
        {
          kind: "rows",
          columns: ["n"],
          partOf: (row) => (row.area === "all" ? null : "all"),
          totalOf: (row) => (row.area === "all" ? "all" : null),
        },
      ],
      cellKey,
    };
    const ranking: DisclosureTable = { name: "ranking", rows: [{ area: "y", n: 8 }], counts: ["n"], cellKey };
    const [first, second] = protectTables([breakdown, ranking]).tables;
    expect(first!.rows.map((row) => row.n)).toEqual([22, "*", "*", 12]);
    expect(second!.rows[0]!.n).toBe("*");
  });

  it("hides a cell bridging two suppressed rectangles, which every per-equation check passes", () => {
    // Rows r0,r1 × columns c0,c1 and rows r2,r3 × columns c2,c3 form two rectangles of small counts;
    // a small cell at (r0, c2) joins them and would be the difference of the published margins.
    const values = [
      [2, 2, 1, 40],
      [2, 2, 30, 40],
      [30, 30, 2, 2],
      [30, 30, 2, 2],
    ];
    const table = twoWayTable(values);
    const published = protectTable(table).rows;
    const hidden = hiddenCells(table, published);
    expect(hidden.has("0:c2")).toBe(true);
    expect(recoverable(table, hidden)).toEqual([]);
  });

  it("determinedCells finds values fixed by a combination of equations", () => {
    const terms = (...keys: string[]) => keys.map((key) => ({ key, coefficient: 1 }));
    expect([...determinedCells([terms("a", "b"), terms("b", "c"), terms("a", "c")])].sort()).toEqual([
      "a",
      "b",
      "c",
    ]);
    expect([...determinedCells([terms("a", "b"), terms("c", "d")])]).toEqual([]);
  });

  it("property: no published count is 1–4, no hidden count is recoverable, rates follow their counts", () => {
    const tableValues = fc
      .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }))
      .chain(([rows, columns]) =>
        fc.array(
          fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 5, max: 60 })), {
            minLength: columns,
            maxLength: columns,
          }),
          { minLength: rows, maxLength: rows },
        ),
      );
    fc.assert(
      fc.property(tableValues, (values) => {
        const table = twoWayTable(values);
        const before = JSON.stringify(table.rows);
        const published = protectTable(table).rows;
        expect(JSON.stringify(table.rows)).toBe(before);
        published.forEach((row, r) => {
          for (const column of table.counts) {
            const value = row[column];
            if (typeof value === "number") {
              expect(value === 0 || value >= 5).toBe(true);
              expect(value).toBe(table.rows[r]![column]);
            }
          }
          if (row.c0 === "*" || row.total === "*") expect(row.rate).toBe("*");
          else expect(row.rate).toBe(table.rows[r]!.rate);
        });
        expect(recoverable(table, hiddenCells(table, published))).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
