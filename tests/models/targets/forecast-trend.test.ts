import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelInputError } from "../../../models/errors.ts";
import { seededRandom } from "../../../models/random.ts";
import { forecastTrend, ragStatus } from "../../../models/targets/index.ts";

// Hand-made series: x = 1…5, y = 2, 4, 5, 4, 5. x̄ = 3, Sxx = 10, Sxy = 6 → slope 0.6, intercept 2.2;
// residuals −0.8, 0.6, 1.0, −0.6, −0.2 → SSE 2.4, σ² = 0.8. At x₀ = 8: ŷ = 7.0,
// SE(pred) = √(0.8·(1 + 1/5 + 25/10)) = √2.96 = 1.7204651, t(0.975; 3) = 3.1824463 (R: qt(0.975, 3)),
// so the 95% prediction interval is 7 ± 5.4752877 = [1.5247123, 12.4752877].
const handSeries = [2, 4, 5, 4, 5].map((value, i) => ({ period: i + 1, value }));
const lowerBound = 1.5247123;
const upperBound = 12.4752877;

describe("forecastTrend: hand-computed prediction interval", () => {
  it("fits the line and the t-based prediction interval", () => {
    const result = forecastTrend(handSeries, { targetPeriod: 8, targetValue: 10, polarity: "high-is-good" });
    expect(result.slope).toBeCloseTo(0.6, 12);
    expect(result.intercept).toBeCloseTo(2.2, 12);
    expect(result.projectedValue).toBeCloseTo(7, 12);
    expect(result.lowerPrediction).toBeCloseTo(lowerBound, 6);
    expect(result.upperPrediction).toBeCloseTo(upperBound, 6);
    expect(result.achievedAnnualChange).toBeCloseTo(0.6, 12);
    expect(result.requiredAnnualChange).toBeCloseTo((10 - 5) / 3, 12);
    expect(result).toMatchObject({
      pointsUsed: 5,
      periodsUsed: [1, 2, 3, 4, 5],
      reason: null,
      weighting: "ols",
    });
  });

  const cases: [string, "high-is-good" | "low-is-good", number, string][] = [
    ["high-is-good, target below the lower bound", "high-is-good", 1.5, "on track"],
    ["high-is-good, target just inside the lower bound", "high-is-good", 1.53, "at risk"],
    ["high-is-good, target just inside the upper bound", "high-is-good", 12.47, "at risk"],
    ["high-is-good, target above the upper bound", "high-is-good", 12.5, "off track"],
    ["low-is-good, target above the upper bound", "low-is-good", 12.5, "on track"],
    ["low-is-good, target just inside the upper bound", "low-is-good", 12.47, "at risk"],
    ["low-is-good, target just inside the lower bound", "low-is-good", 1.53, "at risk"],
    ["low-is-good, target below the lower bound", "low-is-good", 1.5, "off track"],
  ];
  for (const [name, polarity, targetValue, status] of cases) {
    it(`${name} (${targetValue}) → ${status}`, () => {
      expect(forecastTrend(handSeries, { targetPeriod: 8, targetValue, polarity }).status).toBe(status);
    });
  }

  it("counts a target exactly at the pessimistic bound as on track and at the optimistic bound as at risk", () => {
    expect(ragStatus(2, 4, 2, 1)).toBe("on track");
    expect(ragStatus(2, 4, 4, 1)).toBe("at risk");
    expect(ragStatus(2, 4, 4, -1)).toBe("on track");
    expect(ragStatus(2, 4, 2, -1)).toBe("at risk");
  });

  it("gives a zero-width interval for a perfect line (the doc example)", () => {
    const points = [10, 12, 14].map((value, i) => ({ period: 2020 + i, value }));
    const result = forecastTrend(points, { targetPeriod: 2025, targetValue: 18, polarity: "high-is-good" });
    expect(result.slope).toBeCloseTo(2, 9);
    expect(result.projectedValue).toBeCloseTo(20, 9);
    expect(result.upperPrediction! - result.lowerPrediction!).toBeCloseTo(0, 9);
    expect(result.status).toBe("on track");
    expect(result.requiredAnnualChange).toBeCloseTo(4 / 3, 12);
    const missed = forecastTrend(points, { targetPeriod: 2025, targetValue: 21, polarity: "high-is-good" });
    expect(missed.status).toBe("off track");
  });
});

