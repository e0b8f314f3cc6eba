import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AreaEditionDeprivation,
  deprivationByEdition,
  deprivationTrend,
  type EditionLsoaRanks,
  relativePositionChanges,
} from "../../../models/deprivation/index.ts";
import { ModelInputError } from "../../../models/errors.ts";

// Edition 2004 (N = 32,482, 2001 LSOAs a–d) and 2019 (N = 32,844, 2011 LSOAs; "b" split into b1 and b2).
const edition2004: EditionLsoaRanks = {
  edition: 2004,
  lsoaCodes: ["a", "b", "c", "d"],
  ranks: [1000, 5000, 20_000, 3000],
  populations: [1500, 1600, 1400, 1500],
  bridge: [
    { lsoa: "a", area: "North", weight: 1 },
    { lsoa: "b", area: "North", weight: 1 },
    { lsoa: "c", area: "South", weight: 1 },
    { lsoa: "d", area: "South", weight: 1 },
  ],
};
const edition2019: EditionLsoaRanks = {
  edition: 2019,
  lsoaCodes: ["a", "b1", "b2", "c", "d"],
  ranks: [8000, 9000, 4000, 3200, 2000],
  bridge: [
    { lsoa: "a", area: "North", weight: 1 },
    { lsoa: "b1", area: "North", weight: 1 },
    { lsoa: "b2", area: "North", weight: 0.5 },
    { lsoa: "b2", area: "South", weight: 0.5 },
    { lsoa: "c", area: "South", weight: 1 },
    { lsoa: "d", area: "South", weight: 1 },
  ],
};

describe("deprivationByEdition", () => {
  const rows = deprivationByEdition([edition2019, edition2004]);

  it("orders rows by edition then area and uses each edition's N", () => {
    expect(rows.map((row) => `${row.edition} ${row.area} ${row.n}`)).toEqual([
      "2004 North 32482",
      "2004 South 32482",
      "2019 North 32844",
      "2019 South 32844",
    ]);
  });

  it("counts LSOAs and people in the most deprived 10% (rank ≤ 3,248 of 32,482) and 20%", () => {
    const [north2004, south2004] = rows;
    expect(north2004).toMatchObject({
      lsoaCount: 2,
      lsoasMostDeprived10: 1, // rank 1000
      lsoasMostDeprived20: 2, // rank 5000 ≤ 6496
      population: 3100,
      peopleMostDeprived10: 1500,
      peopleMostDeprived20: 3100,
      shareLsoasMostDeprived20: 1,
    });
    expect(south2004).toMatchObject({
      lsoasMostDeprived10: 1,
      lsoasMostDeprived20: 1,
      peopleMostDeprived10: 1500,
    });
    // mean of 100·(N + 1 − rank)/N over ranks 20,000 and 3,000, worked by hand
    expect(south2004?.averageInvertedRankPercentile).toBeCloseTo((100 * (12_483 + 29_483)) / 32_482 / 2, 10);
  });

  it("apportions split LSOAs by bridge weight and leaves people null without populations", () => {
    const north2019 = rows[2] as AreaEditionDeprivation;
    const south2019 = rows[3] as AreaEditionDeprivation;
    expect(north2019).toMatchObject({ lsoaCount: 2.5, lsoasMostDeprived10: 0, lsoasMostDeprived20: 0.5 });
    expect(north2019.population).toBeNull();
    expect(north2019.peopleMostDeprived20).toBeNull();
    // b2 (rank 4000, decile 2) half, c (rank 3200, decile 1), d (rank 2000, decile 1)
    expect(south2019).toMatchObject({ lsoaCount: 2.5, lsoasMostDeprived10: 2, lsoasMostDeprived20: 2.5 });
  });

  it("rejects duplicate editions, unknown LSOAs in a bridge, bad weights and duplicate codes", () => {
    expect(() => deprivationByEdition([edition2004, edition2004])).toThrow(/edition 2004 is given twice/);
    const wrongVintage = { ...edition2004, bridge: edition2019.bridge };
    expect(() => deprivationByEdition([wrongVintage])).toThrow(/bridge names LSOA "b1"/);
    const badWeight = { ...edition2004, bridge: [{ lsoa: "a", area: "North", weight: 2 }] };
    expect(() => deprivationByEdition([badWeight])).toThrow(/must be in \[0, 1\], got 2/);
    const duplicate = { ...edition2004, lsoaCodes: ["a", "a", "c", "d"] };
    expect(() => deprivationByEdition([duplicate])).toThrow(/LSOA "a" appears twice/);
    const unknownEdition = { ...edition2004, edition: 2012 };
    expect(() => deprivationByEdition([unknownEdition])).toThrow(ModelInputError);
    expect(deprivationByEdition([{ ...unknownEdition, n: 32_482 }])).toHaveLength(2);
  });
});

