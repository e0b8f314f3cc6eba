import { afterEach, describe, expect, it } from "vitest";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { createFixtureProject, type FixtureProject } from "../../helpers/fixture-project.ts";
import { loadObservationsText } from "../../helpers/load-observations.ts";

// Every way a count can be written in a long observations file; physical lines (header = line 1).
const OBSERVATIONS = [
  "indicator,area_code,period,numerator,denominator", // 1
  "test-proportion,E01000001,2019, 12 ,100", // 2 spaces around a number
  "test-proportion,E01000002,2019,,100", // 3 empty: missing in source
  "test-proportion,E01000003,2019,   ,100", // 4 only spaces: missing in source
  "test-proportion,E01000004,2019,-,100", // 5 marker "-"
  "test-proportion,E01000005,2019,..,100", // 6 marker ".."
  "test-proportion,E07000001,2019,1e1,100", // 7 exponent
  'test-proportion,E01000001,2018," 1,000 ","2,000"', // 8 separators inside spaces
  "test-proportion,E01000002,2018,inf,100", // 9 infinity: not a number
  "test-proportion,E01000003,2018,NaN,100", // 10 NaN: not a number
  "test-proportion,E01000004,2018,12abc,100", // 11 not a number
].join("\n");

describe("number cells in a long observations file", () => {
  let project: FixtureProject;
  afterEach(() => project?.cleanup());

  it("reads numbers, notes markers and empty cells, and rejects what is not a finite number", async () => {
    project = createFixtureProject({ observations: `${OBSERVATIONS}\n` });
    const result = await project.ntg("load");
    expect(result.code, result.stderr).toBe(0);
    const warehouse = await Warehouse.open(`${project.distDir}/warehouse.duckdb`, { readOnly: true });
    try {
      const loaded = await warehouse.rows<{
        source_line: number;
        numerator: number | null;
        note: string | null;
      }>(
        "SELECT source_line, numerator, note FROM observation WHERE source = 'test-observations' ORDER BY source_line",
      );
      expect(loaded).toEqual([
        { source_line: 2, numerator: 12, note: "value computed from numerator and denominator" },
        { source_line: 3, numerator: null, note: "numerator: missing in source" },
        { source_line: 4, numerator: null, note: "numerator: missing in source" },
        { source_line: 5, numerator: null, note: 'numerator: suppressed or missing in source (marker "-")' },
        { source_line: 6, numerator: null, note: 'numerator: suppressed or missing in source (marker "..")' },
        { source_line: 7, numerator: 10, note: "value computed from numerator and denominator" },
        { source_line: 8, numerator: 1000, note: "value computed from numerator and denominator" },
      ]);
      const rejects = await warehouse.rows<{
        line: number;
        column_name: string;
        value: string;
        reason: string;
      }>(
        "SELECT line, column_name, value, reason FROM reject WHERE source = 'test-observations' ORDER BY line",
      );
      expect(rejects).toEqual([
        { line: 9, column_name: "numerator", value: "inf", reason: "not a number" },
        { line: 10, column_name: "numerator", value: "NaN", reason: "not a number" },
        { line: 11, column_name: "numerator", value: "12abc", reason: "not a number" },
      ]);
    } finally {
      warehouse.close();
    }
  });

  // The reader parses the counts as numbers; records with a marker or separator are read again as text and
  // must keep their own lines, also after a quoted field that spans two lines and with CRLF line ends.
  const MIXED = [
    "indicator,area_code,period,numerator,denominator,comment", // 1
    "test-proportion,E01000001,2019,12,100,", // 2
    'test-proportion,E01000002,2019,*,100,"two', // 3 marker, record on lines 3-4
    'lines"', // 4
    "test-proportion,E01000003,2019,5,100,", // 5
    'test-proportion,E01000004,2019,"1,000","2,000",', // 6 separators
    "test-proportion,E01000005,2019,7,100,", // 7
    'test-proportion,E01000001,2018,x,100,"a ""quoted"" word"', // 8 marker
    "test-proportion,E01000002,2018,12abc,100,", // 9 not a number
    "test-proportion,E01000003,2018,3,100,", // 10
  ];
  for (const lineEnd of ["\n", "\r\n"]) {
    it(`keeps the line of every record read again as text (${JSON.stringify(lineEnd)} line ends)`, async () => {
      const result = await loadObservationsText(`${MIXED.join(lineEnd)}${lineEnd}`);
      project = result.project;
      const computed = "value computed from numerator and denominator";
      const marker = (m: string) => `numerator: suppressed or missing in source (marker "${m}")`;
      expect(
        result.loaded.map(({ source_line, area_code, numerator, note }) => [
          source_line,
          area_code,
          numerator,
          note,
        ]),
      ).toEqual([
        [2, "E01000001", 12, computed],
        [3, "E01000002", null, marker("*")],
        [5, "E01000003", 5, computed],
        [6, "E01000004", 1000, computed],
        [7, "E01000005", 7, computed],
        [8, "E01000001", null, marker("x")],
        [10, "E01000003", 3, computed],
      ]);
      expect(result.rejects.map(({ line, value, reason }) => [line, value, reason])).toEqual([
        [9, "12abc", "not a number"],
      ]);
    });
  }
});
