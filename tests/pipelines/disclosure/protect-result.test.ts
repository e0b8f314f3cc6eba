/**
 * Disclosure control for one published result: column roles by name, totals by the area hierarchy (only
 * where a table shows every part), figures repeating a suppressed indicator value of another row, area or
 * period, declarations, and the site-wide indicator cells (Census households adding up to all households).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type AreaHierarchy,
  areaTotals,
  defaultReferences,
  indicatorCellKey,
  indicatorCountTables,
  isCountColumn,
  isDependentColumn,
  type ProtectionContext,
  protectResult,
  protectTables,
  type RoleDeclaration,
  readDisclosureSettings,
  resolveRoles,
} from "../../../pipelines/publish/disclosure/index.ts";

const HIERARCHY: AreaHierarchy = {
  typeOf: new Map([
    ["C", "county"],
    ["D1", "district"],
    ["D2", "district"],
    ["L1", "locality"],
    ["L2", "locality"],
    ["L3", "locality"],
  ]),
  parentOf: new Map([
    ["L1", "D1"],
    ["L2", "D1"],
    ["L3", "D2"],
    ["D1", "C"],
    ["D2", "C"],
  ]),
  countyOf: new Map([
    ["L1", "C"],
    ["L2", "C"],
    ["L3", "C"],
    ["D1", "C"],
    ["D2", "C"],
  ]),
  childrenOf: new Map([
    ["D1", { locality: ["L1", "L2"], district: [] }],
    ["D2", { locality: ["L3"], district: [] }],
    ["C", { locality: ["L1", "L2", "L3"], district: ["D1", "D2"] }],
  ]),
};

function context(hidden: string[] = []): ProtectionContext {
  return {
    threshold: 5,
    marker: "*",
    hierarchy: HIERARCHY,
    hidden: new Set(hidden),
    countyCode: "C",
    englandCode: "E",
  };
}

function protect(rows: Record<string, unknown>[], declaration: RoleDeclaration = {}, hidden: string[] = []) {
  const columns = Object.keys(rows[0]!);
  const roles = resolveRoles(columns, rows, declaration, HIERARCHY, "test.md:1");
  return protectResult("test", rows, roles, context(hidden));
}

describe("column roles by name", () => {
  it("tells counts of people from counts of areas, shares and scores", () => {
    const counts = [
      "numerator",
      "denominator",
      "population",
      "income_scale",
      "people_most_deprived_20",
      "households",
      "deaths",
      "pupil_count",
    ];
    const others = [
      "lsoa_count",
      "peer_count",
      "national_count",
      "population_share",
      "average_score",
      "value",
      "rows",
      "people_per_hectare",
      "small_areas",
    ];
    expect(counts.filter(isCountColumn)).toEqual(counts);
    expect(others.filter(isCountColumn)).toEqual([]);
    expect(["value", "lower95", "upper998", "gap_to_county", "admission_rate"].every(isDependentColumn)).toBe(
      true,
    );
    expect(["average_score", "peer_rank", "benchmark_county"].some(isDependentColumn)).toBe(false);
  });

  it("finds values that repeat another area's or period's value of the row's indicator", () => {
    const { references, derived } = defaultReferences([
      "indicator",
      "area_code",
      "period",
      "value",
      "county_value",
      "england_value",
      "best_code",
      "best_value",
      "worst_code",
      "worst_value",
      "range",
      "ratio",
      "baseline_period",
      "baseline",
      "previous_period",
      "previous_value",
    ]);
    const by = Object.fromEntries(references.map((reference) => [reference.column, reference]));
    expect(by.value).toEqual({ column: "value", area: { column: "area_code" }, period: "period" });
    expect(by.county_value!.area).toEqual({ role: "county" });
    expect(by.best_value!.area).toEqual({ column: "best_code" });
    expect(by.baseline).toEqual({
      column: "baseline",
      area: { column: "area_code" },
      period: "baseline_period",
    });
    expect(by.previous_value!.period).toBe("previous_period");
    expect(derived).toContainEqual({ column: "range", from: ["best_value", "worst_value"] });
    expect(defaultReferences(["area_code", "value"]).references).toEqual([]);
  });
});

describe("totals by the area hierarchy", () => {
  const row = (area_code: string, numerator: number) => ({
    indicator: "i",
    period: "2020",
    area_code,
    numerator,
  });

  it("makes an equation only where the table shows every part of a total", () => {
    const complete = [row("D1", 30), row("L1", 3), row("L2", 27)];
    const published = protect(complete).rows.map((r) => r.numerator);
    expect(published).toEqual([30, "*", "*"]);
    // Without L2 the district total tells nothing exact about L1: only L1 is hidden.
    expect(protect([row("D1", 30), row("L1", 3)]).rows.map((r) => r.numerator)).toEqual([30, "*"]);
    expect(areaTotals([row("D1", 30), row("L1", 3)], ["numerator"], HIERARCHY)).toHaveLength(3);
  });

  it("uses no area totals when an area appears twice in a group, or when told not to", () => {
    expect(areaTotals([row("L1", 3), row("L1", 4)], ["numerator"], HIERARCHY)).toEqual([]);
    const rows = [row("D1", 30), row("L1", 3), row("L2", 27)];
    expect(protect(rows, { areas: false }).rows.map((r) => r.numerator)).toEqual([30, "*", 27]);
  });
});

describe("protectResult", () => {
  it("suppresses a value whose indicator count is suppressed elsewhere, without the count in the result", () => {
    const hidden = indicatorCellKey({ indicator: "i", areaCode: "L1", period: "2020" }, "numerator");
    const result = protect(
      [
        {
          indicator: "i",
          area_code: "L1",
          period: "2020",
          value: 0.6,
          county_value: 5,
          baseline_period: "2019",
          baseline: 0.7,
        },
        {
          indicator: "i",
          area_code: "L2",
          period: "2021",
          value: 4.1,
          county_value: 5,
          baseline_period: "2020",
          baseline: 0.6,
        },
      ],
      {},
      [hidden],
    );
    expect(result.rows[0]).toMatchObject({ value: "*", county_value: 5, baseline: 0.7 });
    expect(result.rows[1]).toMatchObject({ value: 4.1, baseline: 0.6 });
    const baselineHidden = protect(
      [{ indicator: "i", area_code: "L1", period: "2021", value: 1, baseline_period: "2020", baseline: 0.6 }],
      {},
      [hidden],
    );
    expect(baselineHidden.rows[0]).toMatchObject({ value: 1, baseline: "*" });
    expect(baselineHidden.controlled).toContain("baseline");
  });

  it("hides the best value, range and ratio of a gap summary when the best area's count is suppressed", () => {
    const hidden = indicatorCellKey({ indicator: "i", areaCode: "L1", period: "2020" }, "numerator");
    const [summary] = protect(
      [
        {
          indicator: "i",
          period: "2020",
          best_code: "L1",
          best_value: 0.6,
          worst_code: "L2",
          worst_value: 4.1,
          range: 3.5,
          ratio: 6.8,
        },
      ],
      {},
      [hidden],
    ).rows;
    expect(summary).toMatchObject({ best_value: "*", worst_value: 4.1, range: "*", ratio: "*" });
  });

  it("applies declared counts, dependents and column totals, and refuses unknown columns", () => {
    const rows = [{ area: "x", one: 2, two: 10, more: 20, all: 32, share_one: 2 / 32 }];
    const declaration = {
      counts: ["one", "two", "more"],
      dependents: { share_one: ["one"] },
      totals: [{ parts: ["one", "two", "more"], total: "all" }],
    };
    expect(protect(rows, declaration).rows[0]).toEqual({
      area: "x",
      one: "*",
      two: "*",
      more: 20,
      all: 32,
      share_one: "*",
    });
    expect(() => protect(rows, { counts: ["none"] })).toThrow(
      /test\.md:1: disclosure counts: no column "none"/,
    );
  });
});

describe("the indicator counts protected for every output", () => {
  it("hides a second dimension of a households partition, so households minus the others gives nothing", () => {
    const dimensions = [
      ["census-households-not-deprived", 500],
      ["census-households-deprived-1-dimension", 300],
      ["census-households-deprived-2-dimensions", 150],
      ["census-households-deprived-3-dimensions", 47],
      ["census-households-deprived-4-dimensions", 3],
      ["census-households-deprived-1-or-more-dimensions", 500],
    ] as const;
    const rows = dimensions.map(([indicator, numerator]) => ({
      indicator,
      area_code: "L3",
      period: "2021",
      sex: "Persons",
      age: "All ages",
      numerator,
      denominator: 1000,
    }));
    const { hidden } = protectTables(indicatorCountTables(rows, HIERARCHY));
    const key = (indicator: string) =>
      indicatorCellKey({ indicator, areaCode: "L3", period: "2021" }, "numerator");
    expect([...hidden].sort()).toEqual(
      [key("census-households-deprived-3-dimensions"), key("census-households-deprived-4-dimensions")].sort(),
    );
  });
});

describe("disclosure settings", () => {
  it("default to counts 1 to 4 shown as *, and are read from sources/publish/disclosure.yaml", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ntg-disclosure-"));
    try {
      expect(readDisclosureSettings(folder)).toEqual({ threshold: 5, marker: "*" });
      mkdirSync(path.join(folder, "publish"));
      writeFileSync(path.join(folder, "publish", "disclosure.yaml"), "threshold: 10\nmarker: c\n");
      expect(readDisclosureSettings(folder)).toEqual({ threshold: 10, marker: "c" });
      writeFileSync(path.join(folder, "publish", "disclosure.yaml"), "threshold: 10\nmarker: x\n");
      expect(() => readDisclosureSettings(folder)).toThrow(/disclosure\.yaml:2: marker/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
