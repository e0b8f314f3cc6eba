/**
 * The pack's writers on a tiny table with small counts and hostile text, without a warehouse: disclosure
 * control is applied before anything is written; the HTML table escapes every cell and marks counts; the
 * CSV and the XLSX neutralise formulas and show "*"; Parquet keeps typed columns with NULL for suppressed
 * cells and lists them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { protectPackTables } from "../../../pipelines/publish/packs/collect-pack.ts";
import { tableHtml } from "../../../pipelines/publish/packs/html-table.ts";
import { packWorkbook, tableCsv, writeParquetFiles } from "../../../pipelines/publish/packs/pack-exports.ts";
import { col, type PackTable } from "../../../pipelines/publish/packs/pack-table.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { parseCsv, readXlsx } from "./pack-readers.ts";

const TABLE: PackTable = {
  id: "small-areas-test",
  title: "Households <b>& friends</b>",
  description: "A test table.",
  columns: [
    col("area_name", "Area"),
    col("part_of", "Part of", "text", { show: false }),
    col("numerator", "Count", "count"),
    col("denominator", "Households", "count"),
    col("value", "Value", "value"),
  ],
  rows: [
    { area_name: "Whole area", part_of: null, numerator: 40, denominator: 400, value: 10 },
    { area_name: "<script>alert(1)</script>", part_of: "W", numerator: 3, denominator: 100, value: 3 },
    { area_name: "=SUM(A1:A9)", part_of: "W", numerator: 12, denominator: 150, value: 8 },
    { area_name: "@cmd", part_of: "W", numerator: 25, denominator: 150, value: 16.67 },
  ],
  totals: [
    {
      kind: "rows",
      columns: ["numerator", "denominator"],
      partOf: (row) => (row.part_of ? "W" : null),
      totalOf: (row) => (row.part_of ? null : "W"),
    },
  ],
  dependents: [{ column: "value", from: ["numerator", "denominator"] }],
};

describe("pack outputs", () => {
  const { tables, disclosure } = protectPackTables([TABLE], { threshold: 5, marker: "*" });
  const table = tables[0]!;

  it("suppresses the small count, the next smallest part and the rates computed from them", () => {
    expect(disclosure).toMatchObject({ primary: 1, secondary: 1, dependent: 2 });
    expect(table.rows.map((row) => [row.numerator, row.value])).toEqual([
      [40, 10],
      ["*", "*"],
      ["*", "*"],
      [25, 16.67],
    ]);
    expect(TABLE.rows[1]!.numerator).toBe(3);
  });

  it("HTML: every cell escaped, counts marked, suppression explained", () => {
    const html = tableHtml(table, { marker: "*", threshold: 5 });
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Households &lt;b&gt;&amp; friends&lt;/b&gt;");
    expect(html).toMatch(/<td class="num count suppressed">\*<\/td>/);
    expect(html).toMatch(/<td class="num count">40<\/td>/);
    expect(html).toContain("* suppressed: a count from 1 to 4");
    expect(html).not.toContain("Part of");
  });

  it("CSV and XLSX: formulas neutralised, suppressed cells as *", () => {
    const csv = parseCsv(tableCsv(table));
    expect(csv[0]).toEqual(["area_name", "part_of", "numerator", "denominator", "value"]);
    expect(csv.map((row) => row[0])).toEqual([
      "area_name",
      "Whole area",
      "<script>alert(1)</script>",
      "'=SUM(A1:A9)",
      "'@cmd",
    ]);
    expect(csv[2]![2]).toBe("*");
    const sheet = readXlsx(packWorkbook(tables, [["pack", "plan", "test"]])).get("small-areas-test")!;
    expect(sheet.map((row) => row[0])).toEqual(csv.map((row) => row[0]));
    expect(sheet[2]![2]).toBe("*");
    expect(sheet[1]![2]).toBe(40);
  });

  it("Parquet: typed columns, NULL for suppressed cells, which columns were suppressed", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ntg-parquet-"));
    const database = await Warehouse.open(":memory:");
    try {
      await writeParquetFiles(tables, folder);
      const file = path.join(folder, "small-areas-test.parquet").replaceAll("'", "''");
      const rows = await database.rows(
        `SELECT area_name, numerator, value, suppressed_columns FROM read_parquet('${file}')`,
      );
      expect(rows[1]).toEqual({
        area_name: "<script>alert(1)</script>",
        numerator: null,
        value: null,
        suppressed_columns: "numerator,value",
      });
      expect(rows[0]).toEqual({ area_name: "Whole area", numerator: 40, value: 10, suppressed_columns: "" });
    } finally {
      database.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
