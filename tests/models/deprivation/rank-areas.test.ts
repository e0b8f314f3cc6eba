import { describe, expect, it } from "vitest";
import { deprivationSummary, rankAreasBySummary } from "../../../models/deprivation/index.ts";
import { ModelInputError } from "../../../models/errors.ts";

describe("rankAreasBySummary", () => {
  it("ranks the highest value 1 (most deprived) and gives ties the minimum rank", () => {
    const summaries = [{ averageScore: 12 }, { averageScore: 30 }, { averageScore: 12 }, { averageScore: 5 }];
    expect(rankAreasBySummary(summaries, "averageScore")).toEqual([2, 1, 2, 4]);
  });

  it("leaves areas with a null measure unranked and ranks the rest among themselves", () => {
    const summaries = [{ incomeScale: 100 }, { incomeScale: null }, { incomeScale: 300 }];
    expect(rankAreasBySummary(summaries, "incomeScale")).toEqual([2, null, 1]);
  });

  it("ranks real summaries on average rank, extent and local concentration", () => {
    const deprived = deprivationSummary(
      { ranks: [50, 900], populations: [1500, 1500], scores: [70, 50] },
      { n: 1000 },
    );
    const affluent = deprivationSummary(
      { ranks: [800, 990], populations: [1500, 1500], scores: [5, 2] },
      { n: 1000 },
    );
    for (const measure of ["averageScore", "averageRank", "extent", "localConcentration"] as const) {
      expect(rankAreasBySummary([affluent, deprived], measure)).toEqual([2, 1]);
    }
    // only "deprived" has an LSOA in the most deprived 10% (rank 50 ≤ 100)
    expect(rankAreasBySummary([affluent, deprived], "proportionMostDeprived10")).toEqual([2, 1]);
  });

  it("rejects an unknown measure and non-finite values", () => {
    expect(() => rankAreasBySummary([{ averageScore: 1 }], "population" as never)).toThrow(
      /unknown measure "population"/,
    );
    expect(() => rankAreasBySummary([{ extent: Number.NaN }], "extent")).toThrow(ModelInputError);
  });
});