describe("relativePositionChanges", () => {
  it("classifies North as improving and South as worsening between 2004 and 2019", () => {
    const { positionChanges } = deprivationTrend([edition2004, edition2019]);
    expect(positionChanges.map((change) => [change.area, change.relativePositionChange])).toEqual([
      ["North", "improving"], // share in 20%: 1 → 0.2; percentile falls
      ["South", "worsening"], // share in 20%: 0.5 → 1; percentile rises
    ]);
    expect(positionChanges[0]).toMatchObject({ firstEdition: 2004, lastEdition: 2019 });
    expect(positionChanges[0]?.changeInShareMostDeprived20).toBeCloseTo(0.2 - 1, 12);
  });

  const row = (edition: number, share: number, percentile: number): AreaEditionDeprivation => ({
    area: "X",
    edition,
    n: 32_844,
    lsoaCount: 20,
    lsoasMostDeprived10: 0,
    lsoasMostDeprived20: share * 20,
    shareLsoasMostDeprived10: 0,
    shareLsoasMostDeprived20: share,
    population: null,
    peopleMostDeprived10: null,
    peopleMostDeprived20: null,
    averageInvertedRankPercentile: percentile,
  });
  const classify = (first: AreaEditionDeprivation, last: AreaEditionDeprivation) =>
    relativePositionChanges([last, first])[0]?.relativePositionChange;

  it("needs a change of at least the threshold in one signal and none against it", () => {
    expect(classify(row(2004, 0.15, 60), row(2019, 0.1, 60))).toBe("improving"); // exactly 5 points
    expect(classify(row(2004, 0.15, 60), row(2019, 0.11, 58))).toBe("no clear change"); // both below threshold
    expect(classify(row(2004, 0.15, 60), row(2019, 0.15, 62.5))).toBe("worsening");
    expect(classify(row(2004, 0.3, 50), row(2019, 0.2, 55))).toBe("no clear change"); // signals disagree
    expect(relativePositionChanges([row(2019, 0.2, 50)])[0]?.relativePositionChange).toBe(
      "insufficient editions",
    );
  });

  it("uses given thresholds and rejects invalid ones", () => {
    const rows = [row(2004, 0.15, 60), row(2019, 0.11, 60)];
    expect(relativePositionChanges(rows, { shareMostDeprived20: 0.04 })[0]?.relativePositionChange).toBe(
      "improving",
    );
    expect(() => relativePositionChanges(rows, { averageInvertedRankPercentile: 0 })).toThrow(
      /averageInvertedRankPercentile must be a finite number > 0, got 0/,
    );
  });

  it("flips improving and worsening when first and last are swapped", () => {
    const flipped = { improving: "worsening", worsening: "improving", "no clear change": "no clear change" };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (shareA, shareB, percentileA, percentileB) => {
          const forward = classify(row(2004, shareA, percentileA), row(2019, shareB, percentileB));
          const backward = classify(row(2004, shareB, percentileB), row(2019, shareA, percentileA));
          expect(backward).toBe(flipped[forward as keyof typeof flipped]);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
