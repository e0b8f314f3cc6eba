import { describe, expect, it } from "vitest";
import { type AllocationRule, allocate } from "../../../models/allocation/index.ts";
import { ModelInputError } from "../../../models/errors.ts";
import { abgSplit2008, amountsByCode, districts, localities, totalPence } from "./fixtures.ts";

const byDeprived: AllocationRule = { kind: "need-weighted", measures: [{ measure: "deprivedPopulation" }] };

describe("allocate: the 2008/09 Area Based Grant split", () => {
  const result = allocate(800_000, districts, { kind: "tiered", amounts: abgSplit2008 });

  it("reproduces the directed split exactly, one row per recipient in the order given", () => {
    expect(result.rows.map((row) => row.code)).toEqual(districts.map((d) => d.code));
    expect(amountsByCode(result.rows)).toEqual(abgSplit2008);
    expect(result.total).toBe(800_000);
    expect(result.roundingUnit).toBe(0.01);
  });

  it("has exactly the contract's fields", () => {
    expect(Object.keys(result.rows[0]!).sort()).toEqual(
      [
        "code",
        "name",
        "amount",
        "share",
        "perHead",
        "perDeprivedPerson",
        "targetAmount",
        "distanceFromTarget",
        "changeFromBaseline",
      ].sort(),
    );
  });

  it("measures each district against the default reference need (deprived population)", () => {
    const nuneaton = result.rows.find((row) => row.code === "E07000219")!;
    // Target 800,000 × 24,000/60,000 = 320,000; distance (400,000 − 320,000)/320,000 = 0.25.
    expect(nuneaton.targetAmount).toBe(320_000);
    expect(nuneaton.distanceFromTarget).toBeCloseTo(0.25, 12);
    expect(nuneaton.share).toBe(0.5);
    expect(nuneaton.perHead).toBeCloseTo(400_000 / 120_000, 12);
    expect(nuneaton.perDeprivedPerson).toBeCloseTo(400_000 / 24_000, 12);
    expect(nuneaton.changeFromBaseline).toBeNull();
    expect(result.notes.join(" ")).toMatch(/default reference need/);
  });

  it("refuses amounts that do not sum to the pot, naming the difference", () => {
    expect(() => allocate(900_000, districts, { kind: "tiered", amounts: abgSplit2008 })).toThrow(
      /sum to £800,000\.00 but the pot is £900,000\.00/,
    );
    const { E07000222: _, ...missingWarwick } = abgSplit2008;
    expect(() => allocate(700_000, districts, { kind: "tiered", amounts: missingWarwick })).toThrow(
      /E07000222/,
    );
  });
});

