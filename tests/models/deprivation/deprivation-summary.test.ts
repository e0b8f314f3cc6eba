import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DeprivationSummary,
  deprivationSummary,
  extentWeight,
  type LsoaDeprivationColumns,
} from "../../../models/deprivation/index.ts";
import { ModelInputError } from "../../../models/errors.ts";

const N_2019 = 32_844;

describe("deprivationSummary: the worked check of METHODS.md §5", () => {
  const summary = deprivationSummary(
    { ranks: [100, 5000, 20_000], populations: [1000, 2000, 1000], scores: [60, 30, 10] },
    { n: N_2019 },
  );

  it("gives extent 0.606579 (percentiles 1, 16, 61 → weights 1, 0.95 − 5·0.9/19, 0)", () => {
    expect(summary.extent.toFixed(6)).toBe("0.606579");
  });

  it("gives local concentration 32,745 (the 400 most deprived people all live in the rank-100 LSOA)", () => {
    expect(summary.localConcentration).toBe(32_745);
  });

  it("gives average inverted rank 25,320 and proportion in the most deprived 10% = 1/3", () => {
    expect(summary.averageRank).toBe(25_320);
    expect(summary.proportionMostDeprived10).toBe(1 / 3);
    expect(summary.proportionMostDeprived20).toBe(2 / 3); // rank 5000 is in decile 2
  });

  it("gives the population-weighted average score and the counts", () => {
    expect(summary.averageScore).toBe(32.5); // (60·1000 + 30·2000 + 10·1000) / 4000
    expect(summary.population).toBe(4000);
    expect(summary.lsoaCount).toBe(3);
    expect(summary.incomeScale).toBeNull();
    expect(summary.incomeNumeratorsMissing).toBe(3);
  });

  it("gives the same values when N comes from the edition", () => {
    const byEdition = deprivationSummary(
      { ranks: [100, 5000, 20_000], populations: [1000, 2000, 1000], scores: [60, 30, 10] },
      { edition: 2019 },
    );
    expect(byEdition).toEqual(summary);
  });
});

describe("deprivationSummary: local concentration takes a fraction of the boundary LSOA", () => {
  it("averages the first 1,100 of 11,000 people: 100 at rank 10 and 1,000 of 1,900 at rank 20", () => {
    const summary = deprivationSummary(
      { ranks: [30_000, 20, 10], populations: [9000, 1900, 100], scores: [1, 2, 3] },
      { n: N_2019 },
    );
    // (100·32835 + 1000·32825) / 1100, worked by hand
    expect(summary.localConcentration).toBeCloseTo(36_108_500 / 1100, 9);
  });
});

describe("deprivationSummary: apportionment weights and numerators", () => {
  it("multiplies population, numerators and counts by the weight", () => {
    const summary = deprivationSummary(
      {
        ranks: [1000, 10_000],
        populations: [1000, 2000],
        scores: [40, 10],
        incomeNumerators: [300, 200],
        employmentNumerators: [100, 50],
        apportionmentWeights: [0.5, 1],
      },
      { n: N_2019 },
    );
    expect(summary.population).toBe(2500);
    expect(summary.incomeScale).toBe(350);
    expect(summary.employmentScale).toBe(100);
    expect(summary.lsoaCount).toBe(1.5);
    expect(summary.proportionMostDeprived10).toBeCloseTo(0.5 / 1.5, 12);
    expect(summary.averageScore).toBeCloseTo((500 * 40 + 2000 * 10) / 2500, 12);
  });

  it("reports a null scale and the number of missing numerators when any is missing", () => {
    const summary = deprivationSummary(
      {
        ranks: [1, 2, 3],
        populations: [1, 1, 1],
        scores: [3, 2, 1],
        incomeNumerators: [5, null, Number.NaN],
        employmentNumerators: [1, 2, 3],
      },
      { n: 10 },
    );
    expect(summary.incomeScale).toBeNull();
    expect(summary.incomeNumeratorsMissing).toBe(2);
    expect(summary.employmentScale).toBe(6);
    expect(summary.employmentNumeratorsMissing).toBe(0);
  });
});

