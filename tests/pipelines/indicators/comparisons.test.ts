import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  benchmark,
  rankWithinPeers,
  recentTrend,
  slopeIndexOfInequality,
  wilsonInterval,
} from "../../../models/statistics/index.ts";
import {
  INEQUALITY_SEED,
  INEQUALITY_SIMULATIONS,
} from "../../../pipelines/derive/indicators/inequality-table.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { openIndicatorFixture, runIndicatorSteps, SERIES_YEARS } from "./fixture-warehouse.ts";

type Row = Record<string, unknown>;

describe("benchmarks, trends, gaps and inequality step", () => {
  let warehouse: Warehouse;
  let comparisons: Row[];
  const find = (indicator: string, area: string, period?: string) =>
    comparisons.find(
      (r) =>
        r.indicator === indicator && r.area_code === area && (period ? r.period === period : r.is_latest),
    )!;

  beforeAll(async () => {
    warehouse = await openIndicatorFixture();
    await runIndicatorSteps(warehouse);
    comparisons = await warehouse.rows("SELECT * FROM indicator_comparison");
  });
  afterAll(() => warehouse.close());

  it("benchmarks against the same-period county and England values with the catalogue polarity", () => {
    const northtown = find("test-proportion", "L01");
    const southvale = find("test-proportion", "L02");
    expect(northtown.county_value).toBeCloseTo((370 / 1650) * 100, 12);
    expect(northtown.england_value).toBeCloseTo((390 / 2000) * 100, 12);
    expect([northtown.benchmark_county, northtown.benchmark_county_5]).toEqual(["better", "best"]);
    expect([southvale.benchmark_county, southvale.benchmark_england]).toEqual(["worse", "worse"]);
    for (const row of comparisons.filter(
      (r) => r.indicator === "test-proportion" && r.area_type === "locality",
    )) {
      const area = row as {
        value: number;
        lower95: number;
        upper95: number;
        lower998: number;
        upper998: number;
      };
      expect(row.benchmark_county).toBe(benchmark(area, row.county_value as number, "low-is-good"));
      expect(row.benchmark_england_5).toBe(
        benchmark(area, row.england_value as number, "low-is-good", { levels: 5 }),
      );
    }
    const county = find("test-proportion", "E10000001");
    expect([county.benchmark_county, county.benchmark_england]).toEqual([null, "worse"]);
  });

  it("says 'not compared' with the reason when the source gives no interval, keeping the publisher's label", () => {
    const north = find("test-published", "E07000001");
    expect([north.benchmark_england, north.benchmark_england_5, north.published_comparison]).toEqual([
      "not compared",
      "not compared",
      "Worse",
    ]);
    expect(north.benchmark_note).toMatch(/England: no confidence interval/);
    expect(north.benchmark_note).toMatch(/county: no confidence interval/);
    const northtown = find("test-series", "E07000001", "2018");
    expect([northtown.benchmark_county, northtown.benchmark_england]).toEqual(["similar", "better"]);
  });

  it("ranks areas within their peer group with the model, and districts nationally in SQL by the same rule", () => {
    const localities = comparisons.filter(
      (r) => r.indicator === "test-proportion" && r.area_type === "locality",
    );
    const expected = rankWithinPeers(
      localities.map((r) => ({ code: r.area_code as string, value: r.value as number })),
      "low-is-good",
    );
    expect(localities.map((r) => [r.area_code, r.peer_rank, r.peer_count])).toEqual(
      expected.map((r) => [r.code, r.rank, r.of]),
    );
    const districts = comparisons.filter(
      (r) => r.indicator === "test-proportion" && r.area_type === "district",
    );
    expect(districts.map((r) => [r.area_code, r.peer_rank, r.national_rank, r.national_count])).toEqual([
      ["E07000001", 1, 2, 3],
      ["E07000002", 2, 3, 3],
    ]);
    const published = comparisons.filter(
      (r) => r.indicator === "test-published" && r.area_type === "district",
    );
    // North 30 ties with Elsewhere 30 (rank 2 shared), South 20 is best: the model's rule for ties.
    expect(published.map((r) => [r.area_code, r.national_rank])).toEqual([
      ["E07000001", 2],
      ["E07000002", 1],
    ]);
    expect(
      rankWithinPeers(
        [
          { code: "N", value: 30 },
          { code: "S", value: 20 },
          { code: "E", value: 30 },
        ],
        "low-is-good",
      ).map((r) => r.rank),
    ).toEqual([2, 1, 2]);
  });

  it("computes the recent trend with the model from five consecutive points with intervals", () => {
    const north = find("test-series", "E07000001", "2018");
    const points = SERIES_YEARS.map((year, i) => {
      const value = 500 - 50 * i;
      return { value, lower: value * 0.9, upper: value * 1.1, period: year };
    });
    const expected = recentTrend(points, { valueType: "rate", polarity: "low-is-good", multiplier: 100000 });
    expect([north.trend_direction, north.trend_label, north.trend_slope]).toEqual([
      expected.direction,
      expected.label,
      expected.slope,
    ]);
    expect(north.trend_label).toBe("decreasing and getting better");
    const earlier = find("test-series", "E07000001", "2017");
    expect(earlier.trend_direction).toBe("cannot be calculated");
    expect(earlier.trend_note).toMatch(/4 points; a recent trend needs 5/);
    expect(find("test-published", "E07000001").trend_direction).toBe("cannot be calculated");
  });

  it("flags 'worse and getting worse' only when both hold", () => {
    expect(comparisons.some((r) => r.worse_than_england_and_getting_worse === true)).toBe(false);
    expect(find("test-series", "E07000001", "2018").worse_than_county_and_getting_worse).toBe(false);
  });

  it("writes gap measures whose contributions add up to the county's gap to England", async () => {
    const [summary] = await warehouse.rows(
      "SELECT * FROM indicator_gap_summary WHERE indicator = 'test-proportion' AND area_set = 'locality'",
    );
    expect(summary!.best_code).toBe("L01");
    expect(summary!.worst_code).toBe("L02");
    expect(summary!.range).toBeCloseTo(30 - (190 / 1050) * 100, 12);
    expect(summary!.ratio).toBeCloseTo(30 / ((190 / 1050) * 100), 12);
    expect(summary!.contributions_total).toBeCloseTo(summary!.county_gap_to_england as number, 10);
    const gaps = await warehouse.rows(
      "SELECT area_code, weight, weight_kind, gap_to_county FROM indicator_gap WHERE indicator = 'test-proportion' AND area_set = 'locality' ORDER BY area_code",
    );
    expect(gaps.map((g) => [g.area_code, g.weight, g.weight_kind])).toEqual([
      ["L01", 1050, "denominator"],
      ["L02", 600, "denominator"],
    ]);
  });

  it("computes the SII across national IMD deciles with the model, seeded, and the most-deprived-quintile gap", async () => {
    const rows = await warehouse.rows(
      "SELECT * FROM indicator_inequality WHERE indicator = 'test-proportion' ORDER BY quantile_scheme",
    );
    expect(rows.map((r) => r.quantile_scheme)).toEqual([
      "county deciles",
      "county quintiles",
      "national deciles",
      "national quintiles",
    ]);
    const national = rows.find((r) => r.quantile_scheme === "national deciles")!;
    // Deciles of IMD 2019 ranks: A (100) and D (3,000) → 1, B (9,000) → 3, C (20,000) → 7.
    const groups = [
      [120 + 150, 400 + 450],
      [40, 500],
      [60, 300],
    ].map(([count, total]) => {
      const interval = wilsonInterval(count!, total!);
      return { population: total!, value: interval.value, lower: interval.lower, upper: interval.upper };
    });
    const expected = slopeIndexOfInequality(groups, {
      valueType: "proportion",
      multiplier: 100,
      seed: INEQUALITY_SEED,
      simulations: INEQUALITY_SIMULATIONS,
    });
    expect([national.sii, national.sii_lower95, national.sii_upper95, national.rii]).toEqual([
      expected.sii,
      expected.lowerSii,
      expected.upperSii,
      expected.rii,
    ]);
    expect([national.seed, national.simulations, national.groups]).toEqual([
      INEQUALITY_SEED,
      INEQUALITY_SIMULATIONS,
      3,
    ]);
    const quintiles = rows.find((r) => r.quantile_scheme === "national quintiles")!;
    expect(quintiles.most_deprived_value).toBeCloseTo((270 / 850) * 100, 12);
    expect(quintiles.rest_value).toBeCloseTo((100 / 800) * 100, 12);
  });
});
