import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelInputError } from "../../../models/errors.ts";
import {
  aggregateCounts,
  areaGap,
  contributionToGap,
  exactSum,
  gapMeasures,
  mostDeprivedQuintileGap,
} from "../../../models/statistics/index.ts";

describe("aggregateCounts", () => {
  it("sums numerators and denominators rather than averaging percentages", () => {
    // 1/10 = 10% and 9/90 = 10%, 50/100 = 50%: the pooled value is 60/200 = 30%, not the mean 23.3%.
    const rows = [
      { count: 1, denominator: 10 },
      { count: 9, denominator: 90 },
      { count: 50, denominator: 100 },
    ];
    expect(aggregateCounts(rows, { multiplier: 100 })).toEqual({
      count: 60,
      denominator: 200,
      value: 30,
      rows: 3,
      missingRows: 0,
    });
  });

  it("applies apportionment weights and skips rows with weight 0", () => {
    const rows = [
      { count: 10, denominator: 100, weight: 0.5 },
      { count: 20, denominator: 100 },
      { count: null, denominator: null, weight: 0 },
    ];
    expect(aggregateCounts(rows)).toMatchObject({ count: 25, denominator: 150, rows: 2 });
  });

  it("gives null with a reason for missing rows, no rows or a zero denominator", () => {
    const missing = aggregateCounts([
      { count: 1, denominator: 10 },
      { count: null, denominator: 10 },
    ]);
    expect(missing).toMatchObject({ value: null, count: null, missingRows: 1 });
    expect(missing.reason).toMatch(/1 of 2 rows/);
    expect(aggregateCounts([])).toMatchObject({ value: null, reason: "no rows" });
    expect(aggregateCounts([{ count: 0, denominator: 0 }])).toMatchObject({
      value: null,
      reason: "denominator is 0",
    });
    expect(() => aggregateCounts([{ count: -1, denominator: 10 }])).toThrow(ModelInputError);
  });

  it("does not depend on the order of the rows, even with fractional weights (property)", () => {
    const row = fc.record({
      count: fc.integer({ min: 0, max: 5000 }),
      denominator: fc.integer({ min: 1, max: 50_000 }),
      weight: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.integer(), (rows, salt) => {
        const shuffled = [...rows].sort(
          (a, b) =>
            ((a.count * 31 + salt) % 17) - ((b.count * 31 + salt) % 17) || a.denominator - b.denominator,
        );
        expect(aggregateCounts(shuffled, { multiplier: 100 })).toEqual(
          aggregateCounts(rows, { multiplier: 100 }),
        );
        expect(aggregateCounts([...rows].reverse())).toEqual(aggregateCounts(rows));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("exactSum", () => {
  it("is exact where naive summation is not", () => {
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6);
    expect(exactSum([1e100, 1, -1e100])).toBe(1);
    expect(exactSum([])).toBe(0);
  });
});

describe("gap measures", () => {
  const localities = [
    { code: "L1", value: 30, population: 100, deprivationQuintile: 1, count: 30, denominator: 100 },
    { code: "L2", value: 10, population: 300, deprivationQuintile: 4, count: 30, denominator: 300 },
    { code: "L3", value: 20, population: 100, deprivationQuintile: 2, count: 20, denominator: 100 },
  ];

  it("measures absolute and relative gaps from the comparator", () => {
    expect(areaGap("X", 12, 10)).toEqual({ code: "X", value: 12, absoluteGap: 2, relativeGap: 0.2 });
    expect(areaGap("X", 12, 0)).toMatchObject({ absoluteGap: 12, relativeGap: null });
    expect(areaGap("X", null, 10)).toMatchObject({ value: null, absoluteGap: null });
  });

  it("finds best and worst by polarity with the range and worst/best ratio", () => {
    const low = gapMeasures(localities, { comparatorValue: 16, polarity: "low-is-good" });
    expect(low.best).toEqual({ code: "L2", value: 10 });
    expect(low.worst).toEqual({ code: "L1", value: 30 });
    expect(low.range).toBe(20);
    expect(low.ratio).toBe(3);
    const high = gapMeasures(localities, { comparatorValue: 16, polarity: "high-is-good" });
    expect(high.best).toEqual({ code: "L1", value: 30 });
    expect(high.ratio).toBeCloseTo(1 / 3, 12);
    const none = gapMeasures(localities, { comparatorValue: 16, polarity: "none" });
    expect(none).toMatchObject({ best: null, worst: null, ratio: 3, highest: { code: "L1" } });
  });

  it("splits the county's gap into contributions that add up to it", () => {
    // County (population-weighted) = (30·100 + 10·300 + 20·100)/500 = 16; England = 12 → county gap 4.
    const result = contributionToGap(localities, 12);
    expect(result.areas.map((a) => a.contribution)).toEqual(
      [3.6, -1.2, 1.6].map((c) => expect.closeTo(c, 12)),
    );
    expect(result.total).toBeCloseTo(4, 12);
  });

  it("compares the most deprived quintile with the rest from pooled counts", () => {
    const result = mostDeprivedQuintileGap(localities, { multiplier: 100 });
    // Most deprived: 30/100 = 30%; rest: 50/400 = 12.5%.
    expect(result).toMatchObject({
      mostDeprived: 30,
      rest: 12.5,
      absoluteGap: 17.5,
      ratio: 2.4,
      pooling: "counts",
    });
    expect(result.relativeGap).toBeCloseTo(1.4, 12);
  });

  it("falls back to population weighting when counts are missing", () => {
    const noCounts = localities.map(({ code, value, population, deprivationQuintile }) => ({
      code,
      value,
      population,
      deprivationQuintile,
    }));
    const result = mostDeprivedQuintileGap(noCounts);
    expect(result).toMatchObject({ mostDeprived: 30, rest: 12.5, pooling: "population-weighted" });
  });

  it("gives defined results for a single area, missing values and an empty quintile", () => {
    const single = gapMeasures([{ code: "A", value: 5, population: 10 }], {
      comparatorValue: 5,
      polarity: "high-is-good",
    });
    expect(single).toMatchObject({ range: 0, ratio: 1, mostDeprivedQuintile: null });
    expect(single.contributions.total).toBe(0);
    const withMissing = gapMeasures([...localities, { code: "L4", value: null, population: 100 }], {
      comparatorValue: 12,
      polarity: "low-is-good",
    });
    expect(withMissing.areas[3]).toEqual({ code: "L4", value: null, absoluteGap: null, relativeGap: null });
    expect(withMissing.contributions.total).toBeNull();
    expect(withMissing.contributions.reason).toMatch(/1 of 4/);
    const noMostDeprived = mostDeprivedQuintileGap([
      { code: "A", value: 1, population: 1, deprivationQuintile: 3 },
    ]);
    expect(noMostDeprived).toMatchObject({ mostDeprived: null, absoluteGap: null });
    expect(noMostDeprived.reason).toMatch(/most deprived/);
    expect(gapMeasures([], { comparatorValue: 1, polarity: "none" })).toMatchObject({
      range: null,
      ratio: null,
    });
  });

  it("makes contributions sum to the weighted mean minus the comparator (property)", () => {
    const area = fc.record({
      value: fc.double({ min: -1000, max: 1000, noNaN: true }),
      population: fc.integer({ min: 1, max: 100_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(area, { minLength: 1, maxLength: 30 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (areas, comparator) => {
          const coded = areas.map((a, i) => ({ ...a, code: `A${i}` }));
          const total = coded.reduce((sum, a) => sum + a.population, 0);
          const mean = coded.reduce((sum, a) => sum + a.value * a.population, 0) / total;
          const result = contributionToGap(coded, comparator);
          expect(result.total!).toBeCloseTo(mean - comparator, 6);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
