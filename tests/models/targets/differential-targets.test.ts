import { describe, expect, it } from "vitest";
import { ModelInputError } from "../../../models/errors.ts";
import { deprivationPositions, differentialTargets } from "../../../models/targets/index.ts";

const twoAreas = [
  { code: "B", baseline: 20, weight: 1 },
  { code: "A", baseline: 10, weight: 1 },
];

function targetsByCode(result: ReturnType<typeof differentialTargets>): Record<string, number> {
  return Object.fromEntries(result.areas.map((area) => [area.code, area.target]));
}

describe("differentialTargets: gap-to-county, worked by hand", () => {
  it("reproduces the doc example: τ = T + (1 − p)(b − B̄) with B̄ = 15, T = 18, p = 0.2", () => {
    const result = differentialTargets({
      polarity: "high-is-good",
      county: { baseline: 15, target: 18 },
      method: "gap-to-county",
      narrowBy: 0.2,
      years: 4,
      areas: twoAreas,
    });
    expect(result.areas.map((area) => area.code)).toEqual(["A", "B"]);
    const [a, b] = result.areas;
    expect(a).toMatchObject({
      target: 14,
      requiredChange: 4,
      requiredAnnualChange: 1,
      gapBaseline: -5,
      gapTarget: -4,
    });
    expect(b).toMatchObject({
      target: 22,
      requiredChange: 2,
      requiredAnnualChange: 0.5,
      gapBaseline: 5,
      gapTarget: 4,
    });
    expect(result.check).toMatchObject({
      weightedMeanOfTargets: 18,
      countyTarget: 18,
      countyBaseline: 15,
      weightedMeanOfBaselines: 15,
      baselineGap: 5,
      targetGap: 4,
      gapMeasure: "weighted mean absolute gap to the county",
      mostDeprivedQuintile: null,
      liftedToFloor: [],
    });
    expect(result.check.narrowedBy).toBeCloseTo(0.2, 12);
    expect(result.parameters).toEqual({
      polarity: "high-is-good",
      narrowBy: 0.2,
      floor: null,
      years: 4,
      totalWeight: 2,
    });
  });

  it("handles low-is-good with unequal weights: B̄ = (30 + 3·10)/4 = 15, T = 12, p = 0.5 → 19.5 and 9.5", () => {
    const result = differentialTargets({
      polarity: "low-is-good",
      county: { baseline: 15, target: 12, baselinePeriod: 2019, targetPeriod: 2025 },
      method: "gap-to-county",
      narrowBy: 0.5,
      areas: [
        { code: "A", baseline: 30, weight: 1 },
        { code: "B", baseline: 10, weight: 3 },
      ],
    });
    expect(targetsByCode(result)).toEqual({ A: 19.5, B: 9.5 });
    expect(result.areas[0]!.requiredAnnualChange).toBeCloseTo(-10.5 / 6, 12);
    expect(result.parameters.years).toBe(6);
    // weighted mean absolute gap: (15 + 3·5)/4 = 7.5 at baseline, (7.5 + 3·2.5)/4 = 3.75 at target
    expect(result.check.baselineGap).toBe(7.5);
    expect(result.check.targetGap).toBe(3.75);
  });

  it("returns null annual changes when neither years nor both periods are given", () => {
    const result = differentialTargets({
      polarity: "high-is-good",
      county: { baseline: 15, target: 18, baselinePeriod: 2020 },
      method: "gap-to-county",
      narrowBy: 0,
      areas: twoAreas,
    });
    expect(result.areas.map((area) => area.requiredAnnualChange)).toEqual([null, null]);
    expect(targetsByCode(result)).toEqual({ A: 13, B: 23 });
  });

  it("accepts the narrowing that leaves the best area exactly at its baseline (T − B̄ = p·max gap)", () => {
    // B̄ = 15, best gap 5, p = 0.4 → T must be ≥ 17; at 17 area B stays at 20.
    const result = differentialTargets({
      polarity: "high-is-good",
      county: { baseline: 15, target: 17 },
      method: "gap-to-county",
      narrowBy: 0.4,
      areas: twoAreas,
    });
    expect(targetsByCode(result)).toEqual({ A: 14, B: 20 });
  });
});

