/**
 * The SQL deprivation summaries against the pure model `deprivationSummary` on a hand-made county: the
 * METHODS.md §5 worked example, an LSOA apportioned 0.4/0.6 between two localities, decile boundaries,
 * a missing numerator, a one-LSOA locality, ranks among peers and row-order invariance.
 */
import { afterEach, describe, expect, it } from "vitest";
import { deprivationSummary, extentWeight } from "../../../models/deprivation/index.ts";
import { deprivationSummariesStep } from "../../../pipelines/derive/deprivation/summaries-step.ts";
import { silentReporter } from "../../../pipelines/util/reporter.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import {
  type FixtureLsoa,
  insertArea,
  insertLink,
  insertLsoas,
  openFixtureWarehouse,
} from "./fixture-warehouse.ts";

const N = 32_844;

/** LSOA → (locality, weight)[]; each LSOA also sits in ward W-<locality>, district, county, region, country. */
const LSOAS: (FixtureLsoa & { localities: [string, number][]; district: string })[] = [
  // METHODS.md §5 worked example: locality L1.
  {
    code: "A",
    rank: 100,
    score: 60,
    population: 1000,
    income: 300,
    employment: 120,
    localities: [["L1", 1]],
    district: "D1",
  },
  {
    code: "B",
    rank: 5000,
    score: 30,
    population: 2000,
    income: 400,
    employment: 150,
    localities: [["L1", 1]],
    district: "D1",
  },
  {
    code: "C",
    rank: 20_000,
    score: 10,
    population: 1000,
    income: 50,
    employment: 20,
    localities: [["L1", 1]],
    district: "D1",
  },
  // Split 0.4 / 0.6 between L2 and L3.
  {
    code: "D",
    rank: 3000,
    score: 45,
    population: 1500,
    income: 250,
    employment: 90,
    localities: [
      ["L2", 0.4],
      ["L3", 0.6],
    ],
    district: "D2",
  },
  {
    code: "E",
    rank: 30_000,
    score: 4,
    population: 1200,
    income: 20,
    employment: null,
    localities: [["L2", 1]],
    district: "D2",
  },
  // Decile edges: 3,284 is the last rank of decile 1, 6,568 the last of decile 2.
  {
    code: "F",
    rank: 3284,
    score: 40,
    population: 800,
    income: 200,
    employment: 70,
    localities: [["L3", 1]],
    district: "D2",
  },
  {
    code: "G",
    rank: 3285,
    score: 39.9,
    population: 900,
    income: 180,
    employment: 60,
    localities: [["L3", 1]],
    district: "D2",
  },
  {
    code: "H",
    rank: 6569,
    score: 33,
    population: 1100,
    income: 150,
    employment: 55,
    localities: [["L4", 1]],
    district: "D2",
  },
  {
    code: "I",
    rank: 6568,
    score: 33.1,
    population: 700,
    income: 90,
    employment: 40,
    localities: [["L3", 1]],
    district: "D2",
  },
];

async function buildCounty(warehouse: Warehouse, order: typeof LSOAS): Promise<void> {
  await insertArea(warehouse, "E92000001", "country", "England");
  await insertArea(warehouse, "C1", "county", "County One");
  for (const district of ["D1", "D2"]) {
    await insertArea(warehouse, district, "district", `District ${district}`);
    await insertLink(warehouse, district, "district", "C1", "county");
    await insertLink(warehouse, district, "district", "E92000001", "country");
  }
  for (const locality of ["L1", "L2", "L3", "L4"]) {
    await insertArea(warehouse, locality, "locality", `Locality ${locality}`, true);
    await insertLink(warehouse, locality, "locality", "C1", "county");
  }
  await insertLink(warehouse, "C1", "county", "E92000001", "country");
  await insertLsoas(warehouse, 2019, order);
  for (const lsoa of order) {
    for (const [locality, weight] of lsoa.localities) {
      await insertLink(warehouse, lsoa.code, "lsoa11", locality, "locality", weight);
    }
    for (const [parent, type] of [
      [lsoa.district, "district"],
      ["C1", "county"],
      ["E92000001", "country"],
    ] as const) {
      await insertLink(warehouse, lsoa.code, "lsoa11", parent, type);
    }
  }
}

