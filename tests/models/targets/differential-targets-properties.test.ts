import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelInputError } from "../../../models/errors.ts";
import {
  type DifferentialTargetMethod,
  type DifferentialTargetsInput,
  differentialTargets,
  type TargetPolarity,
} from "../../../models/targets/index.ts";

const settings = { seed: 42, numRuns: 200 };

interface GeneratedAreas {
  areas: { code: string; baseline: number; weight: number; deprivationRank: number }[];
  polarity: TargetPolarity;
  narrowBy: number;
  extra: number;
  permutation: number[];
}

/** Random areas (2–25) with distinct codes, ranks (ties allowed), a polarity, p and a permutation. */
const arbitraryAreas = (baselineRange: { min: number; max: number }) =>
  fc
    .record({
      rows: fc.array(
        fc.record({
          baseline: fc.double({ ...baselineRange, noNaN: true }),
          weight: fc.double({ min: 1, max: 20_000, noNaN: true }),
          deprivationRank: fc.integer({ min: 1, max: 40 }),
          sortKey: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        { minLength: 2, maxLength: 25 },
      ),
      polarity: fc.constantFrom<TargetPolarity>("high-is-good", "low-is-good"),
      narrowBy: fc.double({ min: 0, max: 1, noNaN: true }),
      extra: fc.double({ min: 0, max: 50, noNaN: true }),
    })
    .map(({ rows, polarity, narrowBy, extra }): GeneratedAreas => {
      const areas = rows.map((row, i) => ({
        code: `E0200${String(i).padStart(4, "0")}`,
        baseline: row.baseline,
        weight: row.weight,
        deprivationRank: row.deprivationRank,
      }));
      const permutation = rows.map((row, i) => [row.sortKey, i] as const).sort((a, b) => a[0] - b[0]);
      return { areas, polarity, narrowBy, extra, permutation: permutation.map(([, i]) => i) };
    });

const weightedMeanBaseline = (areas: GeneratedAreas["areas"]) =>
  areas.reduce((sum, a) => sum + a.weight * a.baseline, 0) / areas.reduce((sum, a) => sum + a.weight, 0);

/**
 * A county target that every method can meet without any area getting worse: the county improves on
 * B̄ by at least p × (the range of baselines), which bounds every area's extra change for all shapes.
 */
function feasibleInput(
  generated: GeneratedAreas,
  method: DifferentialTargetMethod,
): DifferentialTargetsInput {
  const { areas, polarity, narrowBy, extra } = generated;
  const sign = polarity === "high-is-good" ? 1 : -1;
  const baselines = areas.map((a) => a.baseline);
  const range = Math.max(...baselines) - Math.min(...baselines);
  const meanBaseline = weightedMeanBaseline(areas);
  const target = meanBaseline + sign * (narrowBy * range + extra);
  return { polarity, method, narrowBy, areas, county: { baseline: meanBaseline, target }, years: 6 };
}

const methods: DifferentialTargetMethod[] = ["gap-to-county", "quintile-gap", "graded"];
const hasTwoRanks = (g: GeneratedAreas) => new Set(g.areas.map((a) => a.deprivationRank)).size > 1;

describe("differentialTargets: properties over random feasible inputs", () => {
  for (const method of methods) {
    it(`${method}: weighted mean of targets = county target (1e-9 relative), no area worse, order-free`, () => {
      fc.assert(
        fc.property(arbitraryAreas({ min: 1000, max: 1100 }), (generated) => {
          fc.pre(method !== "quintile-gap" || hasTwoRanks(generated));
          const input = feasibleInput(generated, method);
          const result = differentialTargets(input);
          const sign = input.polarity === "high-is-good" ? 1 : -1;
          const byCode = new Map(generated.areas.map((a) => [a.code, a]));
          const totalWeight = result.areas.reduce((sum, a) => sum + a.weight, 0);
          const mean = result.areas.reduce((sum, a) => sum + a.weight * a.target, 0) / totalWeight;
          const countyTarget = input.county.target;
          expect(Math.abs(mean - countyTarget)).toBeLessThanOrEqual(1e-9 * Math.abs(countyTarget));
          expect(Math.abs(result.check.weightedMeanOfTargets - countyTarget)).toBeLessThanOrEqual(
            1e-9 * Math.abs(countyTarget),
          );
          for (const row of result.areas) {
            expect(sign * (row.target - byCode.get(row.code)!.baseline)).toBeGreaterThanOrEqual(-1e-9);
            expect(row.requiredAnnualChange).toBeCloseTo(row.requiredChange / 6, 9);
          }
          const shuffled = generated.permutation.map((i) => generated.areas[i]!);
          expect(differentialTargets({ ...input, areas: shuffled })).toEqual(result);
        }),
        settings,
      );
    });
  }

  it("gap-to-county: every area's gap to the county shrinks by exactly p", () => {
    fc.assert(
      fc.property(arbitraryAreas({ min: -100, max: 100 }), (generated) => {
        const input = feasibleInput(generated, "gap-to-county");
        const result = differentialTargets(input);
        const meanBaseline = weightedMeanBaseline(generated.areas);
        for (const row of result.areas) {
          const expectedGap = (1 - input.narrowBy) * (row.baseline - meanBaseline);
          expect(row.gapBaseline).toBeCloseTo(row.baseline - meanBaseline, 9);
          expect(row.target - input.county.target).toBeCloseTo(expectedGap, 9);
          expect(row.gapTarget).toBeCloseTo(expectedGap, 9);
        }
      }),
      settings,
    );
  });

  it("quintile-gap: quintile-minus-rest gap shrinks by p and each group moves uniformly", () => {
    fc.assert(
      fc.property(arbitraryAreas({ min: 0, max: 100 }), (generated) => {
        fc.pre(hasTwoRanks(generated));
        const input = feasibleInput(generated, "quintile-gap");
        const result = differentialTargets(input);
        const quintile = new Set(result.check.mostDeprivedQuintile);
        const groupMean = (inQuintile: boolean, value: (r: (typeof result.areas)[number]) => number) => {
          const rows = result.areas.filter((r) => quintile.has(r.code) === inQuintile);
          return rows.reduce((s, r) => s + r.weight * value(r), 0) / rows.reduce((s, r) => s + r.weight, 0);
        };
        const baselineGap = groupMean(true, (r) => r.baseline) - groupMean(false, (r) => r.baseline);
        const targetGap = groupMean(true, (r) => r.target) - groupMean(false, (r) => r.target);
        expect(targetGap).toBeCloseTo((1 - input.narrowBy) * baselineGap, 8);
        expect(result.check.targetGap).toBeCloseTo((1 - input.narrowBy) * result.check.baselineGap, 8);
        for (const inQuintile of [true, false]) {
          const changes = result.areas
            .filter((r) => quintile.has(r.code) === inQuintile)
            .map((r) => r.requiredChange);
          for (const change of changes) expect(change).toBeCloseTo(changes[0]!, 8);
        }
      }),
      settings,
    );
  });

  it("graded: the required improvement never falls as deprivation rises", () => {
    fc.assert(
      fc.property(arbitraryAreas({ min: 0, max: 100 }), (generated) => {
        const input = feasibleInput(generated, "graded");
        const sign = input.polarity === "high-is-good" ? 1 : -1;
        const result = differentialTargets(input);
        const rank = new Map(generated.areas.map((a) => [a.code, a.deprivationRank]));
        const rows = [...result.areas].sort((a, b) => rank.get(a.code)! - rank.get(b.code)!);
        for (let i = 1; i < rows.length; i++) {
          expect(sign * rows[i]!.requiredChange).toBeLessThanOrEqual(
            sign * rows[i - 1]!.requiredChange + 1e-9,
          );
        }
      }),
      settings,
    );
  });

  it("gap-to-county: a county target short of p·(best gap) fails naming the constraint and the shortfall", () => {
    fc.assert(
      fc.property(
        arbitraryAreas({ min: 0, max: 100 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (generated, shortfallFraction) => {
          const sign = generated.polarity === "high-is-good" ? 1 : -1;
          const meanBaseline = weightedMeanBaseline(generated.areas);
          const bestGap = Math.max(...generated.areas.map((a) => sign * (a.baseline - meanBaseline)));
          const requiredImprovement = generated.narrowBy * bestGap;
          fc.pre(requiredImprovement > 1e-6);
          const shortfall = shortfallFraction * requiredImprovement;
          const target = meanBaseline + sign * (requiredImprovement - shortfall);
          const input = {
            ...feasibleInput(generated, "gap-to-county"),
            county: { baseline: meanBaseline, target },
          };
          let caught: unknown;
          try {
            differentialTargets(input);
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(ModelInputError);
          const message = (caught as Error).message;
          expect(message).toMatch(/constraint 'no area worse than its baseline'/);
          const worseBy = Number(/worse by ([-\d.e+]+)\)/.exec(message)?.[1]);
          expect(Math.abs(worseBy - shortfall)).toBeLessThanOrEqual(1e-5 * shortfall);
        },
      ),
      settings,
    );
  });

  it("a county target worse than the baseline always fails, whatever the method", () => {
    fc.assert(
      fc.property(
        arbitraryAreas({ min: 0, max: 100 }),
        fc.constantFrom(...methods),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (generated, method, shortfall) => {
          const sign = generated.polarity === "high-is-good" ? 1 : -1;
          const meanBaseline = weightedMeanBaseline(generated.areas);
          const input = {
            ...feasibleInput(generated, method),
            county: { baseline: meanBaseline, target: meanBaseline - sign * shortfall },
          };
          expect(() => differentialTargets(input)).toThrow(
            /'no area worse than its baseline' conflicts with 'consistency'/,
          );
        },
      ),
      settings,
    );
  });

  it("minimum standard: either every target reaches F with the shape kept for the others, or a named error", () => {
    fc.assert(
      fc.property(
        arbitraryAreas({ min: 0, max: 100 }),
        fc.constantFrom(...methods),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (generated, method, floorPosition) => {
          fc.pre(method !== "quintile-gap" || hasTwoRanks(generated));
          const input = feasibleInput(generated, method);
          const sign = input.polarity === "high-is-good" ? 1 : -1;
          const free = differentialTargets(input);
          const targets = free.areas.map((a) => a.target);
          const low = Math.min(...targets);
          const high = Math.max(...targets);
          const floor = low + floorPosition * (high - low);
          let result: ReturnType<typeof differentialTargets>;
          try {
            result = differentialTargets({ ...input, floor });
          } catch (error) {
            expect(error).toBeInstanceOf(ModelInputError);
            expect((error as Error).message).toMatch(/constraint 'minimum standard'/);
            return;
          }
          const totalWeight = result.areas.reduce((s, a) => s + a.weight, 0);
          const mean = result.areas.reduce((s, a) => s + a.weight * a.target, 0) / totalWeight;
          expect(Math.abs(mean - input.county.target)).toBeLessThanOrEqual(1e-9 * 200);
          const shifts = result.areas.flatMap((row, i) => {
            expect(sign * (row.target - floor)).toBeGreaterThanOrEqual(-1e-9);
            expect(sign * (row.target - row.baseline)).toBeGreaterThanOrEqual(-1e-9);
            if (row.liftedToFloor) expect(row.target).toBe(floor);
            return row.liftedToFloor ? [] : [row.target - free.areas[i]!.target];
          });
          for (const shift of shifts) expect(shift).toBeCloseTo(shifts[0]!, 8);
        },
      ),
      settings,
    );
  });
});
