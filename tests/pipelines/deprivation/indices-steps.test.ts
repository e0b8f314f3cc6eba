/**
 * The IMD score rebuilt from domain ranks (written into `deprivation`) and local indices from YAML
 * (validated, computed with the model, ranked nationally).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  compositeIndexScores,
  DEPRIVATION_DOMAINS,
  type DeprivationDomain,
  OFFICIAL_IMD_WEIGHTS,
  rankScores,
} from "../../../models/deprivation/index.ts";
import { PROJECT_ROOT } from "../../../pipelines/config/project-config.ts";
import { COMPUTED_SCORE_NOTE, imdScoreStep } from "../../../pipelines/derive/deprivation/imd-score-step.ts";
import { readLocalIndices } from "../../../pipelines/derive/deprivation/local-index-config.ts";
import { localIndicesStep } from "../../../pipelines/derive/deprivation/local-indices-step.ts";
import { silentReporter } from "../../../pipelines/util/reporter.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { openFixtureWarehouse } from "./fixture-warehouse.ts";

const N = 32_844;
/** Domain ranks of three LSOAs, in DEPRIVATION_DOMAINS order. */
const DOMAIN_RANKS: Record<string, number[]> = {
  E01000001: [100, 200, 300, 400, 32_000, 600, 700],
  E01000002: [16_000, 15_000, 17_000, 14_000, 10, 18_000, 12_000],
  E01000003: [32_844, 32_000, 31_000, 30_000, 29_000, 28_000, 27_000],
};

async function insertDomainRanks(
  warehouse: Warehouse,
  domains: readonly DeprivationDomain[] = DEPRIVATION_DOMAINS,
): Promise<void> {
  for (const [lsoa, ranks] of Object.entries(DOMAIN_RANKS)) {
    for (const domain of domains) {
      await warehouse.run(
        "INSERT INTO deprivation (edition, lsoa, lsoa_type, domain, rank, source) VALUES (2019, $1, 'lsoa11', $2, $3, 'fixture')",
        [lsoa, domain, ranks[DEPRIVATION_DOMAINS.indexOf(domain)]!],
      );
    }
  }
}

function modelScores(weights: Parameters<typeof compositeIndexScores>[1]): Float64Array {
  const lsoas = Object.values(DOMAIN_RANKS);
  const columns = Object.fromEntries(
    DEPRIVATION_DOMAINS.map((domain, index) => [domain, lsoas.map((ranks) => ranks[index]!)]),
  );
  return compositeIndexScores(columns, weights, N);
}

describe("IMD score from domain ranks", () => {
  let warehouse: Warehouse | undefined;
  afterEach(() => warehouse?.close());

  it("writes the model's scores into the 2019 imd rows, keeping ranks and published scores", async () => {
    warehouse = await openFixtureWarehouse();
    await insertDomainRanks(warehouse);
    await warehouse.run(`INSERT INTO deprivation (edition, lsoa, lsoa_type, domain, score, rank, decile, source) VALUES
      (2019, 'E01000001', 'lsoa11', 'imd', NULL, 1, 1, 'fixture'), (2019, 'E01000002', 'lsoa11', 'imd', NULL, 2, 1, 'fixture'),
      (2019, 'E01000003', 'lsoa11', 'imd', NULL, 3, 1, 'fixture'), (2015, 'E01000001', 'lsoa11', 'imd', 12.5, 9, 1, 'fixture')`);
    const summary = await imdScoreStep.run(warehouse, silentReporter);
    expect(summary).toMatch(/IMD 2019: 3 scores; recomputed ranks equal the official rank for 3/);
    const rows = await warehouse.rows<{ edition: number; score: number; rank: number; note: string | null }>(
      "SELECT edition, score, rank, note FROM deprivation WHERE domain = 'imd' ORDER BY edition DESC, lsoa",
    );
    const expected = modelScores(OFFICIAL_IMD_WEIGHTS);
    expect(rows.slice(0, 3).map((row) => row.score)).toEqual([...expected]);
    expect(rows.slice(0, 3).map((row) => row.rank)).toEqual([1, 2, 3]);
    expect(rows.slice(0, 3).every((row) => row.note === COMPUTED_SCORE_NOTE)).toBe(true);
    expect(rows[3]).toEqual({ edition: 2015, score: 12.5, rank: 9, note: null });
  });

  it("names the missing domain when an edition lacks one", async () => {
    warehouse = await openFixtureWarehouse();
    await insertDomainRanks(
      warehouse,
      DEPRIVATION_DOMAINS.filter((domain) => domain !== "crime"),
    );
    await warehouse.run(
      "INSERT INTO deprivation (edition, lsoa, lsoa_type, domain, rank, source) VALUES (2019, 'E01000001', 'lsoa11', 'imd', 1, 'fixture')",
    );
    await expect(imdScoreStep.run(warehouse, silentReporter)).rejects.toThrow(
      /2019 has no national ranks for domain\(s\) crime/,
    );
  });
});

