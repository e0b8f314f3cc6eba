import { describe, expect, it } from "vitest";
import { ModelInputError } from "../../../models/errors.ts";
import { seededRandom } from "../../../models/random.ts";
import {
  type InequalityGroup,
  type SlopeIndexOptions,
  slopeIndexOfInequality,
  slopeIndexOfInequalityBatch,
} from "../../../models/statistics/index.ts";
import { slopeIndexInParallel } from "../../../pipelines/derive/national/sii-parallel.ts";

const FIELDS = ["sii", "rii", "intercept", "lowerSii", "upperSii", "lowerRii", "upperRii"] as const;

/** Random sets of groups (seeded): 2–12 groups, values on the scale of the value type, limits around them. */
function randomSets(
  seed: number,
  count: number,
  valueType: SlopeIndexOptions["valueType"],
): InequalityGroup[][] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, j) => {
    const groups = j % 3 === 0 ? 10 : 2 + Math.floor(random.uniform() * 11);
    return Array.from({ length: groups }, (_, i) => {
      const base = valueType === "proportion" ? 0.05 + 0.6 * random.uniform() : 5 + 50 * random.uniform() + i;
      const spread = base * (0.02 + 0.1 * random.uniform());
      return {
        population: 100 + Math.floor(random.uniform() * 5000),
        value: base,
        lower: base - spread,
        upper: base + spread,
      };
    });
  });
}

function asColumns(sets: InequalityGroup[][]) {
  const rows = sets.flat();
  const offsets = [0];
  for (const set of sets) offsets.push(offsets.at(-1)! + set.length);
  const column = (f: (g: InequalityGroup) => number | null | undefined) =>
    Float64Array.from(rows, (g) => f(g) ?? Number.NaN);
  return {
    offsets,
    population: column((g) => g.population),
    value: column((g) => g.value),
    lower: column((g) => g.lower),
    upper: column((g) => g.upper),
  };
}

function expectSameAsModel(
  sets: InequalityGroup[][],
  options: SlopeIndexOptions,
  batch: ReturnType<typeof slopeIndexOfInequalityBatch>,
) {
  sets.forEach((groups, j) => {
    const model = slopeIndexOfInequality(groups, options);
    for (const field of FIELDS)
      expect(batch[field][j], `${field} of set ${j}`).toBe(model[field] ?? Number.NaN);
    expect(batch.reason[j]).toBe(model.reason ?? null);
    expect(batch.intervalReason[j]).toBe(model.intervalReason ?? null);
  });
  expect([batch.seed, batch.simulations]).toEqual([options.seed, options.simulations]);
}

describe("slopeIndexOfInequalityBatch", () => {
  for (const valueType of ["proportion", "rate", "other"] as const) {
    it(`gives the model's numbers bit for bit (same seed, same draws): ${valueType}`, () => {
      const sets = randomSets(7, 24, valueType);
      const options = {
        valueType,
        simulations: 1000,
        seed: 2019,
        multiplier: valueType === "proportion" ? 100 : 1,
      };
      expectSameAsModel(sets, options, slopeIndexOfInequalityBatch(asColumns(sets), options));
    });
  }

  it("passes on the model's reasons for sets it cannot use, and never stops the batch", () => {
    const sets: InequalityGroup[][] = [
      [{ population: 100, value: 0.2, lower: 0.1, upper: 0.3 }],
      [
        { population: 100, value: null },
        { population: 100, value: 0.2, lower: 0.1, upper: 0.3 },
      ],
      [
        { population: 100, value: 0.2 },
        { population: 100, value: 0.3 },
      ],
      [
        { population: 100, value: 0, lower: 0, upper: 0.1 },
        { population: 100, value: 0.3, lower: 0.2, upper: 0.4 },
      ],
      ...randomSets(3, 2, "proportion"),
    ];
    const options = { valueType: "proportion" as const, simulations: 1000, seed: 11 };
    const batch = slopeIndexOfInequalityBatch(asColumns(sets), options);
    expectSameAsModel(sets, options, batch);
    const invalid = slopeIndexOfInequalityBatch(
      asColumns([
        [
          { population: 1, value: 1.5 },
          { population: 1, value: 0.2 },
        ],
      ]),
      options,
    );
    expect(invalid.reason[0]).toMatch(/outside 0..1/);
  });

  it("validates options as the model does", () => {
    const columns = asColumns(randomSets(1, 1, "other"));
    expect(() => slopeIndexOfInequalityBatch(columns, { valueType: "other", simulations: 10 })).toThrow(
      ModelInputError,
    );
    expect(() =>
      slopeIndexOfInequalityBatch({ ...columns, offsets: [0, 99] }, { valueType: "other" }),
    ).toThrow(/offsets/);
  });

  it("gives the same results on worker threads as in one thread", async () => {
    const sets = randomSets(5, 12, "proportion");
    const options = { valueType: "proportion" as const, simulations: 1000, seed: 2019 };
    const single = slopeIndexOfInequalityBatch(asColumns(sets), options);
    const parallel = await slopeIndexInParallel(asColumns(sets), options, 2);
    for (const field of FIELDS) expect(Array.from(parallel[field])).toEqual(Array.from(single[field]));
    expect(parallel.reason).toEqual(single.reason);
  });
});
