import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelInputError } from "../../../models/errors.ts";
import { DEFAULT_SEED } from "../../../models/random.ts";
import { relativeRanks, slopeIndexOfInequality, wilsonInterval } from "../../../models/statistics/index.ts";

// PHEindicatormethods `phe_sii` documentation example (deciles 1..10, most deprived first).
const area1 = {
  population: [7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534],
  value: [75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3],
  lower: [72.7, 75.3, 80.9, 80.2, 77.1, 78, 79, 81.4, 75.8, 83.2],
  upper: [79.1, 81.4, 86.8, 87.1, 83.8, 84.2, 84.4, 86.9, 85.4, 89.4],
};
const area2 = {
  population: [21675, 20065, 19750, 24713, 20112, 19618, 22408, 19752, 18939, 19312],
  value: [70.5, 71.6, 72.5, 73.5, 73.1, 76.2, 78.7, 80.6, 80.9, 80],
  lower: [70.1, 71.1, 72, 73.1, 72.7, 75.7, 78.2, 80.1, 80.4, 79.5],
  upper: [71, 72.1, 73.2, 73.7, 75.8, 78.8, 79.8, 81.2, 81.3, 80.9],
};
const groupsOf = (data: typeof area1) =>
  data.population.map((population, i) => ({
    population,
    value: data.value[i]!,
    lower: data.lower[i]!,
    upper: data.upper[i]!,
  }));

