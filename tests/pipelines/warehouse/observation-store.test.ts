import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ALL_COLUMNS_TABLE,
  OBSERVATION_COLUMN_TYPES,
  type ObservationPart,
  observationPartTable,
  viewObservationPartInPlace,
} from "../../../pipelines/warehouse/observation-store.ts";
import { SCHEMA_SQL } from "../../../pipelines/warehouse/schema.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

const ROWS = `(VALUES ('i1', 'E01000001', '2019/20', 5.0, 10.0, 2),
                      ('i1', 'E01000002', '2019/20', 3.0, 12.0, 3)) AS t(indicator, area, period, n, d, line)`;

/**
 * Keeps ROWS in a table of the source's own and adds it to the view as a part: the varying columns read from
 * it, the source, area type, period year and value given by the view.
 */
async function keepRows(warehouse: Warehouse, source: string): Promise<void> {
  const table = observationPartTable(source);
  await warehouse.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${ROWS}`);
  await viewObservationPartInPlace(warehouse, source, [table], table, part(source));
}

function part(source: string): ObservationPart {
  return {
    stored: {
      indicator: "indicator",
      area_code: "area",
      period: "period",
      numerator: "n",
      denominator: "d",
      source_line: "line",
    },
    derived: {
      area_type: "'lsoa11'",
      period_year: "TRY_CAST(substr(period, 1, 4) AS INTEGER)",
      value: "100 * numerator / denominator",
      source: `'${source}'`,
    },
  };
}

describe("observation store", () => {
  let root: string;
  let warehouse: Warehouse;
  beforeEach(async () => {
    root = mkdtempSync(path.join(tmpdir(), "ntg-observation-store-"));
    warehouse = await Warehouse.open(path.join(root, "warehouse.duckdb"));
    await warehouse.run(SCHEMA_SQL);
  });
  afterEach(() => {
    warehouse.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function viewColumns(): Promise<string[][]> {
    const rows = await warehouse.rows<{ name: string; type: string }>(
      "SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = 'observation' ORDER BY column_index",
    );
    return rows.map((row) => [row.name, row.type]);
  }

  it("shows the same columns and types whether or not any part is registered", async () => {
    const expected = OBSERVATION_COLUMN_TYPES.map(([name, type]) => [name, type]);
    expect(await viewColumns()).toEqual(expected);
    await keepRows(warehouse, "big-source");
    expect(await viewColumns()).toEqual(expected);
  });

  it("reads the kept columns and lets the view supply constants, derived values and NULLs", async () => {
    await keepRows(warehouse, "big-source");
    const rows = await warehouse.rows(
      "SELECT area_code, area_type, period_year, value, sex, note, source, source_line FROM observation ORDER BY area_code",
    );
    expect(rows).toEqual([
      {
        area_code: "E01000001",
        area_type: "lsoa11",
        period_year: 2019,
        value: 50,
        sex: null,
        note: null,
        source: "big-source",
        source_line: 2,
      },
      {
        area_code: "E01000002",
        area_type: "lsoa11",
        period_year: 2019,
        value: 25,
        sex: null,
        note: null,
        source: "big-source",
        source_line: 3,
      },
    ]);
  });

  it("reads the all-columns table and every part together, and a reload replaces a source's part", async () => {
    await warehouse.run(
      `INSERT INTO ${ALL_COLUMNS_TABLE} (indicator, area_code, area_type, period, value, source)
       VALUES ('i2', 'E07000218', 'district', '2019', 7, 'small-source')`,
    );
    await keepRows(warehouse, "big-source");
    await keepRows(warehouse, "big-source");
    const counts = await warehouse.rows(
      "SELECT source, count(*)::INTEGER AS n FROM observation GROUP BY source ORDER BY source",
    );
    expect(counts).toEqual([
      { source: "big-source", n: 2 },
      { source: "small-source", n: 1 },
    ]);
    expect(await warehouse.scalar("SELECT count(*)::INTEGER FROM observation_part")).toBe(1);
  });

  it("reads a source in place from tables it names, through their joins, without copying its rows", async () => {
    await warehouse.run(`CREATE TABLE kept_rows AS SELECT * FROM ${ROWS};
      CREATE TABLE kept_names AS SELECT * FROM (VALUES ('i1', 'indicator-one', 1000.0)) AS t(name, id, multiplier)`);
    const rows = "(SELECT * FROM kept_rows LEFT JOIN kept_names ON name = indicator WHERE line <> 3)";
    await viewObservationPartInPlace(warehouse, "kept-source", ["kept_rows", "kept_names"], rows, {
      stored: {
        indicator: "id",
        area_code: "area",
        period: "period",
        value: "n / d * multiplier",
        source_line: "line",
      },
      derived: { area_type: "'lsoa11'", source: "'kept-source'" },
    });
    expect(await warehouse.rows("SELECT indicator, area_code, value, source_line FROM observation")).toEqual([
      { indicator: "indicator-one", area_code: "E01000001", value: 500, source_line: 2 },
    ]);
    expect(await warehouse.scalar("SELECT table_name FROM observation_part")).toBe("kept_rows, kept_names");
    await warehouse.run("UPDATE kept_names SET multiplier = 100");
    expect(await warehouse.scalar("SELECT value FROM observation")).toBe(50);
  });

  it("keeps every part when sources are written side by side on separate connections", async () => {
    const connections = await Promise.all([warehouse.connect(), warehouse.connect(), warehouse.connect()]);
    try {
      await Promise.all(connections.map((connection, index) => keepRows(connection, `source-${index}`)));
    } finally {
      for (const connection of connections) connection.close();
    }
    const sources = await warehouse.rows<{ source: string }>(
      "SELECT DISTINCT source FROM observation ORDER BY source",
    );
    expect(sources.map((row) => row.source)).toEqual(["source-0", "source-1", "source-2"]);
  });
});
