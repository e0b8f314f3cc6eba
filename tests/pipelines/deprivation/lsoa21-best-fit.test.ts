/**
 * The 2021 → 2011 LSOA best fit on tiny polygons: containment of the representative point, a U-shaped
 * LSOA whose centroid lies in its neighbour, the nearest-LSOA fallback, holes, and the derive step's
 * area links.
 */
import { afterEach, describe, expect, it } from "vitest";
import { matchLsoa21ToLsoa11 } from "../../../pipelines/derive/deprivation/lsoa21-best-fit.ts";
import { lsoa21BestFitStep } from "../../../pipelines/derive/deprivation/lsoa21-best-fit-step.ts";
import {
  areaCentroid,
  containsPoint,
  type MultiPolygon,
  type Point,
  parsePolygons,
  representativePoint,
} from "../../../pipelines/derive/deprivation/polygon-geometry.ts";
import { silentReporter } from "../../../pipelines/util/reporter.ts";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { insertLink, openFixtureWarehouse } from "./fixture-warehouse.ts";

const square = (x0: number, y0: number, x1: number, y1: number): Point[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

/** A U: the unit square without the notch 0.2–0.8 × 0.2–1; its area centroid (0.5, 0.4077) is in the notch. */
const U_SHAPE: MultiPolygon = [
  [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0.8, 1],
      [0.8, 0.2],
      [0.2, 0.2],
      [0.2, 1],
      [0, 1],
      [0, 0],
    ],
  ],
];
const NOTCH: MultiPolygon = [[square(0.2, 0.2, 0.8, 1)]];

describe("polygon geometry", () => {
  it("finds the area centroid, and a point inside when the centroid falls outside", () => {
    const [x, y] = areaCentroid(U_SHAPE);
    expect(x).toBeCloseTo(0.5, 12);
    expect(y).toBeCloseTo((0.5 - 0.6 * 0.48) / 0.52, 12);
    expect(containsPoint(U_SHAPE, [x, y])).toBe(false);
    const point = representativePoint(U_SHAPE);
    expect(containsPoint(U_SHAPE, point)).toBe(true);
    expect(representativePoint([[square(0, 0, 2, 1)]])).toEqual([1, 0.5]);
  });

  it("excludes holes and reads Polygon and MultiPolygon GeoJSON", () => {
    const withHole: MultiPolygon = [[square(0, 0, 4, 4), square(1, 1, 3, 3).reverse()]];
    expect(containsPoint(withHole, [2, 2])).toBe(false);
    expect(containsPoint(withHole, [0.5, 2])).toBe(true);
    const [cx, cy] = areaCentroid(withHole);
    expect([cx, cy].map((value) => Number(value.toFixed(12)))).toEqual([2, 2]);
    const multi = parsePolygons(
      JSON.stringify({ type: "MultiPolygon", coordinates: [[square(0, 0, 1, 1)], [square(5, 5, 6, 6)]] }),
      "test",
    );
    expect(containsPoint(multi, [5.5, 5.5])).toBe(true);
    expect(() => parsePolygons('{"type":"Point","coordinates":[0,0]}', "E01000001")).toThrow(
      /E01000001.*Polygon/,
    );
  });
});

describe("matchLsoa21ToLsoa11", () => {
  it("matches by containment of the representative point, not the raw centroid", () => {
    const matches = matchLsoa21ToLsoa11(
      [
        { code: "U21", polygons: U_SHAPE },
        { code: "R21", polygons: [[square(1, 0, 1.5, 1)]] },
      ],
      [
        { code: "N11", polygons: NOTCH },
        { code: "U11", polygons: U_SHAPE },
        { code: "Q11", polygons: [[square(1, 0, 2, 1)]] },
      ],
    );
    expect(matches.map(({ lsoa21, lsoa11, rule }) => [lsoa21, lsoa11, rule])).toEqual([
      ["U21", "U11", "containment"],
      ["R21", "Q11", "containment"],
    ]);
  });

  it("falls back to the nearest 2011 LSOA when no 2011 polygon contains the point", () => {
    const [match] = matchLsoa21ToLsoa11(
      [{ code: "FAR", polygons: [[square(3, 0, 3.2, 0.2)]] }],
      [
        { code: "P11", polygons: [[square(0, 0, 1, 1)]] },
        { code: "Q11", polygons: [[square(1, 0, 2, 1)]] },
      ],
    );
    expect(match).toMatchObject({ lsoa21: "FAR", lsoa11: "Q11", rule: "nearest" });
    expect(match?.distanceKm).toBeGreaterThan(100); // 1.6° of longitude at the equator ≈ 178 km
  });
});

describe("2021 LSOA best-fit step", () => {
  let warehouse: Warehouse | undefined;
  afterEach(() => warehouse?.close());

  async function insertBoundary(code: string, type: string, polygons: MultiPolygon): Promise<void> {
    await warehouse!.run(
      "INSERT INTO boundary (area_code, area_type, geometry, source) VALUES ($1, $2, $3, 'fixture')",
      [code, type, JSON.stringify({ type: "MultiPolygon", coordinates: polygons })],
    );
  }

  it("copies the matched 2011 LSOA's parents into area_link as best-fit lsoa21 links", async () => {
    warehouse = await openFixtureWarehouse();
    await insertBoundary("P11", "lsoa11", [[square(0, 0, 1, 1)]]);
    await insertBoundary("Q11", "lsoa11", [[square(1, 0, 2, 1)]]);
    await insertBoundary("P21", "lsoa21", [[square(0, 0, 1, 1)]]);
    await insertBoundary("Q21", "lsoa21", [[square(1, 0, 1.5, 1)]]);
    await insertBoundary("X21", "lsoa21", [[square(2.01, 0.4, 2.02, 0.5)]]);
    for (const [lsoa, locality] of [
      ["P11", "L1"],
      ["Q11", "L2"],
    ]) {
      await insertLink(warehouse, lsoa!, "lsoa11", locality!, "locality");
      await insertLink(warehouse, lsoa!, "lsoa11", "C1", "county");
    }
    const summary = await lsoa21BestFitStep.run(warehouse, silentReporter);
    expect(summary).toMatch(/3 2021 LSOAs: 2 by containment, 1 by nearest 2011 LSOA/);
    const links = await warehouse.rows(
      "SELECT child, parent, parent_type, weight, method FROM area_link WHERE child_type = 'lsoa21' ORDER BY child, parent_type",
    );
    expect(links).toEqual([
      { child: "P21", parent: "C1", parent_type: "county", weight: 1, method: "best-fit" },
      { child: "P21", parent: "L1", parent_type: "locality", weight: 1, method: "best-fit" },
      { child: "Q21", parent: "C1", parent_type: "county", weight: 1, method: "best-fit" },
      { child: "Q21", parent: "L2", parent_type: "locality", weight: 1, method: "best-fit" },
      { child: "X21", parent: "C1", parent_type: "county", weight: 1, method: "best-fit" },
      { child: "X21", parent: "L2", parent_type: "locality", weight: 1, method: "best-fit" },
    ]);
    // Re-running replaces, never duplicates.
    await lsoa21BestFitStep.run(warehouse, silentReporter);
    expect(await warehouse.scalar("SELECT count(*) FROM area_link WHERE child_type = 'lsoa21'")).toBe(6);
  });
});
