/**
 * Forecasts: the per-area forecast on synthetic series (slope recovered, weighting chosen, status
 * boundaries on hand-made cases) and the "forecasts" step on the fixture warehouse (county, districts and
 * localities; implied district targets; gap projections).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { areaForecast, type SeriesValue } from "../../../pipelines/targets/area-forecast.ts";
import { differentialTargetsStep } from "../../../pipelines/targets/differential-targets-step.ts";
import { forecastsStep } from "../../../pipelines/targets/forecasts-step.ts";
import { TARGET_DEFAULTS } from "../../../pipelines/targets/target-config-schema.ts";
import { silentReporter } from "../../../pipelines/util/reporter.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import {
  DISTRICT_PUBLISHED_YAML,
  fixtureWarehouse,
  LOCALITY_RATE_YAML,
  targetsFolder,
} from "./fixture-warehouse.ts";

const settings = { ...TARGET_DEFAULTS.forecast };
function line(
  years: number[],
  valueAt: (year: number) => number,
  halfWidth: number | null = null,
): SeriesValue[] {
  return years.map((year) => {
    const value = valueAt(year);
    return {
      period: String(year),
      periodYear: year,
      value,
      lower95: halfWidth === null ? null : value - halfWidth,
      upper95: halfWidth === null ? null : value + halfWidth,
      note: null,
    };
  });
}
const years = [2014, 2015, 2016, 2017, 2018];

describe("areaForecast", () => {
  it("recovers the slope of an exact line and projects it with a zero-width interval", () => {
    const forecast = areaForecast({
      series: line(years, (y) => 50 - 1.5 * (y - 2014)),
      countySeries: null,
      target: 40,
      targetYear: 2022,
      polarity: "low-is-good",
      settings,
    });
    expect(forecast.trend.achievedAnnualChange).toBeCloseTo(-1.5, 12);
    expect(forecast.trend.projectedValue).toBeCloseTo(38, 12);
    expect(forecast.trend.status).toBe("on track");
    expect(forecast.trend.requiredAnnualChange).toBeCloseTo((40 - 44) / 4, 12);
    expect(forecast.trend.weighting).toBe("ols");
    expect(forecast.notes).toEqual(["ordinary least squares: not every point has a confidence interval"]);
  });

  it("recovers the slope of a noisy series within its noise", () => {
    const noise = [0.4, -0.3, 0.1, -0.5, 0.2, 0.35, -0.15, 0, -0.25, 0.3];
    const series = line(
      [...Array(10).keys()].map((i) => 2009 + i),
      (y) => 20 + 0.8 * (y - 2009) + noise[y - 2009]!,
    );
    const forecast = areaForecast({
      series,
      countySeries: null,
      target: 30,
      targetYear: 2021,
      polarity: "high-is-good",
      settings: { ...settings, lastK: 10 },
    });
    expect(Math.abs(forecast.trend.achievedAnnualChange! - 0.8)).toBeLessThan(0.1);
    expect(forecast.trend.lowerPrediction!).toBeLessThan(forecast.trend.projectedValue!);
  });

  it("puts statuses at the interval's bounds: on track, at risk, off track", () => {
    const wobble = [0, 1, -1, 1, -1];
    const series = line(years, (y) => 10 + wobble[y - 2014]!);
    const status = (target: number) =>
      areaForecast({
        series,
        countySeries: null,
        target,
        targetYear: 2020,
        polarity: "high-is-good",
        settings,
      }).trend;
    const { lowerPrediction, upperPrediction, projectedValue } = status(10);
    expect(projectedValue).toBeCloseTo(9.2, 12); // slope −0.2 through (2016, 10)
    expect(status(lowerPrediction! - 0.01).status).toBe("on track");
    expect(status(projectedValue!).status).toBe("at risk");
    expect(status(upperPrediction! - 0.01).status).toBe("at risk");
    expect(status(upperPrediction! + 0.01).status).toBe("off track");
  });

  it("weights by 1/SE² when every point has an interval, and cannot forecast from fewer than 3 points", () => {
    const weighted = areaForecast({
      series: line(years, (y) => 5 + y - 2014, 0.98),
      countySeries: null,
      target: 12,
      targetYear: 2020,
      polarity: "high-is-good",
      settings,
    });
    expect(weighted.trend.weighting).toBe("inverse-variance");
    const short = areaForecast({
      series: line([2017, 2018], (y) => y - 2000),
      countySeries: null,
      target: 20,
      targetYear: 2020,
      polarity: "high-is-good",
      settings,
    });
    expect(short.trend.status).toBe("cannot be calculated");
    expect(short.trend.reason).toMatch(/at least 3 points/);
    expect(short.trend.requiredAnnualChange).toBeCloseTo(1, 12);
  });

  it("projects the gap to the county and says whether it narrows", () => {
    const area = line(years, (y) => 30 - 2 * (y - 2014));
    const county = line(years, () => 20);
    const forecast = areaForecast({
      series: area,
      countySeries: county,
      target: 20,
      targetYear: 2020,
      polarity: "low-is-good",
      settings,
    });
    expect(forecast.gap!.classification).toBe("narrowing");
    expect(forecast.gap!.latestGap).toBeCloseTo(2, 12);
    expect(forecast.gapProjectedToNarrow).toBe(true);
  });
});

describe("forecasts step", () => {
  let warehouse: Warehouse;
  beforeEach(async () => {
    warehouse = await fixtureWarehouse();
    const folder = targetsFolder({
      "rate.yaml": LOCALITY_RATE_YAML,
      "published.yaml": DISTRICT_PUBLISHED_YAML,
    });
    await differentialTargetsStep(folder).run(warehouse, silentReporter);
    expect(await forecastsStep(folder).run(warehouse, silentReporter)).toMatch(
      /^10 forecasts for 2 indicators/,
    );
  });
  afterEach(() => warehouse.close());

  it("forecasts the county, districts (implied targets) and localities of a locality-level indicator", async () => {
    const rows = await warehouse.rows<Record<string, unknown>>(
      "SELECT area_code, area_type, target_kind, target, projected, achieved_annual_change, weighting, status, gap_trend FROM forecast WHERE indicator = 'test-rate' ORDER BY area_code",
    );
    expect(rows.map((row) => `${row.area_code}:${row.target_kind}`)).toEqual([
      "E07000001:implied",
      "E07000002:implied",
      "E10000001:laa",
      "L01:differential",
      "L02:differential",
      "L03:differential",
      "L04:differential",
    ]);
    const l01 = rows.find((row) => row.area_code === "L01")!;
    expect(l01).toMatchObject({
      weighting: "inverse-variance",
      status: "on track",
      gap_trend: "no clear change",
    });
    expect(l01.achieved_annual_change as number).toBeCloseTo(-1, 9);
    expect(l01.projected as number).toBeCloseTo(16, 9);
    const north = rows.find((row) => row.area_code === "E07000001")!;
    const targets = await warehouse.rows<{ area_code: string; target: number }>(
      "SELECT area_code, target FROM target WHERE indicator = 'test-rate' AND kind = 'differential'",
    );
    const target = (code: string) => targets.find((row) => row.area_code === code)!.target;
    expect(north.target as number).toBeCloseTo((1000 * target("L01") + 3000 * target("L02")) / 4000, 12);
  });

  it("fits published district values without intervals by ordinary least squares", async () => {
    const [north] = await warehouse.rows<Record<string, unknown>>(
      "SELECT * FROM forecast WHERE indicator = 'test-published' AND area_code = 'E07000001'",
    );
    expect(north).toMatchObject({
      weighting: "ols",
      points_used: 10,
      target_kind: "differential",
      target_period: "2022",
      latest_period: "2019",
    });
    expect(Math.abs((north!.achieved_annual_change as number) + 0.5)).toBeLessThan(0.1);
    expect(north!.projected_lower as number).toBeLessThan(north!.projected as number);
    expect(["on track", "at risk", "off track"]).toContain(north!.status);
    expect(north!.notes).toMatch(/ordinary least squares/);
  });
});
