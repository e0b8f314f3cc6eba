/**
 * The deprivation steps on the real warehouse built from ../shared/data (the build shared by all
 * real-data tests when tests/global-setup.ts provides it, else one built here). Skipped, with the reason
 * printed, when the data is absent.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deprivationSummary, rankScores } from "../../../models/deprivation/index.ts";
import { defaultMirrors, PROJECT_ROOT } from "../../../pipelines/config/project-config.ts";
import { SUMMARY_COLUMNS } from "../../../pipelines/derive/deprivation/deprivation-queries.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";

const NTG = path.join(PROJECT_ROOT, "bin", "ntg.mjs");
const sharedDist = (inject as (key: string) => unknown)("realDist") as string | undefined;
const dataPresent = defaultMirrors().length > 0 && process.env.NTG_SKIP_REAL_DATA !== "1";
if (!dataPresent)
  console.log("real-data deprivation tests skipped: ../shared/data is absent (or NTG_SKIP_REAL_DATA=1)");

const WARWICKSHIRE_DISTRICTS = ["E07000218", "E07000219", "E07000220", "E07000221", "E07000222"];

describe.skipIf(!dataPresent)("deprivation on the real data", () => {
  let dist = sharedDist ?? "";
  let ownDist: string | undefined;
  let warehouse: Warehouse;

  beforeAll(async () => {
    if (!dist) {
      ownDist = mkdtempSync(path.join(tmpdir(), "ntg-deprivation-"));
      const result = spawnSync(process.execPath, [NTG, "run", "--dist", ownDist, "--offline", "--quiet"], {
        encoding: "utf8",
      });
      if (result.status !== 0) throw new Error(`ntg run failed:\n${result.stderr.slice(-3000)}`);
      dist = ownDist;
    }
    warehouse = await Warehouse.open(path.join(dist, "warehouse.duckdb"), { readOnly: true });
  });
  afterAll(() => {
    warehouse?.close();
    if (ownDist) rmSync(ownDist, { recursive: true, force: true });
  });

  it("rebuilds IMD 2019 scores whose national ranks reproduce the official rank for ≥ 32,700 LSOAs", async () => {
    const { rows } = await warehouse.table(
      "SELECT score, rank FROM deprivation WHERE edition = 2019 AND domain = 'imd' ORDER BY lsoa",
    );
    expect(rows).toHaveLength(32_844);
    const recomputed = rankScores(rows.map((row) => row[0] as number));
    const matching = rows.filter((row, index) => row[1] === recomputed[index]).length;
    console.log(`IMD 2019: recomputed ranks equal the official rank for ${matching} of 32,844 LSOAs`);
    expect(matching).toBeGreaterThanOrEqual(32_700);
  });

  it("gives each of the 23 localities and 5 districts a row for every edition 2004–2025", async () => {
    const counts = await warehouse.rows<{ area_type: string; areas: number; editions: string }>(
      `SELECT area_type, count(DISTINCT area_code)::INTEGER AS areas, string_agg(DISTINCT edition::VARCHAR, ',' ORDER BY edition::VARCHAR) AS editions,
         count(*)::INTEGER AS rows FROM deprivation_trend WHERE area_type IN ('locality', 'district') GROUP BY 1 ORDER BY 1`,
    );
    expect(counts).toEqual([
      { area_type: "district", areas: 5, editions: "2004,2007,2010,2015,2019,2025", rows: 30 },
      { area_type: "locality", areas: 23, editions: "2004,2007,2010,2015,2019,2025", rows: 138 },
    ]);
    const lsoas = await warehouse.rows(
      "SELECT edition, sum(lsoa_count)::DOUBLE AS lsoas FROM deprivation_trend WHERE area_type = 'locality' GROUP BY 1 ORDER BY 1",
    );
    // 333 LSOAs of 2001, 339 of 2011 and 354 of 2021, each counted once across the localities.
    expect(lsoas.map((row) => Math.round((row.lsoas as number) * 1e9) / 1e9)).toEqual([
      333, 333, 333, 339, 339, 354,
    ]);
  });

  it("matches the model for the 5 districts and 23 localities to 1e-9", async () => {
    const summaries = await warehouse.rows<Record<string, number | string>>(
      `SELECT * FROM deprivation_summary WHERE edition = 2019 AND index_id = 'imd'
         AND area_type IN ('district', 'locality') AND (area_code LIKE 'WCC-%' OR area_code IN (${WARWICKSHIRE_DISTRICTS.map((c) => `'${c}'`).join(",")}))`,
    );
    expect(summaries).toHaveLength(28);
    for (const summary of summaries) {
      const { rows } = await warehouse.table(
        `SELECT d.rank, d.score, p.population, l.weight, i.numerator, e.numerator
         FROM area_link l JOIN deprivation d ON d.lsoa = l.child AND d.edition = 2019 AND d.domain = 'imd'
         JOIN population p ON p.area_code = l.child AND p.period = 'mid-2015' AND p.age_band = 'all'
         LEFT JOIN observation i ON i.area_code = l.child AND i.indicator = 'iod2019-income-deprived-people'
         LEFT JOIN observation e ON e.area_code = l.child AND e.indicator = 'iod2019-employment-deprived-people'
         WHERE l.parent = $1 AND l.child_type = 'lsoa11'`,
        [summary.area_code as string],
      );
      const column = (index: number) => rows.map((row) => (row[index] ?? 0) as number);
      const model = deprivationSummary(
        {
          ranks: column(0),
          scores: column(1),
          populations: column(2),
          apportionmentWeights: column(3),
          incomeNumerators: column(4),
          employmentNumerators: column(5),
        },
        { edition: 2019 },
      );
      const pairs: [string, number, number | null][] = [
        ["population", summary.population as number, model.population],
        ["average_score", summary.average_score as number, model.averageScore],
        ["average_rank", summary.average_rank as number, model.averageRank],
        [
          "proportion_most_deprived_10",
          summary.proportion_most_deprived_10 as number,
          model.proportionMostDeprived10,
        ],
        [
          "proportion_most_deprived_20",
          summary.proportion_most_deprived_20 as number,
          model.proportionMostDeprived20,
        ],
        ["extent", summary.extent as number, model.extent],
        ["local_concentration", summary.local_concentration as number, model.localConcentration],
        ["income_scale", summary.income_scale as number, model.incomeScale],
        ["employment_scale", summary.employment_scale as number, model.employmentScale],
      ];
      for (const [name, sql, expected] of pairs) {
        expect(Math.abs(sql - (expected as number)), `${summary.area_code} ${name}`).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(expected as number)),
        );
      }
    }
  });

  it("gives plausible 2019 district average scores (Blackpool 45.039 as published)", async () => {
    const rows = await warehouse.rows<{
      area_code: string;
      area_name: string;
      average_score: number;
      rank: number;
    }>(
      `SELECT area_code, area_name, round(average_score, 3) AS average_score, rank_of_average_score AS rank
       FROM deprivation_summary WHERE edition = 2019 AND index_id = 'imd' AND area_type = 'district'
         AND (area_code IN (${WARWICKSHIRE_DISTRICTS.map((c) => `'${c}'`).join(",")}) OR rank_of_average_score = 1)
       ORDER BY area_code`,
    );
    console.log(
      `2019 district average scores: ${rows.map((r) => `${r.area_name} ${r.average_score} (rank ${r.rank})`).join("; ")}`,
    );
    expect(rows.find((row) => row.rank === 1)).toMatchObject({
      area_name: "Blackpool",
      average_score: 45.039,
    });
    const warwickshire = rows.filter((row) => row.area_code !== "E06000009");
    expect(warwickshire.map((row) => row.average_score)).toEqual([17.907, 23.54, 14.119, 11.728, 12.005]);
  });

  it("prints all 317 districts of England in under 10 s with the contract's columns", () => {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [
        NTG,
        "deprivation",
        "--edition",
        "2019",
        "--within",
        "E92000001",
        "--level",
        "district",
        "--format",
        "csv",
        "--dist",
        dist,
      ],
      { encoding: "utf8" },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `ntg deprivation --edition 2019 --within E92000001 --level district: ${seconds.toFixed(2)} s`,
    );
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]?.split(",").slice(0, SUMMARY_COLUMNS.length)).toEqual([...SUMMARY_COLUMNS]);
    expect(lines).toHaveLength(318);
    expect(seconds).toBeLessThan(10);
  });

  it("links all 354 Warwickshire 2021 LSOAs to a locality by the best-fit rule", async () => {
    const [fit] = await warehouse.rows<{ lsoas: number; containment: number; linked: number }>(
      `SELECT count(*)::INTEGER AS lsoas, count(*) FILTER (WHERE rule = 'containment')::INTEGER AS containment,
         (SELECT count(DISTINCT child)::INTEGER FROM area_link WHERE child_type = 'lsoa21' AND parent_type = 'locality') AS linked
       FROM lsoa21_best_fit`,
    );
    console.log(
      `2021 LSOA best fit: ${fit?.containment} of ${fit?.lsoas} by containment, the rest by the nearest 2011 LSOA`,
    );
    expect(fit).toMatchObject({ lsoas: 354, linked: 354 });
  });
});
