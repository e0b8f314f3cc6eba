import { describe, expect, it } from "vitest";
import { type AllocationRule, allocate, allocationSensitivity } from "../../../models/allocation/index.ts";
import { ModelInputError } from "../../../models/errors.ts";
import { DEFAULT_SEED } from "../../../models/random.ts";
import { abgSplit2008, districts, localities } from "./fixtures.ts";

const byScore: AllocationRule = { kind: "need-weighted", measures: [{ measure: "imdScore" }] };

describe("allocationSensitivity", () => {
  it("is deterministic for a given seed and changes with the seed", () => {
    const options = { draws: 2000, seed: 7, weightUncertainty: { spread: 0.3 } };
    const first = allocationSensitivity(800_000, localities, byScore, options);
    expect(allocationSensitivity(800_000, localities, byScore, options)).toEqual(first);
    expect(allocationSensitivity(800_000, localities, byScore, { ...options, seed: 8 }).rows).not.toEqual(
      first.rows,
    );
    expect(first.seed).toBe(7);
    expect(allocationSensitivity(800_000, districts, byScore, { draws: 10 }).seed).toBe(DEFAULT_SEED);
  });

  it("does not depend on the order of the recipients", () => {
    const options = { draws: 500, seed: 3 };
    const reversed = [...localities].reverse();
    const a = allocationSensitivity(800_000, localities, byScore, options).rows;
    const b = allocationSensitivity(800_000, reversed, byScore, options).rows;
    expect([...b].reverse()).toEqual(a);
  });

  it("collapses to the exact allocation when the spread is 0", () => {
    const { rows } = allocationSensitivity(800_000, districts, byScore, {
      draws: 50,
      weightUncertainty: { spread: 0 },
    });
    const exact = allocate(800_000, districts, byScore).rows;
    rows.forEach((row, i) => {
      for (const value of [row.p5, row.p50, row.p95, row.mean])
        expect(value).toBeCloseTo(exact[i]!.amount, 1);
    });
  });

  it("orders the percentiles, keeps the means summing to the pot and widens with the spread", () => {
    const narrow = allocationSensitivity(800_000, localities, byScore, {
      draws: 4000,
      weightUncertainty: { spread: 0.1 },
    });
    const wide = allocationSensitivity(800_000, localities, byScore, {
      draws: 4000,
      weightUncertainty: { spread: 0.4 },
    });
    const meanTotal = narrow.rows.reduce((sum, row) => sum + row.mean, 0);
    expect(meanTotal).toBeCloseTo(800_000, 4);
    narrow.rows.forEach((row, i) => {
      expect(row.p5).toBeLessThan(row.p50);
      expect(row.p50).toBeLessThan(row.p95);
      expect(wide.rows[i]!.p95 - wide.rows[i]!.p5).toBeGreaterThan(row.p95 - row.p5);
    });
  });

  it("two equal recipients, uniform ±20%: the median is half the pot and the spread is symmetric", () => {
    const twins = [
      { code: "A", name: "a", population: 100, need: { score: 1 } },
      { code: "B", name: "b", population: 100, need: { score: 1 } },
    ];
    const rule: AllocationRule = { kind: "need-weighted", measures: [{ measure: "score" }] };
    const { rows } = allocationSensitivity(1000, twins, rule, { draws: 20_000, seed: 11 });
    // Amount of A = 1000·f₁/(f₁ + f₂), f uniform on [0.8, 1.2]: ranges over [400, 600], symmetric about 500.
    expect(rows[0]!.p50).toBeCloseTo(500, -1);
    expect(rows[0]!.p5).toBeGreaterThan(400);
    expect(rows[0]!.p95).toBeLessThan(600);
    expect(rows[0]!.p5 + rows[1]!.p95).toBeCloseTo(1000, 6);
  });

  it("respects floors in every draw and supports lognormal factors on measure weights", () => {
    const rule: AllocationRule = {
      kind: "need-weighted-with-floors",
      measures: [{ measure: "imdScore" }, { measure: "extent" }],
      floor: 30_000,
    };
    const { rows, notes } = allocationSensitivity(800_000, localities, rule, {
      draws: 2000,
      weightUncertainty: { distribution: "lognormal", spread: 0.5, applyTo: "measures" },
    });
    expect(rows.every((row) => row.p5 >= 30_000 - 1e-6)).toBe(true);
    expect(notes.join(" ")).toMatch(/measure weight × lognormal factor ±50%/);
  });

  it("reports constant amounts for rules that do not use need", () => {
    const { rows, notes } = allocationSensitivity(
      800_000,
      districts,
      { kind: "tiered", amounts: abgSplit2008 },
      { draws: 10 },
    );
    expect(rows[1]).toMatchObject({
      code: "E07000219",
      p5: 400_000,
      p50: 400_000,
      p95: 400_000,
      mean: 400_000,
    });
    expect(notes.join(" ")).toMatch(/does not use need weights/);
  });

  it("checks its options and passes on allocation errors", () => {
    expect(() => allocationSensitivity(800_000, districts, byScore, { draws: 0 })).toThrow(ModelInputError);
    expect(() => allocationSensitivity(800_000, districts, byScore, { draws: 1.5 })).toThrow(/draws/);
    expect(() =>
      allocationSensitivity(800_000, districts, byScore, { weightUncertainty: { spread: 1 } }),
    ).toThrow(/spread/);
    expect(() =>
      allocationSensitivity(800_000, districts, byScore, {
        weightUncertainty: { distribution: "beta" as never },
      }),
    ).toThrow(/unknown weight distribution/);
    const unaffordable: AllocationRule = {
      kind: "need-weighted-with-floors",
      measures: [{ measure: "imdScore" }],
      floor: 200_000,
    };
    expect(() => allocationSensitivity(800_000, districts, unaffordable)).toThrow(
      /shortfall of £200,000\.00/,
    );
  });
});
