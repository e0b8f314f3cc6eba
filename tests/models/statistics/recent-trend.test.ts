import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelInputError } from "../../../models/errors.ts";
import {
  chiSquareTestForTrend,
  isWorseAndGettingWorse,
  RECENT_TREND_CHI_SQUARE_THRESHOLD,
  recentTrend,
  type TrendPoint,
  weightedTrendTest,
} from "../../../models/statistics/index.ts";

/** Points with a symmetric 95% interval of ± halfWidth, i.e. SE = 2·halfWidth/3.92. */
const withInterval = (values: number[], halfWidth = 1): TrendPoint[] =>
  values.map((value) => ({ value, lower: value - halfWidth, upper: value + halfWidth }));

describe("chiSquareTestForTrend", () => {
  it("reproduces R's prop.trend.test example (smokers 83/86, 90/93, 129/136, 70/82): X-squared = 8.2249", () => {
    const result = chiSquareTestForTrend([83, 90, 129, 70], [86, 93, 136, 82]);
    expect(result.chiSquare).toBeCloseTo(8.2249, 4);
    expect(result.slope).toBeCloseTo(-0.0334156, 6);
  });

  it("gives a slope of 0.02 and χ² = 33.22259 for 100, 120, …, 180 per 1,000 (by hand: T = 200, Stt = 10,000)", () => {
    const result = chiSquareTestForTrend([100, 120, 140, 160, 180], [1000, 1000, 1000, 1000, 1000]);
    expect(result.slope).toBeCloseTo(0.02, 12);
    expect(result.chiSquare).toBeCloseTo(33.222591, 5);
  });

  it("gives 0 for series with no events, and rejects count > denominator", () => {
    expect(chiSquareTestForTrend([0, 0, 0], [10, 10, 10])).toEqual({ slope: 0, chiSquare: 0 });
    expect(() => chiSquareTestForTrend([11, 0], [10, 10])).toThrow(ModelInputError);
  });
});

describe("weightedTrendTest", () => {
  it("uses the known-variance standard error: 10, 12, 14 with SE 1 → slope 2, χ² = 8", () => {
    const result = weightedTrendTest([10, 12, 14], [1, 1, 1]);
    expect(result.slope).toBeCloseTo(2, 12);
    expect(result.chiSquare).toBeCloseTo(8, 10);
  });
});

