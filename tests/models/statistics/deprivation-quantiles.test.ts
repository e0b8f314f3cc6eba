import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelInputError } from "../../../models/errors.ts";
import { deprivationQuantiles, NATIONAL_LSOA_COUNTS } from "../../../models/statistics/index.ts";

describe("deprivationQuantiles: national", () => {
  it("cuts national ranks as the IoD 2019 decile column does (N = 32,844: decile 1 = ranks 1–3,284)", () => {
    const ranks = [1, 3284, 3285, 6568, 6569, 29559, 29560, 32844];
    expect(deprivationQuantiles(ranks, { quantiles: 10, method: "national", nationalCount: 32_844 })).toEqual(
      [1, 1, 2, 2, 3, 9, 10, 10],
    );
  });

  it("offers the 2004–2010 convention (N = 32,482: decile 1 = ranks 1–3,249)", () => {
    const options = {
      quantiles: 10,
      method: "national",
      nationalCount: 32_482,
      nationalRule: "floor",
    } as const;
    expect(deprivationQuantiles([1, 3249, 3250, 32482], options)).toEqual([1, 1, 2, 10]);
  });

  it("takes N and the cutting rule from the edition", () => {
    expect(deprivationQuantiles([3249, 3250], { quantiles: 10, method: "national", edition: 2010 })).toEqual([
      1, 2,
    ]);
    expect(
      deprivationQuantiles([3284, 3285], { quantiles: 10, method: "national", edition: "2019" }),
    ).toEqual([1, 2]);
    expect(() => deprivationQuantiles([1], { quantiles: 10, method: "national", edition: 2011 })).toThrow(
      /edition/,
    );
  });

  it("gives national quintiles and null for a missing rank", () => {
    const options = {
      quantiles: 5,
      method: "national",
      nationalCount: NATIONAL_LSOA_COUNTS["2025"],
    } as const;
    expect(deprivationQuantiles([1, 6751, 6752, null, 33_755], options)).toEqual([1, 1, 2, null, 5]);
  });

  it("rejects a missing N and ranks outside 1..N", () => {
    expect(() => deprivationQuantiles([1], { quantiles: 10, method: "national" })).toThrow(/nationalCount/);
    const options = { quantiles: 10, method: "national", nationalCount: 100 } as const;
    expect(() => deprivationQuantiles([101], options)).toThrow(ModelInputError);
    expect(() => deprivationQuantiles([1.5], options)).toThrow(ModelInputError);
    expect(() =>
      deprivationQuantiles([1], { quantiles: 4 as 5, method: "national", nationalCount: 10 }),
    ).toThrow(/10 or 5/);
  });

  // The published decile columns, where the mirrored files are present beside the project (columns counted
  // from the end where area names, which may hold commas, come first).
  const dataFolder = fileURLToPath(new URL("../../../../shared/data/deprivation/", import.meta.url));
  const editions = [
    { file: "imd2015_lsoa11_england.csv", rank: -2, decile: -1, rule: "ceiling" },
    { file: "imd2025_lsoa21_england.csv", rank: 9, decile: 1, rule: "ceiling" },
    { file: "imd2010_lsoa01_overall_england.csv", rank: -2, decile: -1, rule: "floor" },
  ] as const;
  for (const edition of editions) {
    it.skipIf(!existsSync(dataFolder + edition.file))(`reproduces every decile in ${edition.file}`, () => {
      const rows = readFileSync(dataFolder + edition.file, "utf8")
        .trim()
        .split("\n")
        .slice(1);
      const ranks = rows.map((row) => Number(row.split(",").at(edition.rank)));
      const published = rows.map((row) => Number(row.split(",").at(edition.decile)));
      const options = {
        quantiles: 10,
        method: "national",
        nationalCount: ranks.length,
        nationalRule: edition.rule,
      } as const;
      expect(deprivationQuantiles(ranks, options)).toEqual(published);
    });
  }
});

describe("deprivationQuantiles: within the area", () => {
  it("splits 10 ranked areas into quintiles of two", () => {
    const ranks = [10, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((r) => r * 1000);
    expect(deprivationQuantiles(ranks, { quantiles: 5, method: "within-area" })).toEqual([
      5, 1, 1, 2, 2, 3, 3, 4, 4, 5,
    ]);
  });

  it("applies floor((q + 1) − ceil((N + 1 − rank)/(N/q))) when N is not a multiple of q (N = 7 → 1,1,2,3,3,4,5)", () => {
    expect(deprivationQuantiles([1, 2, 3, 4, 5, 6, 7], { quantiles: 5, method: "within-area" })).toEqual([
      1, 1, 2, 3, 3, 4, 5,
    ]);
  });

  it("accepts within-county, county and local as names for within-area", () => {
    const expected = deprivationQuantiles([3, 1, 2], { quantiles: 5, method: "within-area" });
    for (const method of ["within-county", "county", "local"] as const) {
      expect(deprivationQuantiles([3, 1, 2], { quantiles: 5, method })).toEqual(expected);
    }
    expect(() => deprivationQuantiles([1], { quantiles: 5, method: "regional" as "local" })).toThrow(
      /method/,
    );
  });

  it("gives ties the minimum rank, ranks scores with the highest most deprived, and keeps nulls", () => {
    expect(deprivationQuantiles([5, 5, 5, 9, 12], { quantiles: 5, method: "within-area" })).toEqual([
      1, 1, 1, 4, 5,
    ]);
    expect(
      deprivationQuantiles([40.1, null, 12.5, 30, 5, 22], {
        quantiles: 5,
        method: "within-area",
        input: "scores",
      }),
    ).toEqual([1, null, 4, 2, 5, 3]);
  });

  it("gives quantiles in 1..q that never fall as rank rises, independent of order (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 32_844 }), { minLength: 1, maxLength: 400 }),
        (ranks) => {
          const quantiles = deprivationQuantiles(ranks, { quantiles: 10, method: "within-area" });
          const byRank = new Map(ranks.map((rank, i) => [rank, quantiles[i]!]));
          const sorted = [...ranks].sort((a, b) => a - b);
          sorted.forEach((rank, i) => {
            const quantile = byRank.get(rank)!;
            expect(quantile).toBeGreaterThanOrEqual(1);
            expect(quantile).toBeLessThanOrEqual(10);
            if (i > 0) expect(quantile).toBeGreaterThanOrEqual(byRank.get(sorted[i - 1]!)!);
          });
          const reversed = deprivationQuantiles([...ranks].reverse(), {
            quantiles: 10,
            method: "within-area",
          });
          expect(reversed).toEqual([...quantiles].reverse());
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