describe("deprivationSummary: bad input", () => {
  const base: LsoaDeprivationColumns = { ranks: [1, 2], populations: [10, 10], scores: [2, 1] };
  it.each([
    ["no LSOAs", { ranks: [], populations: [], scores: [] }, /has no LSOAs/],
    ["unequal columns", { ...base, scores: [1] }, /column scores has 1 rows but ranks has 2/],
    ["a rank above N", { ...base, ranks: [1, 11] }, /rank at row 1 must be between 1 and 10, got 11/],
    ["a NaN score", { ...base, scores: [1, Number.NaN] }, /score at row 1 must be a finite number, got NaN/],
    ["a negative population", { ...base, populations: [10, -1] }, /population at row 1/],
    ["a weight above 1", { ...base, apportionmentWeights: [1, 1.5] }, /apportionment weight at row 1/],
    ["a negative numerator", { ...base, incomeNumerators: [1, -3] }, /incomeNumerators at row 1/],
    ["zero population", { ...base, populations: [0, 0] }, /total \(apportioned\) population is 0/],
  ])("rejects %s", (_, lsoas, message) => {
    expect(() => deprivationSummary(lsoas as LsoaDeprivationColumns, { n: 10 })).toThrow(ModelInputError);
    expect(() => deprivationSummary(lsoas as LsoaDeprivationColumns, { n: 10 })).toThrow(message);
  });

  it("rejects a missing N and an unknown edition", () => {
    expect(() => deprivationSummary(base, {})).toThrow(/give the national LSOA count/);
    expect(() => deprivationSummary(base, { edition: 2020 })).toThrow(/unknown edition 2020/);
  });
});

interface LsoaRow {
  rank: number;
  population: number;
  score: number;
  income: number;
  weight: number;
}

const lsoaRow = fc.record({
  rank: fc.integer({ min: 1, max: N_2019 }),
  population: fc.integer({ min: 0, max: 3000 }),
  score: fc.double({ min: 0, max: 95, noNaN: true }),
  income: fc.integer({ min: 0, max: 800 }),
  weight: fc.constantFrom(1, 1, 1, 0.5, 0.25, 0.8),
});
const lsoaRows = fc
  .array(lsoaRow, { minLength: 1, maxLength: 30 })
  .filter((rows) => rows.some((row) => row.population * row.weight > 0));

function summarise(rows: readonly LsoaRow[]): DeprivationSummary {
  return deprivationSummary(
    {
      ranks: rows.map((row) => row.rank),
      populations: rows.map((row) => row.population),
      scores: rows.map((row) => row.score),
      incomeNumerators: rows.map((row) => row.income),
      employmentNumerators: rows.map((row) => Math.floor(row.income / 2)),
      apportionmentWeights: rows.map((row) => row.weight),
    },
    { n: N_2019 },
  );
}

function expectSameSummary(actual: DeprivationSummary, expected: DeprivationSummary): void {
  for (const [key, value] of Object.entries(expected)) {
    const other = actual[key as keyof DeprivationSummary];
    if (value === null) expect(other).toBeNull();
    else expect(other as number).toBeCloseTo(value, 6);
  }
}

describe("deprivationSummary: properties", () => {
  const options = { seed: 42, numRuns: 200 };

  it("is invariant to row order", () => {
    fc.assert(
      fc.property(lsoaRows, fc.nat(), (rows, shift) => {
        const rotation = shift % rows.length;
        const reordered = [...rows.slice(rotation), ...rows.slice(0, rotation)].reverse();
        expectSameSummary(summarise(reordered), summarise(rows));
      }),
      options,
    );
  });

  it("keeps extent in [0, 1] and local concentration ≥ average inverted rank", () => {
    fc.assert(
      fc.property(lsoaRows, (rows) => {
        const summary = summarise(rows);
        expect(summary.extent).toBeGreaterThanOrEqual(0);
        expect(summary.extent).toBeLessThanOrEqual(1);
        expect(summary.localConcentration).toBeGreaterThanOrEqual(summary.averageRank - 1e-7);
        expect(summary.localConcentration).toBeLessThanOrEqual(N_2019);
      }),
      options,
    );
  });

  it("gives a one-LSOA area that LSOA's own values", () => {
    fc.assert(
      fc.property(
        lsoaRow.filter((row) => row.population > 0),
        (row) => {
          const summary = summarise([row]);
          const decile = Math.ceil((10 * row.rank) / N_2019);
          expect(summary.averageScore).toBeCloseTo(row.score, 9);
          expect(summary.averageRank).toBeCloseTo(N_2019 + 1 - row.rank, 9);
          expect(summary.localConcentration).toBeCloseTo(N_2019 + 1 - row.rank, 9);
          expect(summary.extent).toBeCloseTo(extentWeight(row.rank, N_2019), 12);
          expect(summary.proportionMostDeprived10).toBe(decile === 1 ? 1 : 0);
          expect(summary.proportionMostDeprived20).toBe(decile <= 2 ? 1 : 0);
          expect(summary.population).toBeCloseTo(row.population * row.weight, 9);
          expect(summary.incomeScale).toBeCloseTo(row.income * row.weight, 9);
        },
      ),
      options,
    );
  });

  it("is unchanged when an LSOA is split into two half-weighted copies", () => {
    fc.assert(
      fc.property(lsoaRows, fc.nat(), (rows, pick) => {
        const row = rows[pick % rows.length] as LsoaRow;
        const half = { ...row, weight: row.weight / 2 };
        const split = [...rows.filter((_, index) => index !== pick % rows.length), half, half];
        expectSameSummary(summarise(split), summarise(rows));
      }),
      options,
    );
  });
});