describe("allocate: need-based scenarios on made-up district data sum to exactly £800,000.00", () => {
  const scenarios: [string, AllocationRule][] = [
    ["equal", { kind: "equal" }],
    ["per head", { kind: "per-head" }],
    ["by income-deprived people", byDeprived],
    ["by extent", { kind: "need-weighted", measures: [{ measure: "extent" }] }],
    ["by population × average IMD score", { kind: "need-weighted", measures: [{ measure: "imdScore" }] }],
    [
      "with a £100,000 floor",
      { kind: "need-weighted-with-floors", measures: [{ measure: "deprivedPopulation" }], floor: 100_000 },
    ],
  ];
  for (const [label, rule] of scenarios) {
    it(`${label}: districts and localities`, () => {
      for (const recipients of [districts, localities]) {
        const floorFits = rule.kind !== "need-weighted-with-floors" || recipients.length * 100_000 <= 800_000;
        if (!floorFits) continue;
        const { rows } = allocate(800_000, recipients, rule);
        expect(totalPence(rows)).toBe(80_000_000);
        expect(rows.every((row) => row.amount >= 0 && Number.isInteger(Math.round(row.amount * 100)))).toBe(
          true,
        );
      }
    });
  }

  it("by income-deprived people: the targets by hand (£13⅓ per deprived person × 10/… )", () => {
    const { rows } = allocate(800_000, districts, byDeprived);
    expect(amountsByCode(rows)).toEqual({
      E07000218: 80_000,
      E07000219: 320_000,
      E07000220: 120_000,
      E07000221: 96_000,
      E07000222: 184_000,
    });
    expect(rows.every((row) => row.distanceFromTarget === 0)).toBe(true);
  });

  it("by population × IMD score: 800,000 × pop·score / 8,010,000, odd pence by largest remainder", () => {
    // Exact pence: 8988764.04, 29962546.82, 13483146.07, 11985018.73, 15580524.34 (sum of floors 79999998):
    // the 2 pence left go to the largest remainders, Nuneaton and Bedworth (.82) and Stratford (.73).
    const { rows } = allocate(800_000, districts, {
      kind: "need-weighted",
      measures: [{ measure: "imdScore" }],
    });
    expect(amountsByCode(rows)).toEqual({
      E07000218: 89_887.64,
      E07000219: 299_625.47,
      E07000220: 134_831.46,
      E07000221: 119_850.19,
      E07000222: 155_805.24,
    });
  });

  it("by extent: a district with no extent gets £0, never a negative amount", () => {
    const { rows } = allocate(800_000, districts, {
      kind: "need-weighted",
      measures: [{ measure: "extent" }],
    });
    expect(amountsByCode(rows)).toEqual({
      E07000218: 65_395.1,
      E07000219: 523_160.76,
      E07000220: 98_092.64,
      E07000221: 0,
      E07000222: 113_351.5,
    });
  });

  it("blends measures by their shares: weights 1:1 of deprived people and population give the mean of the two splits", () => {
    const rule: AllocationRule = {
      kind: "need-weighted",
      measures: [
        { measure: "deprivedPopulation", weight: 1 },
        { measure: "population", weight: 1 },
      ],
    };
    const { rows } = allocate(800_000, districts, rule);
    // North Warwickshire: (80,000 + 800,000 × 60/520) / 2 = (80,000 + 92,307.69…) / 2 = 86,153.85.
    expect(rows[0]!.amount).toBeCloseTo(86_153.85, 2);
    expect(totalPence(rows)).toBe(80_000_000);
  });

  it("applies the cost adjustment: doubling one recipient's cost doubles its weight", () => {
    const costly = districts.map((d) => (d.code === "E07000218" ? { ...d, cost: 2 } : d));
    const { rows } = allocate(800_000, costly, byDeprived);
    // Weights 12,000 · 24,000 · 9,000 · 7,200 · 13,800 (Σ 66,000). Exact pence 14545454.55, 29090909.09,
    // 10909090.91, 8727272.73, 16727272.73: the 3 pence left after the whole pence go to the largest
    // remainders .91, .73, .73 — so North Warwickshire stays at .54 although it would round to .55 alone.
    expect(amountsByCode(rows)).toEqual({
      E07000218: 145_454.54,
      E07000219: 290_909.09,
      E07000220: 109_090.91,
      E07000221: 87_272.73,
      E07000222: 167_272.73,
    });
  });
});

