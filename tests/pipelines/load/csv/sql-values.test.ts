import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ColumnValues } from "../../../../pipelines/load/csv/sql-values.ts";
import { Warehouse } from "../../../../pipelines/warehouse/warehouse.ts";

type Row = { cell: string | null; fast: unknown; plain: unknown };

describe("fast forms of the cell expressions", () => {
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await Warehouse.open(":memory:");
  });
  afterAll(() => warehouse.close());

  /** Each cell (and NULL) through the fast expression and the plain one it stands for. */
  async function bothForms(fast: string, plain: string, cells: string[]): Promise<Row[]> {
    const rows = await warehouse.rows<Row>(
      `SELECT cell, ${fast} AS fast, ${plain} AS plain
       FROM (SELECT unnest(string_split($1, '|')) AS cell UNION ALL SELECT NULL)`,
      [cells.join("|")],
    );
    expect(rows).toHaveLength(cells.length + 1);
    for (const row of rows) expect(row.fast, JSON.stringify(row.cell)).toStrictEqual(row.plain);
    return rows;
  }

  it("trim text and blank it to NULL exactly as nullif(trim(cell), '') does", async () => {
    const cells = [
      "",
      " ",
      "  ",
      "a",
      " a",
      "a ",
      " a b ",
      "\ta",
      "a\n",
      "é",
      "é ",
      "\u00a0a",
      "a\u3000",
      "\u2003",
    ];
    const rows = await bothForms(new ColumnValues([]).text("cell"), "nullif(trim(cell), '')", cells);
    expect(rows.find((row) => row.cell === "\u00a0a")?.fast).toBe("a");
  });

  it("read numbers exactly as casting the trimmed text without thousands separators does", async () => {
    const cells = [
      "12",
      " 12 ",
      "1,296",
      " 1,296.5 ",
      "\u00a012",
      "-3.5e2",
      "inf",
      "nan",
      "abc",
      "*",
      "",
      "1 2",
      "0x10",
    ];
    const plain = "TRY_CAST(replace(trim(cell), ',', '') AS DOUBLE)";
    const rows = await bothForms(new ColumnValues([]).number("cell"), plain, cells);
    expect(rows.find((row) => row.cell === "1,296")?.fast).toBe(1296);
  });
});
