import { describe, expect, it } from "vitest";
import { ColumnValues } from "../../../../pipelines/load/csv/sql-values.ts";
import { Warehouse } from "../../../../pipelines/warehouse/warehouse.ts";

describe("text cells", () => {
  it("trim and blank to NULL exactly as nullif(trim(cell), '') does, while skipping cells that need no trim", async () => {
    const warehouse = await Warehouse.open(":memory:");
    try {
      const text = new ColumnValues([]).text("cell");
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
      const rows = await warehouse.rows<{ cell: string | null; fast: string | null; plain: string | null }>(
        `SELECT cell, ${text} AS fast, nullif(trim(cell), '') AS plain
         FROM (SELECT unnest(string_split($1, '|')) AS cell UNION ALL SELECT NULL)`,
        [cells.join("|")],
      );
      expect(rows).toHaveLength(cells.length + 1);
      for (const row of rows) expect(row.fast, JSON.stringify(row.cell)).toBe(row.plain);
      expect(rows.find((row) => row.cell === "\u00a0a")?.fast).toBe("a");
    } finally {
      warehouse.close();
    }
  });

  it("read numbers exactly as casting the trimmed text without thousands separators does", async () => {
    const warehouse = await Warehouse.open(":memory:");
    try {
      const number = new ColumnValues([]).number("cell");
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
      const rows = await warehouse.rows<{ cell: string | null; fast: number | null; plain: number | null }>(
        `SELECT cell, ${number} AS fast, TRY_CAST(replace(trim(cell), ',', '') AS DOUBLE) AS plain
         FROM (SELECT unnest(string_split($1, '|')) AS cell UNION ALL SELECT NULL)`,
        [cells.join("|")],
      );
      expect(rows).toHaveLength(cells.length + 1);
      for (const row of rows) expect(row.fast, JSON.stringify(row.cell)).toStrictEqual(row.plain);
      expect(rows.find((row) => row.cell === "1,296")?.fast).toBe(1296);
    } finally {
      warehouse.close();
    }
  });
});