describe("allocate: equal and per-head splits and rounding", () => {
  const three = [
    { code: "C", name: "c", population: 100 },
    { code: "A", name: "a", population: 100 },
    { code: "B", name: "b", population: 100 },
  ];

  it("gives the odd penny of £100 / 3 to the first code, whatever the order", () => {
    const { rows, notes } = allocate(100, three, { kind: "equal" });
    expect(amountsByCode(rows)).toEqual({ A: 33.34, B: 33.33, C: 33.33 });
    expect(rows.map((row) => row.code)).toEqual(["C", "A", "B"]);
    expect(rows.every((row) => row.targetAmount === null && row.distanceFromTarget === null)).toBe(true);
    expect(notes.join(" ")).toMatch(/no targets/);
  });

  it("rounds to £1,000 by largest remainder: 800,000 / 3 → 267k, 267k, 266k", () => {
    const { rows } = allocate(800_000, three, { kind: "equal", roundingUnit: 1000 });
    expect(amountsByCode(rows)).toEqual({ A: 267_000, B: 267_000, C: 266_000 });
  });

  it("shares the pence of a pot that is not a multiple of the unit by largest remainder in pence", () => {
    // 1,000.05 / 2 = 500.025 each: 500 whole pounds each, then 5 pence: 2.5 each → 3 to A (tie), 2 to B.
    const two = three.slice(1);
    const { rows, notes } = allocate(1000.05, two, { kind: "equal", roundingUnit: 1 });
    expect(amountsByCode(rows)).toEqual({ A: 500.03, B: 500.02 });
    expect(notes.join(" ")).toMatch(/not a multiple of £1\.00/);
  });

  it("splits per head", () => {
    const { rows } = allocate(800_000, districts, { kind: "per-head", roundingUnit: 1 });
    // 800,000 × 60,000/520,000 = 92,307.69 → 92,308 after largest remainder of whole pounds.
    expect(rows[0]!.amount).toBe(92_308);
    expect(totalPence(rows)).toBe(80_000_000);
  });

  it("reports change from baseline and null £ per deprived person when there are no deprived people", () => {
    const withBaseline = [
      { code: "A", name: "a", population: 100, baseline: 40, deprivedPopulation: 0 },
      { code: "B", name: "b", population: 300, baseline: 60.5, deprivedPopulation: 10 },
    ];
    const { rows } = allocate(100, withBaseline, { kind: "per-head" });
    expect(rows[0]).toMatchObject({
      amount: 25,
      changeFromBaseline: -15,
      perDeprivedPerson: null,
      targetAmount: 0,
    });
    expect(rows[0]!.distanceFromTarget).toBeNull();
    expect(rows[1]).toMatchObject({
      amount: 75,
      changeFromBaseline: 14.5,
      perDeprivedPerson: 7.5,
      targetAmount: 100,
    });
  });
});

describe("allocate: input errors", () => {
  const cases: [string, () => unknown, RegExp][] = [
    ["no recipients", () => allocate(100, [], { kind: "equal" }), /at least one recipient/],
    [
      "duplicate codes",
      () => allocate(100, [districts[0]!, districts[0]!], { kind: "equal" }),
      /appears twice/,
    ],
    [
      "zero population",
      () => allocate(100, [{ code: "A", name: "a", population: 0 }], { kind: "equal" }),
      /population > 0/,
    ],
    ["negative pot", () => allocate(-1, districts, { kind: "equal" }), /pot must be a finite amount/],
    ["zero pot", () => allocate(0, districts, { kind: "equal" }), /more than £0/],
    ["sub-penny pot", () => allocate(1.001, districts, { kind: "equal" }), /whole pence/],
    [
      "unknown rule",
      () => allocate(100, districts, { kind: "lottery" } as never),
      /unknown rule kind "lottery"/,
    ],
    [
      "missing need value",
      () => allocate(100, districts, { kind: "need-weighted", measures: [{ measure: "obesity" }] }),
      /"obesity"/,
    ],
    [
      "negative weight",
      () =>
        allocate(100, districts, { kind: "need-weighted", measures: [{ measure: "extent", weight: -1 }] }),
      /weight -1/,
    ],
    [
      "count as per-head",
      () =>
        allocate(100, districts, {
          kind: "need-weighted",
          measures: [{ measure: "population", basis: "per-head" }],
        }),
      /is a count/,
    ],
    [
      "floor not a multiple of the unit",
      () =>
        allocate(800_000, districts, {
          kind: "need-weighted-with-floors",
          measures: [{ measure: "extent" }],
          floor: 100_500,
          roundingUnit: 1000,
        }),
      /not a multiple of the rounding unit £1,000\.00/,
    ],
    [
      "explicit reference need missing",
      () =>
        allocate(100, [{ code: "A", name: "a", population: 1 }], {
          kind: "equal",
          referenceNeed: [{ measure: "deprivedPopulation" }],
        }),
      /no deprivedPopulation/,
    ],
  ];
  for (const [label, call, message] of cases) {
    it(label, () => {
      expect(call).toThrow(ModelInputError);
      expect(call).toThrow(message);
    });
  }
});
