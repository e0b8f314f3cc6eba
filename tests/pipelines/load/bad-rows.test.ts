import { afterEach, describe, expect, it } from "vitest";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { createFixtureProject, type FixtureProject } from "../../helpers/fixture-project.ts";
import { loadObservationsText } from "../../helpers/load-observations.ts";

// Line numbers below are physical lines of this text (header = line 1).
const OBSERVATIONS = [
  "indicator,area_code,period,numerator,denominator", // 1
  "test-proportion,E01000001,2019,10,100", // 2 good
  "test-proportion,E01000002,2019,5,50,extra", // 3 malformed: too many columns
  "test-proportion,E09999999,2019,3,30", // 4 unknown area code
  "test-proportion,E01000003,2019,-2,40", // 5 negative count
  "test-proportion,E01000004,2019,60,50", // 6 numerator above its denominator
  'Test proportion (source name),E01000005,2019,"1,296","2,000"', // 7 good: source name, thousands separators
  "test-proportion,E07000001,2019,*,200", // 8 good: suppressed count → NULL with a note
  "test-rate,E01000001,2019,12,1000", // 9 good rate (numerator may exceed nothing here)
  "test-proportion,E01000001,2019,11,100", // 10 duplicate of line 2
  "unknown-indicator,E01000001,2019,1,10", // 11 unknown indicator
  "test-proportion,E01000002,2019,abc,10", // 12 not a number
].join("\n");

