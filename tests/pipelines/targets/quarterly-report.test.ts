/**
 * The quarterly exception report: only exceptions, arranged by the three performance levels with every
 * group present ("no exceptions" when empty), the figures behind each status, escaped HTML with example
 * targets labelled, and the CLI commands (targets, forecast, report) on the fixture warehouse.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../pipelines/cli/main.ts";
import type { ReportItem } from "../../../pipelines/report/exception-candidates.ts";
import { NO_EXCEPTIONS, quarterlyReport } from "../../../pipelines/report/quarterly-report.ts";
import { escapeHtml, reportHtml } from "../../../pipelines/report/report-html.ts";
import { REPORT_COLUMNS, reportCsv } from "../../../pipelines/report/report-rows.ts";
import { checkQuarter, quarterOf } from "../../../pipelines/report/write-report.ts";
import { TARGET_DERIVE_STEPS } from "../../../pipelines/targets/index.ts";
import { silentReporter } from "../../../pipelines/util/reporter.ts";
import {
  DISTRICT_PUBLISHED_YAML,
  fixtureWarehouse,
  LOCALITY_RATE_YAML,
  targetsFolder,
} from "./fixture-warehouse.ts";

const AREAS = {
  county: { code: "C1", name: "Testshire" },
  districts: [
    { code: "D1", name: "North" },
    { code: "D2", name: "South" },
  ],
};

function item(fields: Partial<ReportItem>): ReportItem {
  return {
    indicator: "x",
    indicatorName: "X",
    niCode: null,
    theme: "children and young people",
    unit: "%",
    areaCode: "C1",
    areaName: "Testshire",
    areaType: "county",
    districtCode: null,
    breakdown: null,
    exampleTarget: true,
    targetKind: "laa",
    baselinePeriod: "2019",
    baseline: 10,
    latestPeriod: "2019",
    latest: 10,
    targetPeriod: "2023",
    target: 8,
    projected: 9,
    projectedLower: 8.5,
    projectedUpper: 9.5,
    confidence: 0.95,
    requiredAnnualChange: -0.5,
    achievedAnnualChange: -0.2,
    gapTrend: null,
    gapProjectedToNarrow: null,
    comparator: null,
    comparatorValue: null,
    trendLabel: null,
    notes: null,
    status: "off track",
    benchmark: null,
    trendDirection: null,
    polarity: "low-is-good",
    ...fields,
  };
}

const ITEMS: ReportItem[] = [
  item({ indicator: "ok", status: "on track" }),
  item({ indicator: "red-county" }),
  item({
    indicator: "amber-locality",
    areaCode: "L1",
    areaName: "Northtown",
    areaType: "locality",
    districtCode: "D1",
    status: "at risk",
    targetKind: "differential",
    theme: "safer communities",
  }),
  item({
    indicator: "worsening",
    areaCode: "L2",
    areaName: "Southvale",
    areaType: "locality",
    districtCode: "D1",
    status: null,
    target: null,
    exampleTarget: null,
    benchmark: "worse",
    trendDirection: "increasing",
    comparator: "county",
    comparatorValue: 12,
    trendLabel: "increasing and getting worse",
  }),
  item({
    indicator: "worse-but-improving",
    areaCode: "L2",
    areaType: "locality",
    districtCode: "D1",
    status: null,
    benchmark: "worse",
    trendDirection: "decreasing",
  }),
  item({ indicator: "cannot", status: "cannot be calculated" }),
];

describe("quarterly report structure", () => {
  const report = quarterlyReport(ITEMS, AREAS, "2026-Q1");

  it("lists only exceptions, by county board, six theme groups and district partnerships", () => {
    expect(report.levels.map((level) => [level.level, level.groups.map((group) => group.name)])).toEqual([
      ["county board", ["Testshire"]],
      [
        "theme groups",
        [
          "children and young people",
          "safer communities",
          "stronger communities",
          "healthier communities and older people",
          "economic development and enterprise",
          "climate change and environment",
        ],
      ],
      ["district partnerships", ["North", "South"]],
    ]);
    const ids = (level: number, group: number) =>
      report.levels[level]!.groups[group]!.exceptions.map((e) => `${e.item.indicator}:${e.rag}`);
    expect(ids(0, 0)).toEqual(["red-county:red"]);
    expect(ids(1, 0)).toEqual(["red-county:red", "worsening:null"]);
    expect(ids(1, 1)).toEqual(["amber-locality:amber"]);
    expect(ids(2, 0)).toEqual(["amber-locality:amber", "worsening:null"]);
    expect(ids(2, 1)).toEqual([]);
    expect(report.exceptionsFound).toBe(3);
    expect(report.itemsReviewed).toBe(6);
    expect(report.usesExampleTargets).toBe(true);
  });

  it("says 'no exceptions' for every empty group in CSV and HTML", () => {
    const lines = reportCsv(report).trim().split("\n");
    expect(lines[0]).toBe(REPORT_COLUMNS.join(","));
    const empty = lines.filter((line) => line.includes(NO_EXCEPTIONS));
    expect(empty.map((line) => line.split(",").slice(0, 2).join(","))).toEqual([
      "theme groups,stronger communities",
      "theme groups,healthier communities and older people",
      "theme groups,economic development and enterprise",
      "theme groups,climate change and environment",
      "district partnerships,South",
    ]);
    const html = reportHtml(report);
    expect(html.match(/No exceptions\./g)).toHaveLength(5);
    expect(html).toContain("EXAMPLE targets");
    expect(html).toContain("RED: off track");
  });

  it("escapes every value in the HTML", () => {
    const hostile = quarterlyReport(
      [
        item({
          indicatorName: `<script>alert("x")</script> & 'q'`,
          areaName: "<b>Town</b>",
          notes: "<img src=x onerror=alert(1)>",
        }),
      ],
      { county: { code: "C1", name: "Test<shire>" }, districts: [] },
      "2026-Q1",
    );
    const html = reportHtml(hostile);
    expect(html).not.toMatch(/<script>|<b>Town|<img|<shire>/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
    expect(html).toContain("Test&lt;shire&gt;");
    expect(escapeHtml(null)).toBe("");
  });

  it("checks the quarter", () => {
    expect(quarterOf(new Date(Date.UTC(2026, 4, 1)))).toBe("2026-Q2");
    expect(checkQuarter("2026-Q4")).toBe("2026-Q4");
    expect(() => checkQuarter("2026Q5")).toThrow(/--period must be a quarter such as 2026-Q1/);
  });
});

async function ntg(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const code = await main(
    args,
    sink((text) => (stdout += text)),
    sink((text) => (stderr += text)),
  );
  return { code, stdout, stderr };
}

describe("targets, forecast and report commands on the fixture warehouse", () => {
  const dist = mkdtempSync(path.join(tmpdir(), "ntg-targets-dist-"));
  const sources = mkdtempSync(path.join(tmpdir(), "ntg-targets-sources-"));
  const common = ["--dist", dist, "--sources", sources, "--quiet"];
  beforeAll(async () => {
    renameSync(
      targetsFolder({ "rate.yaml": LOCALITY_RATE_YAML, "published.yaml": DISTRICT_PUBLISHED_YAML }),
      path.join(sources, "targets"),
    );
    mkdirSync(dist, { recursive: true });
    const warehouse = await fixtureWarehouse(path.join(dist, "warehouse.duckdb"));
    try {
      await warehouse.run(`INSERT INTO indicator_comparison VALUES
        ('test-rate', 'L03', 'locality', 'Persons', 'All ages', '2019', true, 10, 8, 9, 'worse', 'worse', 'increasing', 'increasing and getting worse'),
        ('test-rate', 'L04', 'locality', 'Persons', 'All ages', '2019', true, 16, 8, 9, 'worse', 'worse', 'decreasing', 'decreasing and getting better')`);
      for (const step of TARGET_DERIVE_STEPS)
        await step.run(warehouse, silentReporter, { sourcesDir: sources });
    } finally {
      warehouse.close();
    }
  });
  afterAll(() => {
    rmSync(dist, { recursive: true, force: true });
    rmSync(sources, { recursive: true, force: true });
  });

  it("prints locality targets with the check block, labelled as examples", async () => {
    const table = await ntg("targets", "test-rate", ...common);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      "EXAMPLE targets shipped with the tool to show the method, not agreed targets",
    );
    expect(table.stdout).toMatch(/Check block\n/);
    const json = JSON.parse((await ntg("targets", "test-rate", "--format", "json", ...common)).stdout);
    expect(json.targets.map((row: { area_code: string }) => row.area_code)).toEqual([
      "E10000001",
      "L01",
      "L02",
      "L03",
      "L04",
    ]);
    expect(json.check.weighted_mean_of_targets).toBeCloseTo(json.check.county_target, 9);
    expect(json.label).toMatch(/EXAMPLE/);
    const csv = (await ntg("targets", "test-rate", "--format", "csv", ...common)).stdout;
    expect(csv.split("\n\n")[1]).toMatch(/^check,value\n/);
    const list = await ntg("targets", "--list", "--format", "csv", ...common);
    expect(list.stdout.split("\n")[0]).toBe(
      "indicator,example,level,method,narrow_by,floor,baseline_period,baseline,target_period,target,weights,file",
    );
    expect((await ntg("targets", "nothing", ...common)).code).toBe(2);
  });

  it("prints forecasts for one area", async () => {
    const result = await ntg("forecast", "test-rate", "--area", "L01", "--format", "json", ...common);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject([
      { area_code: "L01", status: "on track", example: true },
    ]);
    expect((await ntg("forecast", "test-rate", "--area", "ZZZ", ...common)).stderr).toMatch(
      /no forecast for "test-rate" in area ZZZ/,
    );
  });

  it("writes the report as HTML and CSV and prints only exceptions", async () => {
    const result = await ntg("report", "quarterly", "--period", "2026-Q1", "--format", "json", ...common);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const exceptions = report.levels.flatMap(
      (level: { groups: { exceptions: { item: ReportItem; reasons: string[] }[] }[] }) =>
        level.groups.flatMap((group) => group.exceptions),
    );
    expect(exceptions.length).toBeGreaterThan(0);
    for (const exception of exceptions) {
      expect(exception.reasons.length).toBeGreaterThan(0);
      if (exception.item.status === "on track" || exception.item.status === "cannot be calculated") {
        expect(exception.reasons).toEqual(["significantly worse than the comparator and getting worse"]);
      }
    }
    const l03 = exceptions.find(
      (e: { item: ReportItem }) => e.item.areaCode === "L03" && e.item.indicator === "test-rate",
    );
    expect(l03.reasons).toContain("significantly worse than the comparator and getting worse");
    expect(
      exceptions.some(
        (e: { item: ReportItem; reasons: string[] }) =>
          e.item.areaCode === "L04" &&
          e.item.indicator === "test-rate" &&
          e.reasons.includes("significantly worse than the comparator and getting worse"),
      ),
    ).toBe(false);
    const html = readFileSync(path.join(dist, "reports", "quarterly-2026-Q1.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src="http/);
    const csv = readFileSync(path.join(dist, "reports", "quarterly-2026-Q1.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe(REPORT_COLUMNS.join(","));
    expect((await ntg("report", "monthly", ...common)).code).toBe(2);
  });
});
