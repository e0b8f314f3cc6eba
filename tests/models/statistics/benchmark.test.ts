import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModelInputError } from "../../../models/errors.ts";
import { benchmark, type Polarity, rankWithinPeers } from "../../../models/statistics/index.ts";

const area = { value: 12, lower95: 10.5, upper95: 13.6, lower998: 9.6, upper998: 14.8 };

describe("benchmark", () => {
  it("compares on the 95% interval with three levels", () => {
    expect(benchmark(area, 9.8, "low-is-good")).toBe("worse");
    expect(benchmark(area, 9.8, "high-is-good")).toBe("better");
    expect(benchmark(area, 14, "high-is-good")).toBe("worse");
    expect(benchmark(area, 14, "low-is-good")).toBe("better");
    expect(benchmark(area, 11, "high-is-good")).toBe("similar");
  });

  it("treats the limits as inside the interval (comparator equal to a limit → similar)", () => {
    expect(benchmark(area, 10.5, "high-is-good")).toBe("similar");
    expect(benchmark(area, 13.6, "low-is-good")).toBe("similar");
  });

  it("adds best/worst beyond the 99.8% interval with five levels", () => {
    expect(benchmark(area, 9, "high-is-good", { levels: 5 })).toBe("best");
    expect(benchmark(area, 9, "low-is-good", { levels: 5 })).toBe("worst");
    expect(benchmark(area, 10, "high-is-good", { levels: 5 })).toBe("better");
    expect(benchmark(area, 14, "high-is-good", { levels: 5 })).toBe("worse");
    expect(benchmark(area, 15, "high-is-good", { levels: 5 })).toBe("worst");
    expect(benchmark(area, 12.5, "high-is-good", { levels: 5 })).toBe("similar");
  });

  it("keeps the 95% grade when five levels are asked for but the 99.8% limits are missing", () => {
    expect(benchmark({ value: 12, lower95: 10.5, upper95: 13.6 }, 9, "high-is-good", { levels: 5 })).toBe(
      "better",
    );
  });

  it("gives lower/similar/higher without polarity at either level", () => {
    expect(benchmark(area, 9, "none")).toBe("higher");
    expect(benchmark(area, 9, "none", { levels: 5 })).toBe("higher");
    expect(benchmark(area, 15, "none", { levels: 5 })).toBe("lower");
    expect(benchmark(area, 12, "none")).toBe("similar");
  });

  it("returns 'not compared' when the value, an interval limit or the comparator is missing", () => {
    expect(benchmark({ ...area, value: null }, 9, "high-is-good")).toBe("not compared");
    expect(benchmark({ ...area, lower95: null }, 9, "high-is-good")).toBe("not compared");
    expect(benchmark({ ...area, upper95: Number.NaN }, 9, "high-is-good")).toBe("not compared");
    expect(benchmark(area, null, "high-is-good")).toBe("not compared");
    expect(benchmark(area, undefined, "high-is-good")).toBe("not compared");
  });

  it("rejects an unknown polarity or number of levels", () => {
    expect(() => benchmark(area, 9, "up" as Polarity)).toThrow(ModelInputError);
    expect(() => benchmark(area, 9, "none", { levels: 4 as 3 })).toThrow(/levels/);
  });

  it("swaps better and worse when the polarity is reversed (property)", () => {
    const swap: Record<string, string> = { better: "worse", worse: "better", best: "worst", worst: "best" };
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: -60, max: 60, noNaN: true }),
        (value, halfWidth, comparator) => {
          const interval = {
            value,
            lower95: value - halfWidth,
            upper95: value + halfWidth,
            lower998: value - 1.6 * halfWidth,
            upper998: value + 1.6 * halfWidth,
          };
          const high = benchmark(interval, comparator, "high-is-good", { levels: 5 });
          const low = benchmark(interval, comparator, "low-is-good", { levels: 5 });
          expect(low).toBe(swap[high] ?? high);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("rankWithinPeers", () => {
  const areas = [
    { code: "A", value: 5 },
    { code: "B", value: 9 },
    { code: "C", value: null },
    { code: "D", value: 7 },
    { code: "E", value: 7 },
  ];

  it("ranks the lowest first when low is good, with ties sharing the smaller rank", () => {
    const ranks = rankWithinPeers(areas, "low-is-good");
    expect(ranks.map((r) => r.rank)).toEqual([1, 4, null, 2, 2]);
    expect(ranks.map((r) => r.tied)).toEqual([false, false, false, true, true]);
    expect(ranks.every((r) => r.of === 4)).toBe(true);
  });

  it("ranks the highest first when high is good or there is no polarity", () => {
    expect(rankWithinPeers(areas, "high-is-good").map((r) => r.rank)).toEqual([4, 1, null, 2, 2]);
    expect(rankWithinPeers(areas, "none").map((r) => r.rank)).toEqual([4, 1, null, 2, 2]);
  });

  it("marks areas without data explicitly", () => {
    const [, , noData] = rankWithinPeers(areas, "low-is-good");
    expect(noData).toEqual({ code: "C", value: null, rank: null, of: 4, state: "no data", tied: false });
  });

  it("handles a single area and an empty group", () => {
    expect(rankWithinPeers([{ code: "A", value: 3 }], "high-is-good")[0]).toMatchObject({ rank: 1, of: 1 });
    expect(rankWithinPeers([], "high-is-good")).toEqual([]);
  });

  it("gives ranks that do not depend on the input order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 20 })), { maxLength: 30 }), (values) => {
        const peers = values.map((value, i) => ({ code: `A${i}`, value }));
        const byCode = (list: ReturnType<typeof rankWithinPeers>) =>
          Object.fromEntries(list.map((r) => [r.code, r.rank]));
        const reversed = rankWithinPeers([...peers].reverse(), "low-is-good");
        expect(byCode(reversed)).toEqual(byCode(rankWithinPeers(peers, "low-is-good")));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