// Reference values: point estimates by weighted least squares in numpy; interval limits from an
// independent numpy simulation of 1,000,000 draws with the same method (different generator), so
// they agree to Monte Carlo error; the acceptance tolerance for simulated limits is ±0.05.
describe("slopeIndexOfInequality", () => {
  it("fits the weighted line: two equal groups 30 → 20 give SII −20, intercept 35, RII 15/35", () => {
    const result = slopeIndexOfInequality(
      [
        { population: 100, value: 30 },
        { population: 100, value: 20 },
      ],
      { valueType: "other" },
    );
    expect(result.sii).toBeCloseTo(-20, 10);
    expect(result.intercept).toBeCloseTo(35, 10);
    expect(result.rii).toBeCloseTo(15 / 35, 10);
    expect(result).toMatchObject({ lowerSii: null, upperSii: null, lowerRii: null, upperRii: null });
    expect(result.intervalReason).toMatch(/no confidence limits/);
  });

  it("recovers an exactly linear gradient: values 10 + 5b give SII 5 and RII 1.5", () => {
    const shares = [0.1, 0.3, 0.2, 0.4];
    const ranks = relativeRanks(shares);
    expect(ranks).toEqual([0.05, 0.25, 0.5, 0.8].map((r) => expect.closeTo(r, 12)));
    const groups = shares.map((share, i) => ({ population: share * 1000, value: 10 + 5 * ranks[i]! }));
    const result = slopeIndexOfInequality(groups, { valueType: "other" });
    expect(result.sii).toBeCloseTo(5, 10);
    expect(result.rii).toBeCloseTo(1.5, 10);
  });

  it("reproduces the phe_sii example, area 1 (natural scale): SII 7.000235, RII 1.089710, CI 3.1604–10.8576", () => {
    const result = slopeIndexOfInequality(groupsOf(area1), { valueType: "other" });
    expect(result.sii).toBeCloseTo(7.000235, 6);
    expect(result.rii).toBeCloseTo(1.08971, 6);
    expect(result.intercept).toBeCloseTo(78.032079, 6);
    expect(Math.abs(result.lowerSii! - 3.1604)).toBeLessThan(0.05);
    expect(Math.abs(result.upperSii! - 10.8576)).toBeLessThan(0.05);
    expect(Math.abs(result.lowerRii! - 1.03957)).toBeLessThan(0.002);
    expect(Math.abs(result.upperRii! - 1.1425)).toBeLessThan(0.002);
    expect(result).toMatchObject({ seed: DEFAULT_SEED, simulations: 100_000, confidence: 0.95 });
  });

  it("reproduces the phe_sii example, area 2 (natural scale): SII 12.622739, RII 1.182034, CI 12.0081–13.2391", () => {
    const result = slopeIndexOfInequality(groupsOf(area2), { valueType: "other" });
    expect(result.sii).toBeCloseTo(12.622739, 6);
    expect(result.rii).toBeCloseTo(1.182034, 6);
    expect(Math.abs(result.lowerSii! - 12.0081)).toBeLessThan(0.05);
    expect(Math.abs(result.upperSii! - 13.2391)).toBeLessThan(0.05);
  });

  it("simulates rates on the log scale: area 1 as rates → CI 3.1707–10.8750", () => {
    const result = slopeIndexOfInequality(groupsOf(area1), { valueType: "rate" });
    expect(result.sii).toBeCloseTo(7.000235, 6);
    expect(Math.abs(result.lowerSii! - 3.1707)).toBeLessThan(0.05);
    expect(Math.abs(result.upperSii! - 10.875)).toBeLessThan(0.05);
  });

  it("simulates proportions (0..1) on the logit scale with Wilson limits → SII −0.158749, CI −0.18625 to −0.13078", () => {
    const counts = [300, 280, 250, 240, 220, 200, 190, 170, 160, 150];
    const denominators = [1000, 1100, 950, 1000, 1050, 1000, 980, 1020, 1000, 990];
    const groups = counts.map((count, i) => {
      const { value, lower, upper } = wilsonInterval(count, denominators[i]!);
      return { population: denominators[i]!, value: value!, lower, upper };
    });
    const result = slopeIndexOfInequality(groups, { valueType: "proportion" });
    expect(result.sii).toBeCloseTo(-0.158749, 6);
    expect(result.rii).toBeCloseTo(0.459021, 6);
    expect(Math.abs(result.lowerSii! + 0.18625)).toBeLessThan(0.002);
    expect(Math.abs(result.upperSii! + 0.13078)).toBeLessThan(0.002);
    const percent = slopeIndexOfInequality(groups, { valueType: "proportion", multiplier: 100 });
    expect(percent.sii).toBeCloseTo(-15.8749, 4);
    expect(percent.rii).toBeCloseTo(result.rii!, 12);
  });

  it("runs 100,000 simulations of 10 groups well under a second", () => {
    const start = performance.now();
    slopeIndexOfInequality(groupsOf(area2), { valueType: "rate", seed: 99 });
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it("is reproducible for a seed and reports it", () => {
    const first = slopeIndexOfInequality(groupsOf(area1), { valueType: "other", seed: 7, simulations: 5000 });
    const again = slopeIndexOfInequality(groupsOf(area1), { valueType: "other", seed: 7, simulations: 5000 });
    const other = slopeIndexOfInequality(groupsOf(area1), { valueType: "other", seed: 8, simulations: 5000 });
    expect(again).toEqual(first);
    expect(other.lowerSii).not.toBe(first.lowerSii);
    expect(first).toMatchObject({ seed: 7, simulations: 5000 });
  });

  it("gives a null SII with a reason for a single group, a missing value or a zero population", () => {
    expect(slopeIndexOfInequality([{ population: 10, value: 1 }], { valueType: "other" })).toMatchObject({
      sii: null,
      rii: null,
      reason: "needs at least 2 groups (got 1)",
    });
    const missing = slopeIndexOfInequality(
      [
        { population: 10, value: 1 },
        { population: 10, value: null },
      ],
      { valueType: "other" },
    );
    expect(missing.reason).toBe("group 2 has no value");
    const empty = slopeIndexOfInequality(
      [
        { population: 0, value: 1 },
        { population: 10, value: 2 },
      ],
      { valueType: "other" },
    );
    expect(empty.reason).toBe("group 1 has no population");
  });

  it("gives a null interval with a reason when a limit cannot be transformed", () => {
    const groups = [
      { population: 10, value: 0.5, lower: 0.4, upper: 0.6 },
      { population: 10, value: 0.1, lower: 0, upper: 0.3 },
    ];
    const result = slopeIndexOfInequality(groups, { valueType: "rate", simulations: 1000 });
    expect(result.sii).toBeCloseTo(-0.8, 10);
    expect(result.lowerSii).toBeNull();
    expect(result.intervalReason).toMatch(/group 2/);
  });

  it("rejects percentages passed as proportions, negative populations and too few simulations", () => {
    const groups = [
      { population: 10, value: 25 },
      { population: 10, value: 30 },
    ];
    expect(() => slopeIndexOfInequality(groups, { valueType: "proportion" })).toThrow(/outside 0\.\.1/);
    expect(() =>
      slopeIndexOfInequality([{ population: -1, value: 1 }, ...groups], { valueType: "other" }),
    ).toThrow(ModelInputError);
    expect(() => slopeIndexOfInequality(groups, { valueType: "other", simulations: 10 })).toThrow(
      /simulations/,
    );
  });

  it("changes sign when the deprivation order is reversed (property)", () => {
    const group = fc.record({
      population: fc.integer({ min: 1, max: 100_000 }),
      value: fc.double({ min: -1000, max: 1000, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(group, { minLength: 2, maxLength: 20 }), (groups) => {
        const forward = slopeIndexOfInequality(groups, { valueType: "other" });
        const backward = slopeIndexOfInequality([...groups].reverse(), { valueType: "other" });
        const scale = Math.max(1, ...groups.map((g) => Math.abs(g.value)));
        expect(Math.abs(forward.sii! + backward.sii!)).toBeLessThan(1e-9 * scale);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