async function summaries(warehouse: Warehouse) {
  return warehouse.rows<Record<string, number | string | boolean | null>>(
    "SELECT * EXCLUDE (population_basis) FROM deprivation_summary WHERE edition = 2019 ORDER BY area_type, area_code",
  );
}

/** The model's summary of an area from the fixture (numerators: missing → 0, as the SQL sums known ones). */
function modelSummary(area: string) {
  const members = LSOAS.flatMap((lsoa) => {
    const weight =
      lsoa.localities.find(([locality]) => locality === area)?.[1] ??
      (lsoa.district === area || area === "C1" || area === "E92000001" ? 1 : 0);
    return weight > 0 ? [{ lsoa, weight }] : [];
  });
  const columns = {
    ranks: members.map((m) => m.lsoa.rank),
    scores: members.map((m) => m.lsoa.score),
    populations: members.map((m) => m.lsoa.population),
    apportionmentWeights: members.map((m) => m.weight),
  };
  const known = deprivationSummary(
    {
      ...columns,
      incomeNumerators: members.map((m) => m.lsoa.income ?? 0),
      employmentNumerators: members.map((m) => m.lsoa.employment ?? 0),
    },
    { n: N },
  );
  const withMissing = deprivationSummary(
    {
      ...columns,
      incomeNumerators: members.map((m) => m.lsoa.income ?? null),
      employmentNumerators: members.map((m) => m.lsoa.employment ?? null),
    },
    { n: N },
  );
  return { ...known, employmentNumeratorsMissing: withMissing.employmentNumeratorsMissing };
}

function expectClose(actual: unknown, expected: number, label: string): void {
  expect(typeof actual, label).toBe("number");
  expect(Math.abs((actual as number) - expected), label).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
}