describe("local indices", () => {
  let warehouse: Warehouse | undefined;
  let folder: string | undefined;
  afterEach(() => {
    warehouse?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  });

  function writeIndex(name: string, yaml: string): string {
    folder ??= mkdtempSync(path.join(tmpdir(), "ntg-indices-"));
    writeFileSync(path.join(folder, name), yaml);
    return folder;
  }

  it("validates the shipped example, labelled as an example", () => {
    const [example] = readLocalIndices(path.join(PROJECT_ROOT, "sources", "indices"));
    expect(example).toMatchObject({ id: "imd2019-without-crime", edition: 2019, example: true });
    expect(example?.weights).not.toHaveProperty("crime");
    expect(example?.name).toMatch(/EXAMPLE/);
  });

  it("computes each index with the model, ranks it nationally and lists it in deprivation_index", async () => {
    warehouse = await openFixtureWarehouse();
    await insertDomainRanks(warehouse);
    const weights = { income: 0.5, health: 0.3, crime: 0.2 };
    const dir = writeIndex(
      "mine.yaml",
      "id: my-index\nname: Mine\nedition: 2019\ndescription: test\nweights: { income: 0.5, health: 0.3, crime: 0.2 }\n",
    );
    expect(await localIndicesStep(dir).run(warehouse, silentReporter)).toBe("my-index: 3 LSOAs");
    const rows = await warehouse.rows<{ lsoa: string; score: number; rank: number; decile: number }>(
      "SELECT lsoa, score, rank, decile FROM deprivation_local_index WHERE index_id = 'my-index' ORDER BY lsoa",
    );
    const expected = modelScores(weights);
    expect(rows.map((row) => row.score)).toEqual([...expected]);
    expect(rows.map((row) => row.rank)).toEqual([...rankScores(expected)]);
    expect(rows.map((row) => row.rank)).toEqual([1, 2, 3]);
    expect(rows.map((row) => row.decile)).toEqual([1, 1, 1]);
    const indices = await warehouse.rows(
      "SELECT index_id, edition, example FROM deprivation_index ORDER BY 1",
    );
    expect(indices).toEqual([
      { index_id: "imd", edition: null, example: false },
      { index_id: "my-index", edition: 2019, example: false },
    ]);
  });

  it.each([
    [
      "an unknown domain",
      "weights: { income: 1, crimes: 1 }",
      /bad\.yaml:\d+: weights: Unrecognized key.*crimes/,
    ],
    ["the reserved id", "weights: { income: 1 }", /reserved/, "imd"],
    ["all-zero weights", "weights: { income: 0 }", /bad\.yaml: weights: validateIndexWeights/],
    ["a negative weight", "weights: { income: -1 }", /weights\.income: a weight must be ≥ 0/],
    ["an unknown edition", "weights: { income: 1 }", /edition must be one of/, "ok-id", 2018],
  ])("rejects %s, naming the file", (_, weightsYaml, message, id = "bad-index", edition = 2019) => {
    const dir = writeIndex(
      "bad.yaml",
      `id: ${id}\nname: Bad\nedition: ${edition}\ndescription: x\n${weightsYaml}\n`,
    );
    expect(() => readLocalIndices(dir)).toThrow(message);
  });
});