describe("forecastTrend: points used", () => {
  it("uses only the last k points by period, whatever the input order", () => {
    const early = [100, -50, 80].map((value, i) => ({ period: 2010 + i, value }));
    const recent = [20, 21, 22, 23, 24].map((value, i) => ({ period: 2013 + i, value }));
    const options = { targetPeriod: 2020, targetValue: 30, polarity: "high-is-good" as const };
    const result = forecastTrend([...recent].reverse().concat(early), options);
    expect(result.slope).toBeCloseTo(1, 12);
    expect(result.periodsUsed).toEqual([2013, 2014, 2015, 2016, 2017]);
    expect(forecastTrend(recent.concat(early), { ...options, lastK: 8 }).pointsUsed).toBe(8);
  });

  it("cannot be calculated from fewer than 3 points, but still reports the required change", () => {
    const result = forecastTrend(
      [
        { period: 2022, value: 40 },
        { period: 2023, value: 38 },
      ],
      { targetPeriod: 2026, targetValue: 32, polarity: "low-is-good" },
    );
    expect(result.status).toBe("cannot be calculated");
    expect(result.reason).toMatch(/at least 3 points .*got 2/);
    expect(result.slope).toBeNull();
    expect(result.lowerPrediction).toBeNull();
    expect(result.requiredAnnualChange).toBeCloseTo(-2, 12);
    expect(forecastTrend([], { targetPeriod: 2026, targetValue: 32, polarity: "low-is-good" })).toMatchObject(
      {
        status: "cannot be calculated",
        requiredAnnualChange: null,
        pointsUsed: 0,
      },
    );
  });

  it("has no required annual change when the target period is not after the latest point", () => {
    const result = forecastTrend(handSeries, { targetPeriod: 5, targetValue: 5, polarity: "high-is-good" });
    expect(result.requiredAnnualChange).toBeNull();
    expect(result.projectedValue).toBeCloseTo(5.2, 12);
  });
});

describe("forecastTrend: inverse-variance weighting", () => {
  it("equals OLS when every standard error is the same", () => {
    const withSe = handSeries.map((point) => ({ ...point, standardError: 0.7 }));
    const options = { targetPeriod: 8, targetValue: 10, polarity: "high-is-good" as const };
    const weighted = forecastTrend(withSe, { ...options, weighting: "inverse-variance" });
    const ordinary = forecastTrend(handSeries, options);
    expect(weighted.slope).toBeCloseTo(ordinary.slope!, 12);
    expect(weighted.lowerPrediction).toBeCloseTo(ordinary.lowerPrediction!, 10);
    expect(weighted.upperPrediction).toBeCloseTo(ordinary.upperPrediction!, 10);
  });

  it("all but ignores a point with a huge standard error", () => {
    const points = [
      { period: 1, value: 1, standardError: 0.1 },
      { period: 2, value: 2, standardError: 0.1 },
      { period: 3, value: 50, standardError: 1e6 },
      { period: 4, value: 4, standardError: 0.1 },
    ];
    const result = forecastTrend(points, {
      targetPeriod: 6,
      targetValue: 6,
      polarity: "high-is-good",
      weighting: "inverse-variance",
    });
    expect(result.slope).toBeCloseTo(1, 6);
  });

  it("rejects a missing standard error", () => {
    expect(() =>
      forecastTrend(handSeries, {
        targetPeriod: 8,
        targetValue: 10,
        polarity: "high-is-good",
        weighting: "inverse-variance",
      }),
    ).toThrow(/inverse-variance weighting needs a positive standard error at period 1 \(got undefined\)/);
  });
});