describe("deprivation summaries (SQL)", () => {
  let warehouse: Warehouse | undefined;
  afterEach(() => warehouse?.close());

  it("matches the pure model for every locality, district, the county and the country, to 1e-9", async () => {
    warehouse = await openFixtureWarehouse();
    await buildCounty(warehouse, LSOAS);
    await deprivationSummariesStep.run(warehouse, silentReporter);
    const rows = await summaries(warehouse);
    expect(rows.map((row) => row.area_code)).toEqual(["E92000001", "C1", "D1", "D2", "L1", "L2", "L3", "L4"]);
    for (const row of rows) {
      const model = modelSummary(row.area_code as string);
      const label = `${row.area_code}`;
      expectClose(row.population, model.population, `${label} population`);
      expectClose(row.average_score, model.averageScore, `${label} average_score`);
      expectClose(row.average_rank, model.averageRank, `${label} average_rank`);
      expectClose(row.proportion_most_deprived_10, model.proportionMostDeprived10, `${label} p10`);
      expectClose(row.proportion_most_deprived_20, model.proportionMostDeprived20, `${label} p20`);
      expectClose(row.extent, model.extent, `${label} extent`);
      expectClose(row.local_concentration, model.localConcentration, `${label} local_concentration`);
      expectClose(row.income_scale, model.incomeScale ?? Number.NaN, `${label} income_scale`);
      expectClose(row.employment_scale, model.employmentScale ?? Number.NaN, `${label} employment_scale`);
      expectClose(row.lsoa_count, model.lsoaCount, `${label} lsoa_count`);
      expect(row.employment_numerators_missing, label).toBe(model.employmentNumeratorsMissing);
    }
  });

  it("gives the METHODS.md §5 worked example exactly (locality L1)", async () => {
    warehouse = await openFixtureWarehouse();
    await buildCounty(warehouse, LSOAS);
    await deprivationSummariesStep.run(warehouse, silentReporter);
    const [l1] = (await summaries(warehouse)).filter((row) => row.area_code === "L1");
    expect(l1?.extent).toBeCloseTo(0.606579, 6);
    expect(l1?.local_concentration).toBe(32_745);
    expect(l1?.average_rank).toBe(25_320);
    expect(l1?.proportion_most_deprived_10).toBeCloseTo(1 / 3, 12);
    expect(l1?.population).toBe(4000);
    expect(l1?.average_score).toBe(32.5);
  });

  it("counts the apportioned LSOA by its weight, and the decile edges exactly", async () => {
    warehouse = await openFixtureWarehouse();
    await buildCounty(warehouse, LSOAS);
    await deprivationSummariesStep.run(warehouse, silentReporter);
    const byCode = new Map((await summaries(warehouse)).map((row) => [row.area_code, row]));
    expect(byCode.get("L2")?.population).toBeCloseTo(0.4 * 1500 + 1200, 9);
    expect(byCode.get("L2")?.lsoa_count).toBeCloseTo(1.4, 12);
    // L3: D (0.6, decile 1), F (3,284: decile 1), G (3,285: decile 2), I (6,568: decile 2).
    expect(byCode.get("L3")?.proportion_most_deprived_10).toBeCloseTo(1.6 / 3.6, 12);
    expect(byCode.get("L3")?.proportion_most_deprived_20).toBe(1);
    expect(byCode.get("C1")?.proportion_most_deprived_20).toBeCloseTo(6 / 9, 12); // H (6,569) is decile 3
    expect(byCode.get("D2")?.employment_numerators_missing).toBe(1);
  });

  it("gives a one-LSOA locality that LSOA's values", async () => {
    warehouse = await openFixtureWarehouse();
    await buildCounty(warehouse, LSOAS);
    await deprivationSummariesStep.run(warehouse, silentReporter);
    const [l4] = (await summaries(warehouse)).filter((row) => row.area_code === "L4");
    expect(l4).toMatchObject({
      population: 1100,
      average_score: 33,
      average_rank: N + 1 - 6569,
      local_concentration: N + 1 - 6569,
      proportion_most_deprived_10: 0,
      proportion_most_deprived_20: 0,
      income_scale: 150,
    });
    expect(l4?.extent).toBeCloseTo(extentWeight(6569, N), 12); // 0.95 − 9·0.9/19, up to the last bit
  });

  it("ranks localities among the county's localities and districts nationally (1 = most deprived)", async () => {
    warehouse = await openFixtureWarehouse();
    await buildCounty(warehouse, LSOAS);
    await deprivationSummariesStep.run(warehouse, silentReporter);
    const rows = await summaries(warehouse);
    const localities = rows.filter((row) => row.area_type === "locality");
    const expected = [...localities]
      .sort((a, b) => (b.average_score as number) - (a.average_score as number))
      .map((row) => row.area_code);
    expect(
      [...localities]
        .sort((a, b) => (a.rank_of_average_score as number) - (b.rank_of_average_score as number))
        .map((row) => row.area_code),
    ).toEqual(expected);
    expect(
      localities.every((row) => row.peer_group === "C1" && row.peer_count === 4 && row.illustrative === true),
    ).toBe(true);
    expect(rows.filter((row) => row.area_type === "district").map((row) => row.peer_group)).toEqual([
      "E92000001",
      "E92000001",
    ]);
  });

  it("does not depend on the order rows were loaded in", async () => {
    warehouse = await openFixtureWarehouse();
    await buildCounty(warehouse, LSOAS);
    await deprivationSummariesStep.run(warehouse, silentReporter);
    const forward = await summaries(warehouse);
    warehouse.close();
    warehouse = await openFixtureWarehouse();
    await buildCounty(warehouse, [...LSOAS].reverse());
    await deprivationSummariesStep.run(warehouse, silentReporter);
    const backward = await summaries(warehouse);
    expect(backward.length).toBe(forward.length);
    backward.forEach((row, index) => {
      for (const [column, value] of Object.entries(row)) {
        const other = forward[index]?.[column];
        if (typeof value === "number") expectClose(value, other as number, column);
        else expect(value, column).toEqual(other);
      }
    });
  });
});
