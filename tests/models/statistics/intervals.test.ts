import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelInputError } from "../../../models/errors.ts";
import {
  byarInterval,
  directlyStandardisedRate,
  EUROPEAN_STANDARD_POPULATION_2013,
  exactPoissonInterval,
  expectedEvents,
  indicatorIntervals,
  indirectlyStandardisedRatio,
  meanWithInterval,
  poissonCountInterval,
  rateWithInterval,
  wilsonInterval,
} from "../../../models/statistics/index.ts";

// Reference values: METHODS.md §1 examples, and values computed from the stated formulas with
// scipy.stats (norm.ppf, chi2.ppf, t.ppf) to 1e-9, quoted here to 6–7 significant figures.
const close = (actual: number | null, expected: number, digits = 6) => {
  expect(actual).not.toBeNull();
  expect(actual!).toBeCloseTo(expected, digits);
};

describe("wilsonInterval", () => {
  it("reproduces the METHODS.md check: x=65, n=100 → 0.552544–0.736358", () => {
    const result = wilsonInterval(65, 100);
    expect(result.value).toBe(0.65);
    close(result.lower, 0.552544);
    close(result.upper, 0.736358);
  });

  it("gives the 99.8% limits 0.4954947–0.7783541 for 65/100 and applies the multiplier", () => {
    const result = wilsonInterval(65, 100, { confidence: 0.998, multiplier: 100 });
    expect(result.value).toBeCloseTo(65, 12);
    close(result.lower, 49.54947, 4);
    close(result.upper, 77.83541, 4);
  });

  it("keeps limits inside 0..1 at the edges: 0/10 → 0–0.2775328, 10/10 → 0.7224672–1", () => {
    expect(wilsonInterval(0, 10)).toMatchObject({ value: 0, lower: 0 });
    close(wilsonInterval(0, 10).upper, 0.2775328);
    expect(wilsonInterval(10, 10)).toMatchObject({ value: 1, upper: 1 });
    close(wilsonInterval(10, 10).lower, 0.7224672);
  });

  it("gives a null value with a reason for a zero denominator", () => {
    expect(wilsonInterval(0, 0)).toEqual({
      value: null,
      lower: null,
      upper: null,
      reason: "denominator is 0",
    });
  });

  it("throws a ModelInputError naming both values when count > denominator", () => {
    expect(() => wilsonInterval(11, 10)).toThrow(ModelInputError);
    expect(() => wilsonInterval(11, 10)).toThrow(/count 11 .*denominator 10/);
    expect(() => wilsonInterval(-1, 10)).toThrow(ModelInputError);
    expect(() => wilsonInterval(1, 10, { confidence: 95 })).toThrow(/confidence/);
  });

  it("contains the estimate and narrows as the denominator grows (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const x = Math.round(share * n);
          const small = wilsonInterval(x, n);
          const large = wilsonInterval(x * 4, n * 4);
          expect(small.lower!).toBeLessThanOrEqual(small.value! + 1e-12);
          expect(small.upper!).toBeGreaterThanOrEqual(small.value! - 1e-12);
          expect(large.upper! - large.lower!).toBeLessThan(small.upper! - small.lower!);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("byarInterval and exact Poisson limits", () => {
  it("computes Byar's limits for O = 10: 4.787450–18.391459 (95%), 2.916318–24.193725 (99.8%)", () => {
    const at95 = byarInterval(10);
    close(at95.lower, 4.78745);
    close(at95.upper, 18.391459);
    const at998 = byarInterval(10, { confidence: 0.998 });
    close(at998.lower, 2.916318);
    close(at998.upper, 24.193725);
  });

  it("computes Byar's limits for O = 100: 81.36211–121.62794", () => {
    const result = byarInterval(100);
    close(result.lower, 81.362105, 5);
    close(result.upper, 121.627938, 5);
  });

  it("gives a lower limit of 0 for O = 0 instead of NaN", () => {
    const result = byarInterval(0);
    expect(result.lower).toBe(0);
    expect(Number.isFinite(result.upper)).toBe(true);
  });

  it("computes exact limits for O = 3: qchisq(0.025, 6)/2 = 0.6186721, qchisq(0.975, 8)/2 = 8.767273", () => {
    const result = exactPoissonInterval(3);
    close(result.lower, 0.6186721);
    close(result.upper, 8.767273);
  });

  it("computes exact limits for O = 0 (0–3.688879) and O = 9 (4.115373–17.084803)", () => {
    expect(exactPoissonInterval(0).lower).toBe(0);
    close(exactPoissonInterval(0).upper, 3.688879);
    close(exactPoissonInterval(9).lower, 4.115373);
    close(exactPoissonInterval(9).upper, 17.084803);
  });

  it("switches from exact to Byar's at O = 10", () => {
    expect(poissonCountInterval(9).method).toBe("exact");
    expect(poissonCountInterval(10).method).toBe("byar");
    expect(poissonCountInterval(10).lower).toBe(byarInterval(10).lower);
  });

  it("rejects negative counts", () => {
    expect(() => byarInterval(-1)).toThrow(ModelInputError);
    expect(() => exactPoissonInterval(Number.NaN)).toThrow(ModelInputError);
  });
});

describe("rateWithInterval", () => {
  it("uses exact limits below 10: 3 per 10,000 → 30 (6.186721–87.67273) per 100,000", () => {
    const result = rateWithInterval(3, 10_000);
    expect(result.method).toBe("exact");
    close(result.value, 30, 9);
    close(result.lower, 6.186721);
    close(result.upper, 87.67273, 5);
  });

  it("uses Byar's limits from 10: 150 per 100,000 → 126.9547–176.0182", () => {
    const result = rateWithInterval(150, 100_000);
    expect(result.method).toBe("byar");
    close(result.lower, 126.954674, 5);
    close(result.upper, 176.018158, 5);
  });

  it("gives a lower limit of 0 for a zero count and null with a reason for a zero denominator", () => {
    expect(rateWithInterval(0, 1000, { multiplier: 1000 })).toMatchObject({ value: 0, lower: 0 });
    expect(rateWithInterval(0, 1000, { multiplier: 1000 }).upper).toBeCloseTo(3.688879, 6);
    expect(rateWithInterval(5, 0)).toMatchObject({
      value: null,
      lower: null,
      upper: null,
      reason: "denominator is 0",
    });
  });

  it("contains the estimate and narrows as the population grows (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (count, population) => {
          const small = rateWithInterval(count, population);
          const large = rateWithInterval(count * 4, population * 4);
          expect(small.lower!).toBeLessThanOrEqual(small.value!);
          expect(small.upper!).toBeGreaterThanOrEqual(small.value!);
          expect(large.upper! - large.lower!).toBeLessThan(small.upper! - small.lower!);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("directlyStandardisedRate", () => {
  // 19-band example (ESP 2013 weights): counts and populations stated here; O = 358.
  const counts = [0, 0, 0, 1, 1, 2, 2, 3, 5, 8, 12, 18, 25, 33, 41, 52, 60, 55, 40];
  const populations = [
    5200, 5600, 5400, 5100, 5300, 5600, 6000, 6300, 6400, 6600, 7200, 7000, 6500, 5800, 5200, 4300, 3200,
    2100, 1200,
  ];

  it("has the 19 ESP 2013 weights summing to 100,000", () => {
    expect(EUROPEAN_STANDARD_POPULATION_2013).toHaveLength(19);
    expect(EUROPEAN_STANDARD_POPULATION_2013.reduce((a, b) => a + b, 0)).toBe(100_000);
  });

  it("reproduces Dobson's method: DSR 313.8472 (95% 281.9539–348.3406; 99.8% 264.7284–368.9506)", () => {
    const at95 = directlyStandardisedRate(counts, populations, EUROPEAN_STANDARD_POPULATION_2013);
    close(at95.value, 313.847159, 5);
    close(at95.lower, 281.953901, 5);
    close(at95.upper, 348.340569, 5);
    const at998 = directlyStandardisedRate(counts, populations, EUROPEAN_STANDARD_POPULATION_2013, {
      confidence: 0.998,
    });
    close(at998.lower, 264.728357, 5);
    close(at998.upper, 368.950615, 5);
  });

  it("reproduces a two-band hand calculation: 5/1000 and 10/2000 equally weighted → 500 (266.2752–844.4187)", () => {
    const result = directlyStandardisedRate([5, 10], [1000, 2000], [1, 1]);
    close(result.value, 500, 9);
    close(result.lower, 266.275188, 5);
    close(result.upper, 844.418679, 5);
  });

  it("suppresses totals under 10 with a reason, and treats missing counts as 0", () => {
    const result = directlyStandardisedRate([4, 5, null], [1000, 1000, 1000], [1, 1, 1]);
    expect(result.value).toBeNull();
    expect(result.reason).toMatch(/under 10/);
    expect(directlyStandardisedRate([5, 5, null], [1000, 1000, 0], [1, 1, 1]).value).toBeCloseTo(333.3333, 3);
  });

  it("rejects mismatched arrays and events in a band with no population", () => {
    expect(() => directlyStandardisedRate([1, 2], [10], [1, 1])).toThrow(ModelInputError);
    expect(() => directlyStandardisedRate([10, 2], [0, 10], [1, 1])).toThrow(/band 1 has 10 events/);
  });
});

describe("indirectlyStandardisedRatio", () => {
  it("returns the ratio O/E with exact limits below 10: 3/2 → 1.5 (0.3093361–4.383637)", () => {
    const result = indirectlyStandardisedRatio(3, 2);
    expect(result.method).toBe("exact");
    close(result.value, 1.5, 12);
    close(result.lower, 0.3093361);
    close(result.upper, 4.383637);
  });

  it("uses Byar's limits from 10: 50/40 → 1.25 (0.9277025–1.648004), ×100 with referenceValue", () => {
    const result = indirectlyStandardisedRatio(50, 40);
    close(result.lower, 0.9277025);
    close(result.upper, 1.648004);
    expect(indirectlyStandardisedRatio(50, 40, { referenceValue: 100 }).value).toBeCloseTo(125, 10);
  });

  it("sums per-band arrays and computes expected events", () => {
    expect(expectedEvents([0.001, 0.01], [1000, 200])).toBeCloseTo(3, 12);
    expect(indirectlyStandardisedRatio([1, 2], [0.5, 1.5]).value).toBeCloseTo(1.5, 12);
  });

  it("gives null with a reason when nothing is expected", () => {
    expect(indirectlyStandardisedRatio(2, 0)).toMatchObject({ value: null, reason: "expected count is 0" });
  });
});

describe("meanWithInterval", () => {
  const values = [2, 4, 4, 4, 5, 5, 7, 9];

  it("uses t with n − 1 df: mean 5, 95% 3.212512–6.787488, 99.8% 1.382661–8.617339", () => {
    const at95 = meanWithInterval(values);
    expect(at95.value).toBe(5);
    close(at95.lower, 3.212512);
    close(at95.upper, 6.787488);
    close(at95.standardDeviation, 2.13809);
    const at998 = meanWithInterval(values, { confidence: 0.998 });
    close(at998.lower, 1.382661, 5);
    close(at998.upper, 8.617339, 5);
  });

  it("handles no values and a single value without NaN", () => {
    expect(meanWithInterval([])).toMatchObject({ value: null, lower: null, upper: null, n: 0 });
    expect(meanWithInterval([3])).toMatchObject({ value: 3, lower: null, upper: null, n: 1 });
    expect(() => meanWithInterval([1, Number.NaN])).toThrow(ModelInputError);
  });
});

describe("indicatorIntervals", () => {
  it("gives Wilson 95% and 99.8% limits for proportions", () => {
    const result = indicatorIntervals(65, 100, { valueType: "proportion", multiplier: 100 });
    expect(result.method).toBe("wilson");
    close(result.lower95, 55.2544, 3);
    close(result.upper95, 73.6358, 3);
    close(result.lower998, 49.5495, 3);
    close(result.upper998, 77.8354, 3);
  });

  it("gives Poisson limits for rates and counts, and no limits (with a reason) for other types", () => {
    expect(indicatorIntervals(3, 10_000, { valueType: "rate", multiplier: 100_000 })).toMatchObject({
      value: 30,
      method: "exact",
    });
    const count = indicatorIntervals(10, 1, { valueType: "count" });
    expect(count.value).toBe(10);
    close(count.lower95, 4.78745);
    const score = indicatorIntervals(10, 4, { valueType: "score" });
    expect(score).toMatchObject({ value: 2.5, lower95: null, method: null });
    expect(score.reason).toMatch(/score/);
    expect(indicatorIntervals(0, 0, { valueType: "proportion" })).toMatchObject({
      value: null,
      reason: "denominator is 0",
    });
  });
});
