import { describe, expect, it } from "vitest";
import {
  compositeIndexScores,
  DEPRIVATION_DOMAINS,
  exponentialTransformOfRank,
  NATIONAL_LSOA_COUNT,
  nationalLsoaCount,
  OFFICIAL_IMD_WEIGHTS,
  validateIndexWeights,
} from "../../../models/deprivation/index.ts";
import { ModelInputError } from "../../../models/errors.ts";

describe("nationalLsoaCount", () => {
  it("gives N per edition (IoD technical reports; row counts of the published files)", () => {
    expect([2004, 2007, 2010].map(nationalLsoaCount)).toEqual([32_482, 32_482, 32_482]);
    expect([2015, 2019].map(nationalLsoaCount)).toEqual([32_844, 32_844]);
    expect(nationalLsoaCount(2025)).toBe(33_755);
    expect(Object.keys(NATIONAL_LSOA_COUNT)).toEqual(["2004", "2007", "2010", "2015", "2019", "2025"]);
  });

  it("rejects an unknown edition, naming it", () => {
    expect(() => nationalLsoaCount(2011)).toThrow(ModelInputError);
    expect(() => nationalLsoaCount(2011)).toThrow(/unknown edition 2011/);
  });
});

describe("exponentialTransformOfRank", () => {
  it("maps the most deprived rank to 100 and the least deprived to about 23·(1 − e^(−100/23))/N", () => {
    expect(exponentialTransformOfRank(1, 32_844)).toBeCloseTo(100, 12);
    // R = 1/N: −23·ln(1 − 0.98706…/32844) ≈ 0.00069123
    expect(exponentialTransformOfRank(32_844, 32_844)).toBeCloseTo(0.000691232, 8);
  });

  it("gives 15.6475 at the median (R = 1/2: −23·ln(0.5 + 0.5·e^(−100/23)), derived by hand)", () => {
    expect(exponentialTransformOfRank(16_422.5, 32_844)).toBeCloseTo(15.64747, 5);
  });

  it("decreases as the rank rises (less deprived)", () => {
    const values = [1, 100, 1000, 10_000, 32_844].map((rank) => exponentialTransformOfRank(rank, 32_844));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1] as number);
  });

  it("rejects ranks outside [1, N] and a bad N", () => {
    expect(() => exponentialTransformOfRank(0, 32_844)).toThrow(
      /rank at row 0 must be between 1 and 32844, got 0/,
    );
    expect(() => exponentialTransformOfRank(32_845, 32_844)).toThrow(ModelInputError);
    expect(() => exponentialTransformOfRank(Number.NaN, 32_844)).toThrow(/got NaN/);
    expect(() => exponentialTransformOfRank(1, 0)).toThrow(/positive integer, got 0/);
    expect(() => exponentialTransformOfRank(1, 3.5)).toThrow(ModelInputError);
  });
});

describe("validateIndexWeights", () => {
  it("accepts the official weights, which sum to 0.999 and are kept as given", () => {
    const sum = Object.values(OFFICIAL_IMD_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(0.999, 12);
    expect(validateIndexWeights(OFFICIAL_IMD_WEIGHTS)).toEqual(OFFICIAL_IMD_WEIGHTS);
    expect(Object.keys(OFFICIAL_IMD_WEIGHTS)).toEqual([...DEPRIVATION_DOMAINS]);
  });

  it("accepts a subset of domains and zero weights, without normalising", () => {
    expect(validateIndexWeights({ income: 2, crime: 0 })).toEqual({ income: 2, crime: 0 });
  });

  it("rejects unknown domains, negative or non-finite weights and a zero total", () => {
    expect(() => validateIndexWeights({ wealth: 1 } as never)).toThrow(/unknown domain "wealth"/);
    expect(() => validateIndexWeights({ income: -0.1 })).toThrow(
      /"income" must be a finite number ≥ 0, got -0.1/,
    );
    expect(() => validateIndexWeights({ income: Number.POSITIVE_INFINITY })).toThrow(ModelInputError);
    expect(() => validateIndexWeights({})).toThrow(/at least one domain/);
    expect(() => validateIndexWeights({ income: 0, health: 0 })).toThrow(/at least one domain/);
  });
});

describe("compositeIndexScores", () => {
  it("reproduces published IMD 2025 scores from published domain ranks (E01000001 8.742, E01000002 4.722)", () => {
    // Domain ranks copied from imd2025_lsoa21_england.csv (income, employment, education, health, crime,
    // housing and services, environment).
    const scores = compositeIndexScores(
      {
        income: [33_730, 33_669],
        employment: [33_708, 33_734],
        education: [33_755, 33_672],
        health: [33_108, 32_574],
        crime: [33_698, 33_712],
        barriers: [29_220, 32_640],
        environment: [244, 3702],
      },
      OFFICIAL_IMD_WEIGHTS,
      33_755,
    );
    expect(Array.from(scores, (score) => Number(score.toFixed(3)))).toEqual([8.742, 4.722]);
  });

  it("gives 0.999 × 100 when every domain rank is 1", () => {
    const ranks = Object.fromEntries(DEPRIVATION_DOMAINS.map((domain) => [domain, [1]]));
    expect(compositeIndexScores(ranks, OFFICIAL_IMD_WEIGHTS, 32_844)[0]).toBeCloseTo(99.9, 10);
  });

  it("builds a local index from a subset of domains and ignores the others' ranks", () => {
    const scores = compositeIndexScores(
      { income: [1, 32_844], employment: [1, 32_844], crime: [5, 5] },
      { income: 0.5, employment: 0.5 },
      32_844,
    );
    expect(scores[0]).toBeCloseTo(100, 10);
    expect(scores[1]).toBeCloseTo(0.000691232, 8);
  });

  it("does not need the ranks of a zero-weighted domain", () => {
    const scores = compositeIndexScores({ income: [1] }, { income: 1, crime: 0 }, 32_844);
    expect(scores[0]).toBeCloseTo(100, 10);
  });

  it("rejects a missing weighted domain, unequal columns and ranks out of range", () => {
    expect(() => compositeIndexScores({ income: [1] }, OFFICIAL_IMD_WEIGHTS, 32_844)).toThrow(
      /no ranks for weighted domain "employment"/,
    );
    expect(() => compositeIndexScores({ income: [1, 2], health: [1] }, { income: 1, health: 1 }, 10)).toThrow(
      /"health" has 1 ranks but "income" has 2/,
    );
    expect(() => compositeIndexScores({ income: [11] }, { income: 1 }, 10)).toThrow(
      /compositeIndexScores \(income\): national rank at row 0 must be between 1 and 10, got 11/,
    );
  });
});