describe("forecastTrend: input validation", () => {
  const options = { targetPeriod: 8, targetValue: 10, polarity: "high-is-good" as const };
  it.each([
    ["a repeated period", [...handSeries, { period: 5, value: 1 }], options, /period 5 appears twice/],
    ["a missing value", [{ period: 1, value: Number.NaN }], options, /finite period and value/],
    ["lastK below 3", handSeries, { ...options, lastK: 2 }, /lastK must be a whole number of at least 3/],
    ["an unknown polarity", handSeries, { ...options, polarity: "up" }, /polarity must be/],
    ["a confidence of 95", handSeries, { ...options, confidence: 95 }, /confidence must be between 0 and 1/],
    [
      "an unknown weighting, even with too few points",
      [],
      { ...options, weighting: "median" },
      /weighting must be/,
    ],
    ["a missing target", handSeries, { ...options, targetValue: undefined }, /targetPeriod and targetValue/],
  ])("rejects %s", (_name, points, badOptions, message) => {
    expect(() => forecastTrend(points as never, badOptions as never)).toThrow(ModelInputError);
    expect(() => forecastTrend(points as never, badOptions as never)).toThrow(message);
  });
});

describe("forecastTrend: synthetic series with a known trend", () => {
  it("recovers the slope of any noise-free line exactly", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.integer({ min: 1990, max: 2030 }),
        (slope, level, start) => {
          const points = [0, 1, 2, 3, 4].map((i) => ({ period: start + i, value: level + slope * i }));
          const result = forecastTrend(points, {
            targetPeriod: start + 8,
            targetValue: 0,
            polarity: "low-is-good",
          });
          expect(result.slope).toBeCloseTo(slope, 6);
          expect(result.projectedValue).toBeCloseTo(level + slope * 8, 5);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("recovers the slope under seeded noise and covers the future value about 95% of the time", () => {
    // y = 50 + 1.5·t + N(0, 0.5²) for t = 0…4; 4,000 series. SE(slope) = 0.5/√10 ≈ 0.158, so the mean
    // slope is within 0.01 of 1.5 (≈ 4 standard errors); the coverage has binomial SE ≈ 0.0034.
    const random = seededRandom(20240501);
    const runs = 4000;
    let slopeSum = 0;
    let covered = 0;
    for (let run = 0; run < runs; run++) {
      const points = [0, 1, 2, 3, 4].map((t) => ({
        period: 2015 + t,
        value: 50 + 1.5 * t + 0.5 * random.normal(),
      }));
      const result = forecastTrend(points, { targetPeriod: 2022, targetValue: 60, polarity: "high-is-good" });
      slopeSum += result.slope!;
      const future = 50 + 1.5 * 7 + 0.5 * random.normal();
      if (future >= result.lowerPrediction! && future <= result.upperPrediction!) covered++;
    }
    expect(Math.abs(slopeSum / runs - 1.5)).toBeLessThan(0.01);
    expect(covered / runs).toBeGreaterThan(0.935);
    expect(covered / runs).toBeLessThan(0.965);
  });

  it("weighted by 1/SE² covers a future value with the points' mean variance about 95% of the time", () => {
    const random = seededRandom(7);
    const standardErrors = [0.3, 0.6, 0.9, 0.6, 0.3, 0.9];
    const futureSe = Math.sqrt(standardErrors.reduce((s, se) => s + se * se, 0) / standardErrors.length);
    const runs = 4000;
    let covered = 0;
    let slopeSum = 0;
    for (let run = 0; run < runs; run++) {
      const points = standardErrors.map((se, t) => ({
        period: t,
        value: 10 - 0.8 * t + se * random.normal(),
        standardError: se,
      }));
      const result = forecastTrend(points, {
        lastK: 6,
        weighting: "inverse-variance",
        targetPeriod: 9,
        targetValue: 3,
        polarity: "low-is-good",
      });
      slopeSum += result.slope!;
      const future = 10 - 0.8 * 9 + futureSe * random.normal();
      if (future >= result.lowerPrediction! && future <= result.upperPrediction!) covered++;
    }
    expect(Math.abs(slopeSum / runs + 0.8)).toBeLessThan(0.01);
    expect(covered / runs).toBeGreaterThan(0.935);
    expect(covered / runs).toBeLessThan(0.965);
  });
});