describe("differentialTargets: quintile-gap and graded, worked by hand", () => {
  const fiveAreas = ["A", "B", "C", "D", "E"].map((code, i) => ({
    code,
    baseline: i === 0 ? 10 : 20,
    weight: 1,
    deprivationRank: i + 1,
  }));

  it("narrows the most deprived quintile's gap to the rest by p, each group moving uniformly", () => {
    // Q = {A} (midpoint 0.1), rest mean 20, G₀ = −10 → −5 at p = 0.5; t_Q = 20 − 0.8·5 = 16, t_R = 20 + 0.2·5 = 21.
    const result = differentialTargets({
      polarity: "high-is-good",
      county: { baseline: 18, target: 20 },
      method: "quintile-gap",
      narrowBy: 0.5,
      areas: fiveAreas,
    });
    expect(targetsByCode(result)).toEqual({ A: 16, B: 21, C: 21, D: 21, E: 21 });
    expect(result.check).toMatchObject({
      mostDeprivedQuintile: ["A"],
      gapMeasure: "most deprived quintile minus the rest",
      baselineGap: -10,
      targetGap: -5,
      narrowedBy: 0.5,
      weightedMeanOfTargets: 20,
    });
  });

  it("grades the change by deprivation: g = 1.4 − 0.8·r with r = 0.125, 0.375, 0.75 (p = 0.4)", () => {
    // Shares 0.25, 0.25, 0.5; g = 1.3, 1.1, 0.8 (weighted mean 1); B̄ = 47.5, T = 45.5 → change −2·g.
    const result = differentialTargets({
      polarity: "low-is-good",
      county: { baseline: 47.5, target: 45.5 },
      method: "graded",
      narrowBy: 0.4,
      areas: [
        { code: "C", baseline: 40, weight: 2, deprivationRank: 3 },
        { code: "A", baseline: 60, weight: 1, deprivationRank: 1 },
        { code: "B", baseline: 50, weight: 1, deprivationRank: 2 },
      ],
    });
    const targets = targetsByCode(result);
    expect(targets.A).toBeCloseTo(57.4, 12);
    expect(targets.B).toBeCloseTo(47.8, 12);
    expect(targets.C).toBeCloseTo(38.4, 12);
    expect(result.check.weightedMeanOfTargets).toBeCloseTo(45.5, 12);
    // quintile {A}: gap 60 − 130/3 = 16.667 at baseline, 57.4 − 124.6/3 = 15.867 at target
    expect(result.check.baselineGap).toBeCloseTo(50 / 3, 12);
    expect(result.check.targetGap).toBeCloseTo(57.4 - 124.6 / 3, 12);
  });

  it("places tied ranks in one block sharing the block midpoint", () => {
    const positions = deprivationPositions(
      [
        { code: "X", weight: 1, deprivationRank: 1 },
        { code: "Y", weight: 1, deprivationRank: 2 },
        { code: "Z", weight: 2, deprivationRank: 2 },
      ],
      "test",
    );
    expect(positions.get("X")).toEqual({ relativeRank: 0.125, inMostDeprivedQuintile: true });
    expect(positions.get("Y")).toEqual({ relativeRank: 0.625, inMostDeprivedQuintile: false });
    expect(positions.get("Z")).toEqual(positions.get("Y"));
  });

  it("always puts the most deprived block in the quintile, even when it holds over 40% of the weight", () => {
    const positions = deprivationPositions(
      [
        { code: "BIG", weight: 5, deprivationRank: 1 },
        { code: "SMALL", weight: 1, deprivationRank: 2 },
      ],
      "test",
    );
    expect(positions.get("BIG")!.inMostDeprivedQuintile).toBe(true);
    expect(positions.get("SMALL")!.inMostDeprivedQuintile).toBe(false);
  });
});

describe("differentialTargets: minimum standard F", () => {
  it("lifts an area to F and shifts the other by the same total, keeping consistency", () => {
    // Shape [14, 22]; F = 15 lifts A by 1, so B gives up 1 → 21.
    const result = differentialTargets({
      polarity: "high-is-good",
      county: { baseline: 15, target: 18 },
      method: "gap-to-county",
      narrowBy: 0.2,
      floor: 15,
      areas: twoAreas,
    });
    expect(targetsByCode(result)).toEqual({ A: 15, B: 21 });
    expect(result.check.liftedToFloor).toEqual(["A"]);
    expect(result.areas.map((area) => area.liftedToFloor)).toEqual([true, false]);
    expect(result.parameters.floor).toBe(15);
  });

  it("repeats the lift when absorbing pushes another area below F", () => {
    // p = 0, change +2: shape [12, 14, 32]. F = 14.5: A lifted (δ = 2.5/11), B falls to 13.77 and is
    // lifted too, then C (weight 10) gives up 3/10 → 31.7. Mean (14.5 + 14.5 + 317)/12 = 346/12.
    const result = differentialTargets({
      polarity: "high-is-good",
      county: { baseline: 322 / 12, target: 346 / 12 },
      method: "gap-to-county",
      narrowBy: 0,
      floor: 14.5,
      areas: [
        { code: "A", baseline: 10, weight: 1 },
        { code: "B", baseline: 12, weight: 1 },
        { code: "C", baseline: 30, weight: 10 },
      ],
    });
    const targets = targetsByCode(result);
    expect(targets.A).toBe(14.5);
    expect(targets.B).toBe(14.5);
    expect(targets.C).toBeCloseTo(31.7, 12);
    expect(result.check.liftedToFloor).toEqual(["A", "B"]);
  });

  it("leaves targets unchanged when F does not bind", () => {
    const result = differentialTargets({
      polarity: "low-is-good",
      county: { baseline: 15, target: 12 },
      method: "gap-to-county",
      narrowBy: 0.5,
      floor: 25,
      areas: [
        { code: "A", baseline: 30, weight: 1 },
        { code: "B", baseline: 10, weight: 3 },
      ],
    });
    expect(targetsByCode(result)).toEqual({ A: 19.5, B: 9.5 });
    expect(result.check.liftedToFloor).toEqual([]);
  });
});

