import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decileFromRank,
  decilesFromRanks,
  percentileFromRank,
  rankScores,
} from "../../../models/deprivation/index.ts";
import { ModelInputError } from "../../../models/errors.ts";

describe("rankScores", () => {
  it("ranks the highest score 1 and gives ties the minimum rank", () => {
    expect(Array.from(rankScores([10, 30, 20, 30]))).toEqual([4, 1, 3, 1]);
    expect(Array.from(rankScores([5, 5, 5]))).toEqual([1, 1, 1]);
    expect(Array.from(rankScores([]))).toEqual([]);
  });

  it("rejects scores that are not finite", () => {
    expect(() => rankScores([1, Number.NaN])).toThrow(/row 1 is not a finite number: NaN/);
    expect(() => rankScores([Number.POSITIVE_INFINITY])).toThrow(ModelInputError);
  });

  it("gives each score the same rank whatever the row order, and 1 + the count of higher scores", () => {
    const scores = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(scores, fc.nat(), (values, shift) => {
        const ranks = rankScores(values);
        const rotation = shift % values.length;
        const rotated = [...values.slice(rotation), ...values.slice(0, rotation)];
        const rotatedRanks = rankScores(rotated);
        values.forEach((value, row) => {
          expect(ranks[row]).toBe(1 + values.filter((other) => other > value).length);
          expect(rotatedRanks[(row - rotation + values.length) % values.length]).toBe(ranks[row]);
        });
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("deciles and percentiles from national ranks", () => {
  it("puts ranks 1…floor(N/10) in decile 1, as the published IMD 2019 and 2025 deciles do", () => {
    expect(decileFromRank(3284, 32_844)).toBe(1);
    expect(decileFromRank(3285, 32_844)).toBe(2);
    expect(decileFromRank(3375, 33_755)).toBe(1);
    expect(decileFromRank(3376, 33_755)).toBe(2);
    expect(decileFromRank(32_844, 32_844)).toBe(10);
    expect(Array.from(decilesFromRanks([1, 16_422, 32_844], 32_844))).toEqual([1, 5, 10]);
  });

  it("computes percentile = ceil(100·rank/N) (METHODS.md §5)", () => {
    expect(percentileFromRank(100, 32_844)).toBe(1);
    expect(percentileFromRank(5000, 32_844)).toBe(16); // 15.22… rounded up
    expect(percentileFromRank(20_000, 32_844)).toBe(61);
    expect(percentileFromRank(32_844, 32_844)).toBe(100);
  });

  it("agrees: percentile ≤ 10 exactly when decile = 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40_000 }), fc.integer({ min: 1, max: 40_000 }), (a, b) => {
        const n = Math.max(a, b);
        const rank = Math.min(a, b);
        expect(percentileFromRank(rank, n) <= 10).toBe(decileFromRank(rank, n) === 1);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("rejects ranks outside [1, N]", () => {
    expect(() => decileFromRank(0, 10)).toThrow(ModelInputError);
    expect(() => decilesFromRanks([1, 11], 10)).toThrow(/row 1 must be between 1 and 10, got 11/);
    expect(() => percentileFromRank(1, -5)).toThrow(/positive integer/);
  });
});
