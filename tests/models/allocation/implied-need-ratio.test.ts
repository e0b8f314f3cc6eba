import { describe, expect, it } from "vitest";
import { allocate, impliedNeedRatio } from "../../../models/allocation/index.ts";
import { ModelInputError } from "../../../models/errors.ts";
import { abgSplit2008, districts } from "./fixtures.ts";

describe("impliedNeedRatio: the 2008/09 split on made-up district data", () => {
  const split = allocate(800_000, districts, { kind: "tiered", amounts: abgSplit2008 });
  const result = impliedNeedRatio(split, districts);
  const nuneaton = result.rows.find((row) => row.code === "E07000219")!;

  it("says the split assumes 3⅓ times the need per head of the other districts", () => {
    // £400,000 / 120,000 people = £3.33 per head; the others £400,000 / 400,000 = £1 per head.
    expect(nuneaton.impliedVersusOthers).toBeCloseTo(10 / 3, 12);
    // Income-deprived: 24,000/120,000 = 0.2 against 36,000/400,000 = 0.09 → 2.22.
    expect(nuneaton.actualVersusOthers).toBeCloseTo(20 / 9, 12);
  });

  it("gives indices relative to the county", () => {
    // County: £800,000 / 520,000 people; need 60,000/520,000. Implied (10/3)·(520/800) = 13/6;
    // actual 0.2 · 520/60 = 26/15; ratio 1.25 = 400,000/320,000 (amount over need-weighted target).
    expect(nuneaton.impliedNeedIndex).toBeCloseTo(13 / 6, 12);
    expect(nuneaton.actualNeedIndex).toBeCloseTo(26 / 15, 12);
    expect(nuneaton.impliedOverActual).toBeCloseTo(1.25, 12);
    expect(nuneaton.perHead).toBeCloseTo(10 / 3, 12);
    expect(result.rows.map((row) => row.code)).toEqual(districts.map((d) => d.code));
  });

  it("accepts plain amounts, other need measures and the unweighted mean as reference", () => {
    const amounts = Object.entries(abgSplit2008).map(([code, amount]) => ({ code, amount }));
    const byScore = impliedNeedRatio(amounts, districts, {
      need: [{ measure: "imdScore" }],
      reference: "recipient-mean",
    });
    const warwick = byScore.rows.find((row) => row.code === "E07000222")!;
    // £ per head: 5/3, 10/3, 10/9, 5/6, 10/13; mean 1.54131…; Warwick (10/13)/mean.
    const perHead = [5 / 3, 10 / 3, 10 / 9, 5 / 6, 10 / 13];
    const mean = perHead.reduce((a, b) => a + b) / 5;
    expect(warwick.impliedNeedIndex).toBeCloseTo(10 / 13 / mean, 12);
    // Scores 15, 25, 15, 10, 12: mean 15.4, Warwick 12/15.4.
    expect(warwick.actualNeedIndex).toBeCloseTo(12 / 15.4, 12);
  });

  it("refuses mismatched amounts", () => {
    expect(() => impliedNeedRatio([{ code: "E07000218", amount: 1 }], districts)).toThrow(ModelInputError);
    const wrongCode = districts.map((d, i) => ({ code: i === 0 ? "X" : d.code, amount: 1 }));
    expect(() => impliedNeedRatio(wrongCode, districts)).toThrow(/E07000218/);
    expect(() =>
      impliedNeedRatio(
        districts.map((d) => ({ code: d.code, amount: 0 })),
        districts,
      ),
    ).toThrow(/all £0/);
  });
});
