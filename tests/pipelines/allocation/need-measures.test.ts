/**
 * Need measures per recipient on a fixture warehouse: counts summed over LSOAs with area_link weights,
 * the population of the scenario's period, IMD 2019 extent and average score from the pure model (or
 * the deprivation_summary table when it has the area), notes for missing values, and clear errors.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SourceError } from "../../../models/errors.ts";
import { recipientAreas } from "../../../pipelines/allocation/recipient-areas.ts";
import { recipientMeasures } from "../../../pipelines/allocation/recipient-measures.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { COUNTY, openFixtureWarehouse } from "./fixture-warehouse.ts";

let warehouse: Warehouse;
beforeEach(async () => {
  warehouse = await openFixtureWarehouse();
});
afterEach(() => warehouse.close());

/** Extent weight of IMD 2019 rank 5000: percentile ceil(100·5000/32844) = 16 → 0.95 − (0.9/19)·5. */
const EXTENT_RANK_5000 = 0.95 - (0.9 / 19) * 5;

describe("recipient areas", () => {
  it("finds the districts and the localities of a county, in code order", async () => {
    expect(
      (await recipientAreas(warehouse, { districts: COUNTY })).map((a) => [a.code, a.name, a.type]),
    ).toEqual([
      ["E07000001", "District One", "district"],
      ["E07000002", "District Two", "district"],
    ]);
    const localities = await recipientAreas(warehouse, { localities: COUNTY });
    expect(localities.map((a) => a.code)).toEqual(["L01", "L02", "L03"]);
    expect(localities.every((a) => a.illustrative)).toBe(true);
  });

  it("takes a custom list of codes and names what the warehouse lacks", async () => {
    const areas = await recipientAreas(warehouse, { areas: ["E01000003", "L03"] });
    expect(areas.map((a) => `${a.code}:${a.type}`)).toEqual(["E01000003:lsoa11", "L03:locality"]);
    await expect(recipientAreas(warehouse, { areas: ["L03", "X99"] })).rejects.toThrow(
      /recipient area not in the warehouse: X99/,
    );
    await expect(recipientAreas(warehouse, { districts: "E10000099" })).rejects.toThrow(SourceError);
  });
});

describe("recipient need measures", () => {
  it("sums counts over the districts' LSOAs and computes extent and average score with the model", async () => {
    const areas = await recipientAreas(warehouse, { districts: COUNTY });
    const [one, two] = await recipientMeasures(warehouse, areas, "mid-2015");
    expect(one!.population).toBe(4500);
    expect(one!.measures).toMatchObject({ "income-deprived-people": 800, "employment-deprived-people": 320 });
    // Ranks 100 and 2000 are in the most deprived 10% (weight 1), rank 20000 is outside the 30%.
    expect(one!.measures.extent).toBeCloseTo(2500 / 4500, 12);
    expect(one!.measures["average-score"]).toBeCloseTo((1000 * 60 + 1500 * 40 + 2000 * 10) / 4500, 12);
    expect(one!.measures["population-x-average-score"]).toBeCloseTo(1000 * 60 + 1500 * 40 + 2000 * 10, 8);
    expect(one!.deprivationSource).toBe("deprivationSummary model");
    expect(two!.measures.extent).toBeCloseTo((1600 * EXTENT_RANK_5000) / 4600, 12);
    // One LSOA of District Two has no employment numerator: a lower bound, with a note.
    expect(two!.measures["employment-deprived-people"]).toBe(150);
    expect(two!.notes.join(" ")).toMatch(/employment-deprived people: 1 of 3 LSOAs have no value/);
  });

  it("applies apportionment weights (an LSOA split half and half between two localities)", async () => {
    const areas = await recipientAreas(warehouse, { localities: COUNTY });
    const measures = await recipientMeasures(warehouse, areas, "2019");
    const byCode = Object.fromEntries(measures.map((m) => [m.code, m]));
    expect(byCode.L02!.population).toBe(2100 + 1250 + 0.5 * 1700);
    expect(byCode.L02!.measures["income-deprived-people"]).toBe(100 + 120 + 0.5 * 200);
    expect(byCode.L03!.measures["income-deprived-people"]).toBe(50 + 0.5 * 200);
    expect(byCode.L02!.lsoaCount).toBe(2.5);
    // The IMD averages stay on the IoD 2019 (mid-2015) population, whatever the scenario's period.
    expect(byCode.L03!.measures.extent).toBeCloseTo((800 * EXTENT_RANK_5000) / (1800 + 800), 12);
  });

  it("takes extent and average score from deprivation_summary when it has the area", async () => {
    await warehouse.run(`CREATE TABLE deprivation_summary AS SELECT 2019 AS edition, 'imd' AS index_id,
      'E07000001' AS area_code, 'district' AS area_type, 12.5::DOUBLE AS average_score, 0.25::DOUBLE AS extent`);
    const areas = await recipientAreas(warehouse, { districts: COUNTY });
    const [one, two] = await recipientMeasures(warehouse, areas, "mid-2015");
    expect(one).toMatchObject({
      deprivationSource: "deprivation_summary",
      measures: { extent: 0.25, "average-score": 12.5 },
    });
    expect(two!.deprivationSource).toBe("deprivationSummary model");
  });

  it("leaves out the average score, with a note, when IMD scores are missing", async () => {
    await warehouse.run("UPDATE deprivation SET score = NULL WHERE lsoa = 'E01000004'");
    const areas = await recipientAreas(warehouse, { districts: COUNTY });
    const [, two] = await recipientMeasures(warehouse, areas, "mid-2015");
    expect(two!.measures["average-score"]).toBeUndefined();
    expect(two!.measures.extent).toBeCloseTo((1600 * EXTENT_RANK_5000) / 4600, 12);
    expect(two!.notes.join(" ")).toMatch(/IMD 2019 scores are missing/);
  });

  it("names the population periods the warehouse has when the scenario's is absent", async () => {
    const areas = await recipientAreas(warehouse, { districts: COUNTY });
    await expect(recipientMeasures(warehouse, areas, "2031")).rejects.toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/2019, mid-2015/) }),
    );
  });
});
