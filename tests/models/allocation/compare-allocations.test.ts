import { describe, expect, it } from "vitest";
import { allocate, compareAllocations } from "../../../models/allocation/index.ts";
import { ModelInputError } from "../../../models/errors.ts";
import { abgSplit2008, districts } from "./fixtures.ts";

const abg = allocate(800_000, districts, { kind: "tiered", amounts: abgSplit2008 });
const need = allocate(800_000, districts, {
  kind: "need-weighted",
  measures: [{ measure: "deprivedPopulation" }],
});
const equal = allocate(800_000, districts, { kind: "equal" });
const scenarios = [
  { id: "abg-2008-09", label: "2008/09 split", result: abg },
  { id: "by-income-deprived", label: "By income-deprived people", result: need },
  { id: "equal", label: "Equal shares", result: equal },
];

describe("compareAllocations", () => {
  const comparison = compareAllocations(scenarios, "abg-2008-09");

  it("gives one row per recipient and scenario with the contract's measures", () => {
    expect(comparison.rows).toHaveLength(15);
    const warwickNeed = comparison.rows.find(
      (r) => r.code === "E07000222" && r.scenarioId === "by-income-deprived",
    )!;
    expect(warwickNeed).toMatchObject({
      name: "Warwick",
      scenarioLabel: "By income-deprived people",
      amount: 184_000,
      share: 0.23,
      targetAmount: 184_000,
      distanceFromTarget: 0,
      changeFromBaseline: 84_000,
    });
    expect(warwickNeed.perHead).toBeCloseTo(184_000 / 130_000, 12);
    expect(warwickNeed.perDeprivedPerson).toBeCloseTo(184_000 / 13_800, 12);
  });

  it("states how far the 2008/09 split departs from the need-based split", () => {
    // |100−80| + |400−320| + |100−120| + |100−96| + |100−184| = 208 (£000) → 104,000 moved; the largest
    // relative difference is Warwick's 84,000/184,000.
    const toNeed = comparison.departures.find(
      (d) => d.fromId === "abg-2008-09" && d.toId === "by-income-deprived",
    )!;
    expect(toNeed.moneyMoved).toBe(104_000);
    expect(toNeed.shareOfPotMoved).toBe(0.13);
    expect(toNeed.maxRelativeDifference).toBeCloseTo(84 / 184, 12);
    expect(toNeed.maxRelativeDifferenceCode).toBe("E07000222");
    expect(comparison.departures).toHaveLength(6);
  });

  it("summarises the money each scenario places away from the need-weighted target", () => {
    // Equal shares of 160,000 against 80 · 320 · 120 · 96 · 184 (£000): (80 + 160 + 40 + 64 + 24)/2 = 184.
    expect(comparison.scenarios.map((s) => s.moneyAwayFromTarget)).toEqual([104_000, 0, 184_000]);
    expect(comparison.baselineId).toBe("abg-2008-09");
  });

  it("uses the recipients' own baselines when no baseline scenario is named", () => {
    const withBaseline = districts.map((d) => ({ ...d, baseline: 150_000 }));
    const result = allocate(800_000, withBaseline, { kind: "equal" });
    const rows = compareAllocations([{ id: "equal", label: "Equal", result }]).rows;
    expect(rows.every((row) => row.changeFromBaseline === 10_000)).toBe(true);
  });

  it("refuses repeated ids, unknown baselines and different recipients", () => {
    expect(() => compareAllocations([])).toThrow(ModelInputError);
    expect(() => compareAllocations([scenarios[0]!, scenarios[0]!])).toThrow(/appears twice/);
    expect(() => compareAllocations(scenarios, "nope")).toThrow(/baseline "nope"/);
    const fewer = allocate(800_000, districts.slice(1), { kind: "equal" });
    expect(() => compareAllocations([scenarios[0]!, { id: "x", label: "x", result: fewer }])).toThrow(
      /different recipients/,
    );
  });
});