describe("differentialTargets: infeasible constraints are named with their shortfall", () => {
  const base = {
    polarity: "high-is-good" as const,
    county: { baseline: 15, target: 18 },
    method: "gap-to-county" as const,
    narrowBy: 0.2,
    areas: twoAreas,
  };

  it("rejects a county target worse than the weighted-mean baseline", () => {
    expect(() => differentialTargets({ ...base, county: { baseline: 15, target: 14 } })).toThrow(
      /'no area worse than its baseline' conflicts with 'consistency'.*target 14 is worse .* baseline 15 by 1/,
    );
  });

  it("rejects narrowing that would make the best area worse, quoting the largest feasible p", () => {
    // T − B̄ = 0.5 but p·max gap = 0.2·5 = 1 → B falls from 20 to 19.5; p* = 0.5/5 = 0.1.
    let caught: unknown;
    try {
      differentialTargets({ ...base, county: { baseline: 15, target: 15.5 } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ModelInputError);
    const error = caught as ModelInputError;
    expect(error.message).toMatch(
      /'no area worse than its baseline'.*B \(baseline 20 → target 19.5, worse by 0.5\)/,
    );
    expect(error.hint).toMatch(/largest narrowBy .* is 0.1;/);
  });

  it("rejects a quintile-gap narrowing that would make the rest worse", () => {
    const areas = ["A", "B", "C", "D", "E"].map((code, i) => ({
      code,
      baseline: i === 0 ? 10 : 20,
      weight: 1,
      deprivationRank: i + 1,
    }));
    // B̄ = 18, T = 18: at p = 0.5 the rest must fall from 20 to 19 (t_R = 18 + 0.2·(−5)).
    expect(() =>
      differentialTargets({
        ...base,
        method: "quintile-gap",
        narrowBy: 0.5,
        county: { baseline: 18, target: 18 },
        areas,
      }),
    ).toThrow(/'no area worse than its baseline' cannot hold with 'quintile-gap'.*worse by 1\)/);
  });

  it("rejects a minimum standard better than the county target", () => {
    expect(() => differentialTargets({ ...base, floor: 19 })).toThrow(
      /'minimum standard' conflicts with 'consistency'.*F = 19.*T = 18 \(shortfall 1\)/,
    );
  });

  it("rejects a minimum standard whose lifts force another area below its baseline", () => {
    // Shape [14, 22]; F = 17.5 lifts A by 3.5, so B would fall to 18.5 < 20 (it can give up only 2).
    expect(() => differentialTargets({ ...base, floor: 17.5 })).toThrow(
      /'minimum standard' \(F = 17.5\).*lifting 1 area\(s\) \(A\).*gives up 3.5.*B can give up at most 2.*shortfall 1.5/,
    );
  });

  it("rejects quintile-gap when every area shares one deprivation rank", () => {
    const tied = twoAreas.map((area) => ({ ...area, deprivationRank: 7 }));
    expect(() => differentialTargets({ ...base, method: "quintile-gap", areas: tied })).toThrow(
      /needs areas both inside and outside the most deprived quintile/,
    );
  });
});

describe("differentialTargets: input validation", () => {
  const base = {
    polarity: "high-is-good" as const,
    county: { baseline: 15, target: 18 },
    method: "gap-to-county" as const,
    narrowBy: 0.2,
    areas: twoAreas,
  };
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["unknown polarity", { polarity: "up" }, /polarity must be 'high-is-good' or 'low-is-good' \(got "up"\)/],
    ["unknown method", { method: "fair" }, /method must be one of/],
    ["narrowBy above 1", { narrowBy: 1.5 }, /narrowBy must be between 0 and 1 \(got 1.5\)/],
    ["no areas", { areas: [] }, /needs at least one area/],
    ["duplicate codes", { areas: [twoAreas[0], twoAreas[0]] }, /area code B appears twice/],
    [
      "zero weight",
      { areas: [{ code: "A", baseline: 1, weight: 0 }] },
      /area A needs a positive finite weight \(got 0\)/,
    ],
    ["missing rank for graded", { method: "graded" }, /area B needs a deprivationRank/],
    [
      "non-finite county target",
      { county: { baseline: 1, target: Number.NaN } },
      /county baseline and target/,
    ],
    ["non-finite floor", { floor: Number.POSITIVE_INFINITY }, /floor must be a finite number/],
    ["target before baseline", { years: -2 }, /the target must come after the baseline/],
    [
      "years disagreeing with periods",
      { years: 5, county: { baseline: 15, target: 18, baselinePeriod: 2020, targetPeriod: 2024 } },
      /years \(5\) disagrees with the county periods 2020 → 2024 \(4\)/,
    ],
  ];
  for (const [name, change, message] of cases) {
    it(`rejects ${name}`, () => {
      expect(() => differentialTargets({ ...base, ...change } as never)).toThrow(ModelInputError);
      expect(() => differentialTargets({ ...base, ...change } as never)).toThrow(message);
    });
  }
});
