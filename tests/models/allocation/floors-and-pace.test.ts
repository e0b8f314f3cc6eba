import { describe, expect, it } from "vitest";
import { type AllocationRule, allocate } from "../../../models/allocation/index.ts";
import { ModelInputError } from "../../../models/errors.ts";
import { abgSplit2008, amountsByCode, districts, totalPence } from "./fixtures.ts";

const measures = [{ measure: "deprivedPopulation" }];
const floors = (floor: number, ceiling?: number): AllocationRule => ({
  kind: "need-weighted-with-floors",
  measures,
  floor,
  ...(ceiling === undefined ? {} : { ceiling }),
});

describe("allocate: floors with floor damping", () => {
  // Targets 80,000 · 320,000 · 120,000 · 96,000 · 184,000. With a £100,000 floor, North Warwickshire and
  // Stratford are floored; the others' gains above the floor (220,000 · 20,000 · 84,000; Σ 324,000) are
  // scaled by s = (800,000 − 500,000)/324,000 = 0.925926.
  it("floors recipients below the floor and scales the others' gains by one factor", () => {
    const result = allocate(800_000, districts, floors(100_000));
    expect(result.dampingFactor).toBeCloseTo(300_000 / 324_000, 12);
    // Exact: 303,703.7037 · 118,518.5185 · 177,777.7778 — the 2 odd pence to .85 and .78.
    expect(amountsByCode(result.rows)).toEqual({
      E07000218: 100_000,
      E07000219: 303_703.7,
      E07000220: 118_518.52,
      E07000221: 100_000,
      E07000222: 177_777.78,
    });
    expect(result.notes.join(" ")).toMatch(/2 recipient\(s\) on their floor/);
  });

  it("uses the capped money to fund the floor first: s rises when a ceiling binds", () => {
    // Ceiling 300,000 caps Nuneaton and Bedworth; s = (800,000 − 200,000 − 300,000 − 200,000)/104,000.
    const result = allocate(800_000, districts, floors(100_000, 300_000));
    expect(result.dampingFactor).toBeCloseTo(100_000 / 104_000, 12);
    expect(amountsByCode(result.rows)).toEqual({
      E07000218: 100_000,
      E07000219: 300_000,
      E07000220: 119_230.77,
      E07000221: 100_000,
      E07000222: 180_769.23,
    });
  });

  it("shares capped money beyond the floors' cost in proportion to gains (s > 1)", () => {
    // Ceiling 250,000: s = (800,000 − 200,000 − 250,000 − 200,000)/104,000 = 1.442308.
    const result = allocate(800_000, districts, floors(100_000, 250_000));
    expect(result.dampingFactor).toBeCloseTo(150_000 / 104_000, 12);
    expect(amountsByCode(result.rows)).toMatchObject({
      E07000219: 250_000,
      E07000220: 128_846.15,
      E07000222: 221_153.85,
    });
  });

  it("gives the named error with the shortfall in £ when the floor is unaffordable", () => {
    const call = () => allocate(800_000, districts, floors(170_000));
    expect(call).toThrow(ModelInputError);
    expect(call).toThrow(/floors are unaffordable.*£850,000\.00.*£800,000\.00.*shortfall of £50,000\.00/);
  });

  it("accepts a floor that takes exactly the whole pot (s = 0)", () => {
    const result = allocate(800_000, districts, floors(160_000));
    expect(result.dampingFactor).toBe(0);
    expect(result.rows.every((row) => row.amount === 160_000)).toBe(true);
  });

  it("errors when the ceilings leave money nobody may take", () => {
    expect(() => allocate(800_000, districts, floors(100_000, 150_000))).toThrow(
      /ceilings are too low.*£150,000\.00/,
    );
  });

  it("takes floors and ceilings per recipient code and checks them", () => {
    const rule: AllocationRule = {
      kind: "need-weighted-with-floors",
      measures,
      floor: { E07000218: 90_000 },
      ceiling: { E07000219: 310_000 },
    };
    const { rows } = allocate(800_000, districts, rule);
    expect(rows[0]!.amount).toBeGreaterThanOrEqual(90_000);
    expect(rows[1]!.amount).toBeLessThanOrEqual(310_000);
    expect(totalPence(rows)).toBe(80_000_000);
    const badCode: AllocationRule = { kind: "need-weighted-with-floors", measures, floor: { E99999999: 1 } };
    expect(() => allocate(800_000, districts, badCode)).toThrow(/E99999999/);
    const inverted: AllocationRule = {
      kind: "need-weighted-with-floors",
      measures,
      floor: 100_000,
      ceiling: 90_000,
    };
    expect(() => allocate(800_000, districts, inverted)).toThrow(/below its floor/);
  });
});

describe("allocate: pace of change from the 2008/09 baseline", () => {
  const withBaseline = districts.map((d) => ({
    ...d,
    baseline: abgSplit2008[d.code as keyof typeof abgSplit2008],
  }));
  const pace = (minimumGrowth: number, targetTolerance: number): AllocationRule => ({
    kind: "pace-of-change",
    measures,
    minimumGrowth,
    targetTolerance,
  });

  it("gives everyone 2% and shares the rest among those more than 5% below target", () => {
    // Pot 840,000: targets 84,000 · 336,000 · 126,000 · 100,800 · 193,200; minimum 102,000 / 408,000.
    // Money left 24,000; far below target: Rugby (gap 24,000) and Warwick (gap 91,200): k = 24,000/115,200.
    const result = allocate(840_000, withBaseline, pace(0.02, 0.05));
    expect(result.dampingFactor).toBeCloseTo(24_000 / 115_200, 12);
    expect(amountsByCode(result.rows)).toEqual({
      E07000218: 102_000,
      E07000219: 408_000,
      E07000220: 107_000,
      E07000221: 102_000,
      E07000222: 121_000,
    });
    expect(result.rows[2]!.changeFromBaseline).toBe(7_000);
  });

  it("closes the far gaps in full, then the near gaps with what is left", () => {
    // Pot 1,000,000, tolerance 20%: targets 100,000 · 400,000 · 150,000 · 120,000 · 230,000. Far: Rugby
    // (48,000) and Warwick (128,000), closed in full; 8,000 left for Stratford's near gap of 18,000.
    const result = allocate(1_000_000, withBaseline, pace(0.02, 0.2));
    expect(result.dampingFactor).toBe(1);
    expect(amountsByCode(result.rows)).toEqual({
      E07000218: 102_000,
      E07000219: 408_000,
      E07000220: 150_000,
      E07000221: 110_000,
      E07000222: 230_000,
    });
  });

  it("errors when the minimum growth alone costs more than the pot, naming the shortfall", () => {
    expect(() => allocate(800_000, withBaseline, pace(0.02, 0.05))).toThrow(
      /minimum growth is unaffordable.*shortfall of £16,000\.00/,
    );
  });

  it("needs a baseline for every recipient and sensible settings", () => {
    expect(() => allocate(840_000, districts, pace(0.02, 0.05))).toThrow(/needs a baseline for E07000218/);
    expect(() => allocate(840_000, withBaseline, pace(-1, 0.05))).toThrow(/minimumGrowth/);
    expect(() => allocate(840_000, withBaseline, pace(0, 1))).toThrow(/targetTolerance/);
  });
});
