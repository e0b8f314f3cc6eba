import { describe, expect, it } from "vitest";
import { ModelInputError } from "../../../models/errors.ts";
import { seededRandom } from "../../../models/random.ts";
import { gapForecast } from "../../../models/targets/index.ts";

const series = (values: number[], start = 1) => values.map((value, i) => ({ period: start + i, value }));
const flat = (value: number, length: number, start = 1) => series(Array(length).fill(value), start);

describe("gapForecast: hand-made gap series", () => {
  it("classifies a steadily shrinking gap as narrowing (the doc example)", () => {
    const result = gapForecast(series([10, 11, 12]), flat(20, 3));
    expect(result).toMatchObject({ classification: "narrowing", latestGap: -8, pointsUsed: 3, reason: null });
    expect(result.slope).toBeCloseTo(-1, 12);
  });

  it("classifies a steadily growing gap as widening, whichever side the area is on", () => {
    expect(gapForecast(series([18, 16, 14, 12]), flat(20, 4)).classification).toBe("widening");
    expect(gapForecast(series([22, 24, 26, 28]), flat(20, 4)).classification).toBe("widening");
  });

  it("gives the slope's t interval: |gap| = 2, 4, 5, 4, 5 → 0.6 ± 3.1824463·√(0.8/10)", () => {
    // Same line as the forecast test: slope 0.6, σ² = 0.8, Sxx = 10 → SE 0.2828427; half-width 0.9001317.
    const result = gapForecast(series([-2, -4, -5, -4, -5]), flat(0, 5));
    expect(result.slope).toBeCloseTo(0.6, 12);
    expect(result.slopeLower).toBeCloseTo(0.6 - 0.9001317, 6);
    expect(result.slopeUpper).toBeCloseTo(0.6 + 0.9001317, 6);
    expect(result.classification).toBe("no clear change");
    expect(result.latestGap).toBe(-5);
  });

  it("uses only periods both series have, and the last k of them", () => {
    const area = [
      { period: 2012, value: 99 },
      { period: 2014, value: 11 },
      { period: 2015, value: 12 },
      { period: 2016, value: 13 },
      { period: 2019, value: 50 },
    ];
    const result = gapForecast(area, flat(20, 6, 2013), { lastK: 3 });
    expect(result.periodsUsed).toEqual([2014, 2015, 2016]);
    expect(result.classification).toBe("narrowing");
  });

  it("projects the absolute gap to a target period when asked", () => {
    const result = gapForecast(series([12, 13, 14]), flat(20, 3), { targetPeriod: 6 });
    expect(result.projectedAbsoluteGap).toBeCloseTo(3, 9);
    expect(result.upperPrediction! - result.lowerPrediction!).toBeCloseTo(0, 9);
    expect(gapForecast(series([12, 13, 14]), flat(20, 3)).projectedAbsoluteGap).toBeNull();
  });

  it("cannot be calculated with fewer than 3 shared periods", () => {
    const result = gapForecast(series([1, 2, 3]), flat(5, 2, 2));
    expect(result).toMatchObject({
      classification: "cannot be calculated",
      slope: null,
      pointsUsed: 2,
      latestGap: -2,
    });
    expect(result.reason).toMatch(/at least 3 periods with both .*got 2/);
  });

  it("weights by 1/(SE_area² + SE_comparator²) and needs both standard errors", () => {
    const area = series([10, 11, 13, 13]).map((p) => ({ ...p, standardError: 3 }));
    const comparator = flat(20, 4).map((p) => ({ ...p, standardError: 4 }));
    const weighted = gapForecast(area, comparator, { weighting: "inverse-variance" });
    const ordinary = gapForecast(area, comparator);
    expect(weighted.slope).toBeCloseTo(ordinary.slope!, 12);
    expect(weighted.slopeLower).toBeCloseTo(ordinary.slopeLower!, 10);
    expect(() => gapForecast(area, flat(20, 4), { weighting: "inverse-variance" })).toThrow(
      /needs a positive standard error at period 1/,
    );
  });

  it("rejects invalid series and options", () => {
    expect(() => gapForecast([{ period: 1, value: Number.NaN }], flat(1, 3))).toThrow(ModelInputError);
    expect(() => gapForecast(series([1, 2, 3]), [...flat(1, 3), { period: 2, value: 0 }])).toThrow(
      /appears twice/,
    );
    expect(() => gapForecast(series([1, 2, 3]), flat(1, 3), { targetPeriod: Number.NaN })).toThrow(
      /targetPeriod/,
    );
  });
});

describe("gapForecast: seeded synthetic gaps", () => {
  it("detects a narrowing gap under noise and rarely calls a flat gap narrowing or widening", () => {
    const random = seededRandom(99);
    const comparator = flat(50, 5, 2019);
    let narrowing = 0;
    let falseAlarms = 0;
    const runs = 2000;
    for (let run = 0; run < runs; run++) {
      const closing = series(
        [0, 1, 2, 3, 4].map((t) => 40 + 1.5 * t + 0.3 * random.normal()),
        2019,
      );
      if (gapForecast(closing, comparator).classification === "narrowing") narrowing++;
      const steady = series(
        [0, 1, 2, 3, 4].map(() => 40 + 0.3 * random.normal()),
        2019,
      );
      if (gapForecast(steady, comparator).classification !== "no clear change") falseAlarms++;
    }
    expect(narrowing).toBe(runs);
    // The slope's 95% interval excludes a true slope of 0 in about 5% of runs (binomial SE ≈ 0.5%).
    expect(falseAlarms / runs).toBeGreaterThan(0.035);
    expect(falseAlarms / runs).toBeLessThan(0.065);
  });
});