describe("recentTrend", () => {
  it("uses the 99.8% threshold 3.090232² ≈ 9.5495", () => {
    expect(RECENT_TREND_CHI_SQUARE_THRESHOLD).toBeCloseTo(9.5495, 4);
  });

  it("finds a significant decrease by weighted least squares: slope −2, χ² = 153.664 (4·Σw(t − t̄)², SE = 2/3.92)", () => {
    const result = recentTrend(withInterval([20, 18, 16, 14, 12]), {
      valueType: "rate",
      polarity: "low-is-good",
    });
    expect(result.direction).toBe("decreasing");
    expect(result.slope).toBeCloseTo(-2, 10);
    expect(result.chiSquare).toBeCloseTo(153.664, 6);
    expect(result.label).toBe("decreasing and getting better");
    expect(result.improving).toBe(true);
    expect(result.method).toBe("weighted least squares");
  });

  it("uses the chi-square test for trend for proportions with counts", () => {
    const points = [100, 120, 140, 160, 180].map((count) => ({ count, denominator: 1000 }));
    const result = recentTrend(points, { valueType: "proportion", polarity: "low-is-good", multiplier: 100 });
    expect(result.direction).toBe("increasing");
    expect(result.method).toBe("chi-square test for trend");
    expect(result.slope).toBeCloseTo(2, 10);
    expect(result.chiSquare).toBeCloseTo(33.222591, 5);
    expect(result.label).toBe("increasing and getting worse");
    expect(result.improving).toBe(false);
  });

  it("reports no significant change below the threshold (50, 52, 55, 57, 60 per 1,000: χ² = 1.206635)", () => {
    const points = [50, 52, 55, 57, 60].map((count) => ({ count, denominator: 1000 }));
    const result = recentTrend(points, { valueType: "proportion", polarity: "high-is-good" });
    expect(result.direction).toBe("no significant change");
    expect(result.chiSquare).toBeCloseTo(1.206635, 5);
    expect(result.label).toBe("no significant change");
    expect(result.improving).toBeNull();
  });

  it("needs the slope to keep its sign when each point is left out", () => {
    // Flat at 10 then a jump to 13 with tight intervals: χ² = 360, but without the last point the slope is 0.
    const result = recentTrend(withInterval([10, 10, 10, 10, 13], 0.196), { valueType: "rate" });
    expect(result.chiSquare!).toBeGreaterThan(RECENT_TREND_CHI_SQUARE_THRESHOLD);
    expect(result.direction).toBe("no significant change");
  });

  it("labels a trend without polarity by its direction alone", () => {
    const result = recentTrend(withInterval([1, 2, 3, 4, 5], 0.1), { valueType: "other" });
    expect(result).toMatchObject({ direction: "increasing", label: "increasing", improving: null });
  });

  it("uses only the last five points", () => {
    const tail = withInterval([20, 18, 16, 14, 12]);
    const longer = [...withInterval([1, 100, 3]), ...tail];
    expect(recentTrend(longer, { valueType: "rate" })).toEqual(recentTrend(tail, { valueType: "rate" }));
  });

  it("cannot be calculated with fewer than five points, a missing period or a gap in the periods", () => {
    const short = recentTrend(withInterval([1, 2, 3, 4]), { valueType: "rate" });
    expect(short).toMatchObject({ direction: "cannot be calculated", slope: null, chiSquare: null });
    expect(short.reason).toMatch(/4 points/);
    const missing = [...withInterval([1, 2, 3, 4]), { value: null }];
    expect(recentTrend(missing, { valueType: "rate" }).direction).toBe("cannot be calculated");
    const gapped = withInterval([1, 2, 3, 4, 5]).map((point, i) => ({
      ...point,
      period: 2010 + i + (i > 2 ? 1 : 0),
    }));
    const result = recentTrend(gapped, { valueType: "rate" });
    expect(result.direction).toBe("cannot be calculated");
    expect(result.reason).toMatch(/2012 and 2014 are not consecutive/);
  });

  it("falls back to the intervals for proportions without counts, and to 'cannot' without either", () => {
    expect(
      recentTrend(withInterval([0.1, 0.2, 0.3, 0.4, 0.5], 0.01), { valueType: "proportion" }).method,
    ).toBe("weighted least squares");
    const bare = [1, 2, 3, 4, 5].map((value) => ({ value }));
    expect(recentTrend(bare, { valueType: "proportion" }).direction).toBe("cannot be calculated");
  });

  it("is not significant when every count is zero (χ² = 0)", () => {
    const points = Array.from({ length: 5 }, () => ({ count: 0, denominator: 500 }));
    expect(recentTrend(points, { valueType: "proportion" })).toMatchObject({
      direction: "no significant change",
      chiSquare: 0,
    });
  });

  it("flips the slope's sign and keeps χ² when time runs backwards (property)", () => {
    const point = fc.record({
      value: fc.double({ min: -100, max: 100, noNaN: true }),
      halfWidth: fc.double({ min: 0.01, max: 10, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(point, { minLength: 5, maxLength: 5 }), (raw) => {
        const points = raw.map(({ value, halfWidth }) => ({
          value,
          lower: value - halfWidth,
          upper: value + halfWidth,
        }));
        const forward = recentTrend(points, { valueType: "rate" });
        const backward = recentTrend([...points].reverse(), { valueType: "rate" });
        expect(backward.slope!).toBeCloseTo(-forward.slope!, 6);
        expect(backward.chiSquare!).toBeCloseTo(forward.chiSquare!, 6);
        const mirrored = { increasing: "decreasing", decreasing: "increasing" } as Record<string, string>;
        expect(backward.direction).toBe(mirrored[forward.direction] ?? forward.direction);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("isWorseAndGettingWorse", () => {
  it("flags only a worse comparison with a trend in the bad direction", () => {
    expect(isWorseAndGettingWorse("worse", { improving: false })).toBe(true);
    expect(isWorseAndGettingWorse("worst", { improving: false })).toBe(true);
    expect(isWorseAndGettingWorse("worse", { improving: true })).toBe(false);
    expect(isWorseAndGettingWorse("worse", { improving: null })).toBe(false);
    expect(isWorseAndGettingWorse("similar", { improving: false })).toBe(false);
  });
});