describe("loading a CSV with bad rows", () => {
  let project: FixtureProject;
  afterEach(() => project?.cleanup());

  it("loads the good rows and lists each bad one with its line and reason", async () => {
    project = createFixtureProject({ observations: `${OBSERVATIONS}\n` });
    const result = await project.ntg("load");
    expect(result.code, result.stderr).toBe(0);
    const warehouse = await Warehouse.open(`${project.distDir}/warehouse.duckdb`, { readOnly: true });
    try {
      const loaded = await warehouse.rows<{
        source_line: number;
        indicator: string;
        numerator: number | null;
        value: number | null;
        note: string | null;
      }>(
        "SELECT source_line, indicator, numerator, value, note FROM observation WHERE source = 'test-observations' ORDER BY source_line",
      );
      expect(loaded.map((row) => row.source_line)).toEqual([2, 7, 8, 9]);
      expect(loaded[1]).toMatchObject({ indicator: "test-proportion", numerator: 1296 });
      expect(loaded[1]!.value).toBeCloseTo(64.8, 10);
      expect(loaded[2]!.numerator).toBeNull();
      expect(loaded[2]!.note).toMatch(/suppressed or missing in source \(marker "\*"\)/);
      const rejects = await warehouse.rows<{ line: number; column_name: string | null; reason: string }>(
        "SELECT line, column_name, reason FROM reject WHERE source = 'test-observations' ORDER BY line",
      );
      const byLine = new Map(rejects.map((row) => [row.line, row.reason]));
      expect([...byLine.keys()]).toEqual([3, 4, 5, 6, 10, 11, 12]);
      expect(byLine.get(3)).toMatch(/malformed record \(too many columns\)/);
      expect(byLine.get(4)).toMatch(/unknown area code/);
      expect(byLine.get(5)).toMatch(/negative count/);
      expect(byLine.get(6)).toMatch(
        /numerator above its denominator \(60\.0 > 50\.0\)|numerator above its denominator \(60 > 50\)/,
      );
      expect(byLine.get(10)).toMatch(/duplicate of line 2/);
      expect(byLine.get(11)).toMatch(/unknown indicator/);
      expect(byLine.get(12)).toMatch(/not a number/);
      const source = await warehouse.rows<{ rows_read: number; rows_loaded: number; rows_rejected: number }>(
        "SELECT rows_read, rows_loaded, rows_rejected FROM source WHERE id = 'test-observations'",
      );
      expect(source[0]).toEqual({ rows_read: 11, rows_loaded: 4, rows_rejected: 7 });
    } finally {
      warehouse.close();
    }
    expect(result.stderr).toMatch(/test-observations\s+11 read\s+4 loaded\s+7 rejected/);
    expect(result.stderr).toMatch(/rejected rows by reason/);
  });

  it("keeps line numbers right across blank lines and quoted fields that span lines", async () => {
    const text =
      'indicator,area_code,period,numerator,denominator\r\n\r\ntest-proportion,"E01000001",2019,1,10\r\n"test-\r\nproportion",E01000002,2019,2,10\r\ntest-proportion,E09999999,2019,3,10\r\n';
    project = createFixtureProject({ observations: text });
    expect((await project.ntg("load")).code).toBe(0);
    const warehouse = await Warehouse.open(`${project.distDir}/warehouse.duckdb`, { readOnly: true });
    try {
      const rejects = await warehouse.rows<{ line: number; reason: string }>(
        "SELECT line, reason FROM reject ORDER BY line",
      );
      // line 4-5 holds an indicator name with a line break inside quotes: not in the catalogue.
      expect(rejects.map((row) => row.line)).toEqual([4, 6]);
      const loaded = await warehouse.rows<{ source_line: number }>("SELECT source_line FROM observation");
      expect(loaded.map((row) => row.source_line)).toEqual([3]);
    } finally {
      warehouse.close();
    }
  });
  it("keeps line numbers right when many records span lines (rows read in place through a segment table)", async () => {
    const records = Array.from(
      { length: 40 },
      (_, i) => `test-proportion,E01000001,${2000 + i},1,10,"first line\nsecond line"`,
    );
    const text = `indicator,area_code,period,numerator,denominator,comment\n${records.join("\n")}\ntest-proportion,E09999999,2019,3,10,x\n`;
    project = createFixtureProject({ observations: text });
    expect((await project.ntg("load")).code).toBe(0);
    const warehouse = await Warehouse.open(`${project.distDir}/warehouse.duckdb`, { readOnly: true });
    try {
      const rejects = await warehouse.rows<{ line: number }>("SELECT line FROM reject ORDER BY line");
      expect(rejects.map((row) => row.line)).toEqual([82]);
      const loaded = await warehouse.rows<{ period: string; source_line: number }>(
        "SELECT period, source_line FROM observation ORDER BY source_line",
      );
      expect(loaded).toHaveLength(40);
      expect(loaded.every((row, i) => row.period === String(2000 + i) && row.source_line === 2 + 2 * i)).toBe(
        true,
      );
      const kept = await warehouse.scalar<number>(
        "SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'observation_of_test_observations__segments'",
      );
      expect(kept).toBe(1);
    } finally {
      warehouse.close();
    }
  });

  // Names are checked for duplicates without the indicator lookup only when that finds the same rows:
  // each name a known indicator, no two names for one indicator (first file); otherwise by indicator (second).
  const header = "indicator,area_code,period,numerator,denominator";
  for (const [label, lines] of [
    [
      "every name its own indicator",
      [
        "test-proportion,E01000001,2019,1,10",
        "test-rate,E01000001,2019,2,10",
        "test-proportion,E01000001,2019,3,10",
      ],
    ],
    [
      "a source name and an id for one indicator",
      [
        "test-proportion,E01000001,2019,1,10",
        "test-rate,E01000001,2019,2,10",
        "Test proportion (source name),E01000001,2019,3,10",
      ],
    ],
  ] as const) {
    it(`finds duplicate rows when ${label}`, async () => {
      const result = await loadObservationsText(`${header}\n${lines.join("\n")}\n`);
      project = result.project;
      expect(result.rejects.map(({ line, reason }) => [line, reason])).toEqual([
        [4, "duplicate of line 2 (same indicator, area, period, sex and age)"],
      ]);
    });
  }

  it("still finds unknown indicators and areas when every other name is its own indicator", async () => {
    const lines = [
      "test-proportion,E01000001,2019,1,10", // 2
      "not-an-indicator,E01000002,2019,2,10", // 3 unknown indicator
      "test-proportion,E09999999,2019,3,10", // 4 unknown area
    ];
    const result = await loadObservationsText(`${header}\n${lines.join("\n")}\n`);
    project = result.project;
    expect(result.rejects.map(({ line }) => line)).toEqual([3, 4]);
    expect(result.rejects[0]!.reason).toMatch(/unknown indicator/);
    expect(result.rejects[1]!.reason).toMatch(/unknown area code/);
    expect(result.loaded.map((row) => row.source_line)).toEqual([2]);
  });
});
