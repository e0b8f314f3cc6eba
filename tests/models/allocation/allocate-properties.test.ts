import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AllocationRule, allocate, type Recipient } from "../../../models/allocation/index.ts";
import { ModelInputError } from "../../../models/errors.ts";
import { totalPence } from "./fixtures.ts";

const settings = { seed: 42, numRuns: 200 };
const units = [0.01, 1, 100, 1000];

/** 2–23 recipients with made-up populations and need; codes unique. */
const recipientsArbitrary = fc.integer({ min: 2, max: 23 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 0.5, max: 80, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 0.6, max: 1.4, noNaN: true }), { minLength: n, maxLength: n }),
    )
    .map(([populations, rates, scores, costs]) =>
      populations.map(
        (population, i): Recipient => ({
          code: `R${String(i).padStart(2, "0")}`,
          name: `Recipient ${i}`,
          population,
          deprivedPopulation: Math.max(1, Math.round(population * rates[i]!)),
          need: { score: scores[i]!, rate: rates[i]! + 0.01 },
          cost: costs[i]!,
        }),
      ),
    ),
);

/** A pot of whole rounding units (1–1,000,000 units) and the unit. */
const potArbitrary = fc
  .tuple(fc.constantFrom(...units), fc.integer({ min: 1, max: 1_000_000 }))
  .map(([unit, count]) => ({ unit, pot: Math.round(unit * count * 100) / 100 }));

function roundDownToUnit(pounds: number, unit: number): number {
  const unitPence = Math.round(unit * 100);
  return (Math.floor((pounds * 100) / unitPence) * unitPence) / 100;
}

/** A rule of any kind that fits the recipients and pot (floors affordable, baselines given). */
function ruleFor(
  kind: AllocationRule["kind"],
  n: number,
  pot: number,
  unit: number,
  fraction: number,
): AllocationRule {
  const measures = [
    { measure: "score", weight: 2 },
    { measure: "deprivedPopulation", weight: 1 },
  ];
  switch (kind) {
    case "need-weighted-with-floors":
      return { kind, measures, roundingUnit: unit, floor: roundDownToUnit((pot * fraction) / n, unit) };
    case "pace-of-change":
      return { kind, measures, roundingUnit: unit, minimumGrowth: 0.02, targetTolerance: fraction / 4 };
    case "need-weighted":
      return { kind, measures, roundingUnit: unit };
    default:
      return { kind: kind as "equal" | "per-head", roundingUnit: unit };
  }
}

/** Baselines that leave room for 2% growth: shares of 0.9 × pot / 1.02. */
function withBaselines(recipients: Recipient[], pot: number, shares: number[]): Recipient[] {
  const total = shares.reduce((sum, share) => sum + share, 0);
  return recipients.map((r, i) => ({
    ...r,
    baseline: Math.floor(((0.9 * pot) / 1.02) * (shares[i]! / total)),
  }));
}

const kindArbitrary = fc.constantFrom(
  "equal" as const,
  "per-head" as const,
  "need-weighted" as const,
  "need-weighted-with-floors" as const,
  "pace-of-change" as const,
);
const caseArbitrary = fc.record({
  recipients: recipientsArbitrary,
  pot: potArbitrary,
  kind: kindArbitrary,
  fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  baselineShares: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 23, maxLength: 23 }),
});

interface CaseInput {
  recipients: Recipient[];
  pot: { unit: number; pot: number };
  kind: AllocationRule["kind"];
  fraction: number;
  baselineShares: number[];
}

function setUp({ recipients, pot, kind, fraction, baselineShares }: CaseInput) {
  const rule = ruleFor(kind, recipients.length, pot.pot, pot.unit, fraction);
  const given = kind === "pace-of-change" ? withBaselines(recipients, pot.pot, baselineShares) : recipients;
  return { rule, recipients: given, pot: pot.pot, unit: pot.unit };
}

