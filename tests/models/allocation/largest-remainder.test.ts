import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundByLargestRemainder } from "../../../models/allocation/index.ts";

describe("roundByLargestRemainder", () => {
  it("gives the leftover unit to the largest remainder (doc example)", () => {
    expect(
      Array.from(roundByLargestRemainder(Float64Array.of(3333.33, 3333.33, 3333.34), 10_000, 1000)),
    ).toEqual([3000, 3000, 4000]);
  });

  it("breaks ties in favour of the earlier recipient", () => {
    expect(
      Array.from(
        roundByLargestRemainder(
          Float64Array.of(1, 1, 1).map((x) => x * (100 / 3)),
          100,
          1,
        ),
      ),
    ).toEqual([34, 33, 33]);
  });

  it("keeps whole amounts unchanged despite floating-point noise", () => {
    const exact = Float64Array.of(10_000_000 + 1e-8, 40_000_000 - 1e-8, 30_000_000);
    expect(Array.from(roundByLargestRemainder(exact, 80_000_000, 100_000))).toEqual([
      10_000_000, 40_000_000, 30_000_000,
    ]);
  });

  it("shares pence left below one unit in proportion to what each still lacks", () => {
    // Pot 10,050 pence, unit 1,000: quotas 2.5125 · 7.5375 units → 2 + 7, and the 10th unit to the larger
    // remainder (.5375): 2,000 · 8,000. Then the 50 pence all go to the first, which still lacks 512.5
    // (the second is already 462.5 over its exact amount).
    expect(Array.from(roundByLargestRemainder(Float64Array.of(2512.5, 7537.5), 10_050, 1000))).toEqual([
      2050, 8000,
    ]);
  });

  it("sums to the pot and stays within one unit of each exact amount (fast-check, seed 42)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.constantFrom(1, 100, 1000, 100_000),
        (weights, potPence, unitPence) => {
          const total = weights.reduce((sum, w) => sum + w, 0);
          fc.pre(total > 0);
          const exact = Float64Array.from(weights, (w) => (potPence * w) / total);
          const rounded = roundByLargestRemainder(exact, potPence, unitPence);
          expect(rounded.reduce((sum, x) => sum + x, 0)).toBe(potPence);
          rounded.forEach((amount, i) => {
            expect(Number.isInteger(amount)).toBe(true);
            expect(amount).toBeGreaterThanOrEqual(0);
            expect(Math.abs(amount - exact[i]!)).toBeLessThan(unitPence + 1e-6);
          });
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
