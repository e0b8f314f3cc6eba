import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BenchmarkResult } from "../../../models/statistics/benchmark.ts";
import {
  type ExceptionCandidate,
  type ForecastStatus,
  selectExceptions,
} from "../../../models/targets/index.ts";

describe("selectExceptions", () => {
  it("keeps red and amber items and 'worse and getting worse' items, dropping the rest (doc example)", () => {
    const result = selectExceptions([
      { status: "on track" },
      { status: "at risk" },
      { status: "on track", benchmark: "worse", improving: false },
      { benchmark: "worse", improving: true },
    ]);
    expect(result).toEqual([
      { item: { status: "at risk" }, rag: "amber", reasons: ["at risk"] },
      {
        item: { status: "on track", benchmark: "worse", improving: false },
        rag: null,
        reasons: ["significantly worse than the comparator and getting worse"],
      },
    ]);
  });

  it("orders red, then amber, then benchmark-only, keeping input order within each, with every reason", () => {
    const items = [
      { id: 1, benchmark: "worst" as const, improving: false },
      { id: 2, status: "at risk" as const },
      { id: 3, status: "off track" as const, benchmark: "worse" as const, improving: false },
      { id: 4, status: "off track" as const },
    ];
    const result = selectExceptions(items);
    expect(result.map((entry) => entry.item.id)).toEqual([3, 4, 2, 1]);
    expect(result[0]!.reasons).toEqual([
      "off track",
      "significantly worse than the comparator and getting worse",
    ]);
    expect(result[0]!.item).toBe(items[2]);
  });

  it("reads a trend direction with polarity when no improving flag is given", () => {
    const pick = (item: ExceptionCandidate) => selectExceptions([item]).length;
    expect(pick({ benchmark: "worse", trendDirection: "decreasing", polarity: "high-is-good" })).toBe(1);
    expect(pick({ benchmark: "worse", trendDirection: "increasing", polarity: "low-is-good" })).toBe(1);
    expect(pick({ benchmark: "worse", trendDirection: "increasing", polarity: "high-is-good" })).toBe(0);
    expect(
      pick({ benchmark: "worse", trendDirection: "no significant change", polarity: "low-is-good" }),
    ).toBe(0);
    expect(pick({ benchmark: "worse", trendDirection: "increasing", polarity: "none" })).toBe(0);
    expect(pick({ benchmark: "similar", trendDirection: "decreasing", polarity: "high-is-good" })).toBe(0);
    expect(pick({ status: "cannot be calculated", benchmark: "better", improving: false })).toBe(0);
  });

  it("rejects an improving flag that contradicts the trend direction and polarity", () => {
    expect(() =>
      selectExceptions([
        { benchmark: "worse", improving: true, trendDirection: "decreasing", polarity: "high-is-good" },
      ]),
    ).toThrow(/item 0 says improving=true but its trend is decreasing with polarity high-is-good/);
  });

  it("property: keeps exactly the items that qualify, each with at least one reason, in severity order", () => {
    const statuses: (ForecastStatus | null)[] = [
      "on track",
      "at risk",
      "off track",
      "cannot be calculated",
      null,
    ];
    const benchmarks: (BenchmarkResult | null)[] = [
      "better",
      "similar",
      "worse",
      "best",
      "worst",
      "not compared",
      null,
    ];
    const item = fc.record({
      status: fc.constantFrom(...statuses),
      benchmark: fc.constantFrom(...benchmarks),
      improving: fc.constantFrom(true, false, null),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const result = selectExceptions(items);
        const qualifies = (i: (typeof items)[number]) =>
          i.status === "off track" ||
          i.status === "at risk" ||
          ((i.benchmark === "worse" || i.benchmark === "worst") && i.improving === false);
        expect(result.length).toBe(items.filter(qualifies).length);
        const rank = { red: 0, amber: 1 };
        result.forEach((entry, i) => {
          expect(qualifies(entry.item)).toBe(true);
          expect(entry.reasons.length).toBeGreaterThan(0);
          if (i > 0) {
            const before = result[i - 1]!;
            const order = (e: typeof entry) => (e.rag ? rank[e.rag] : 2);
            expect(order(before)).toBeLessThanOrEqual(order(entry));
            if (order(before) === order(entry)) {
              expect(items.indexOf(before.item)).toBeLessThan(items.indexOf(entry.item));
            }
          }
        });
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