describe("allocate: properties (fast-check, seed 42)", () => {
  it("totals are exact to the penny, amounts are non-negative multiples of the unit", () => {
    fc.assert(
      fc.property(caseArbitrary, (input) => {
        const { rule, recipients, pot, unit } = setUp(input);
        const { rows } = allocate(pot, recipients, rule);
        expect(rows).toHaveLength(recipients.length);
        expect(totalPence(rows)).toBe(Math.round(pot * 100));
        for (const row of rows) {
          expect(row.amount).toBeGreaterThanOrEqual(0);
          expect(Math.round(row.amount * 100) % Math.round(unit * 100)).toBe(0);
        }
      }),
      settings,
    );
  });

  it("results do not depend on the order of the recipients", () => {
    fc.assert(
      fc.property(caseArbitrary, fc.integer(), (input, shuffleSeed) => {
        const { rule, recipients, pot } = setUp(input);
        const shuffled = fc.sample(fc.shuffledSubarray(recipients, { minLength: recipients.length }), {
          seed: shuffleSeed,
          numRuns: 1,
        })[0]!;
        const sortByCode = (rows: { code: string }[]) => [...rows].sort((a, b) => (a.code < b.code ? -1 : 1));
        expect(sortByCode(allocate(pot, shuffled, rule).rows)).toEqual(
          sortByCode(allocate(pot, recipients, rule).rows),
        );
      }),
      settings,
    );
  });

  it("floors and ceilings are respected", () => {
    fc.assert(
      fc.property(caseArbitrary, fc.double({ min: 1.05, max: 3, noNaN: true }), (input, ceilingMultiple) => {
        const { recipients, pot, unit } = setUp({ ...input, kind: "need-weighted" });
        const n = recipients.length;
        const floor = roundDownToUnit((pot * input.fraction) / n, unit);
        const ceiling =
          (Math.round(roundDownToUnit((pot * ceilingMultiple) / n, unit) * 100) + Math.round(unit * 100)) /
          100;
        const rule: AllocationRule = {
          kind: "need-weighted-with-floors",
          measures: [{ measure: "score" }],
          floor,
          ceiling,
          roundingUnit: unit,
        };
        try {
          const { rows } = allocate(pot, recipients, rule);
          for (const row of rows) {
            expect(row.amount).toBeGreaterThanOrEqual(floor);
            expect(row.amount).toBeLessThanOrEqual(ceiling);
          }
        } catch (error) {
          // Ceilings can be genuinely too low when many recipients sit on a floor; that is the only error allowed.
          expect(error).toBeInstanceOf(ModelInputError);
          expect(String(error)).toMatch(/ceilings are too low/);
        }
      }),
      settings,
    );
  });

  it("a recipient's amount never falls when only its need rises", () => {
    const monotoneKinds = fc.constantFrom(
      "need-weighted" as const,
      "need-weighted-with-floors" as const,
      "pace-of-change" as const,
    );
    fc.assert(
      fc.property(
        caseArbitrary,
        monotoneKinds,
        fc.nat(),
        fc.double({ min: 1.01, max: 4, noNaN: true }),
        (input, kind, pick, rise) => {
          const { rule, recipients, pot } = setUp({ ...input, kind });
          const index = pick % recipients.length;
          const needier = recipients.map((r, i) =>
            i === index ? { ...r, need: { ...r.need, score: r.need!.score! * rise } } : r,
          );
          const before = allocate(pot, recipients, rule).rows[index]!.amount;
          const after = allocate(pot, needier, rule).rows[index]!.amount;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      settings,
    );
  });

  it("an unaffordable floor always gives the named error with the shortfall", () => {
    fc.assert(
      fc.property(
        recipientsArbitrary,
        fc.integer({ min: 1, max: 10_000_000 }),
        (recipients, shortfallPence) => {
          const pot = 100_000;
          const floor = Math.ceil((pot * 100 + shortfallPence) / recipients.length) / 100;
          const shortfall = Math.round(floor * 100) * recipients.length - pot * 100;
          const rule: AllocationRule = {
            kind: "need-weighted-with-floors",
            measures: [{ measure: "score" }],
            floor,
          };
          expect(() => allocate(pot, recipients, rule)).toThrow(/floors are unaffordable/);
          const pounds = (shortfall / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
          expect(() => allocate(pot, recipients, rule)).toThrow(`shortfall of £${pounds}`);
        },
      ),
      settings,
    );
  });
});
