import { describe, expect, it } from "vitest";
import { polygonsFromOutlines, ringsToPolygons } from "../../../pipelines/publish/site/geo-polygons.ts";

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe("area polygons from dissolved outlines", () => {
  it("makes a ring inside another of the same area a hole, and a separate ring its own polygon", () => {
    const outer = square(0, 0, 10);
    const enclave = square(4, 4, 2);
    const island = square(20, 0, 3);
    expect(ringsToPolygons([enclave, outer, island])).toEqual([[outer, enclave], [island]]);
  });

  it("closes open rings, drops degenerate ones and keeps the properties", () => {
    const open = square(0, 0, 1).slice(0, 4);
    const [feature] = polygonsFromOutlines([
      {
        type: "Feature",
        properties: { code: "L01" },
        geometry: {
          type: "MultiLineString",
          coordinates: [
            open,
            [
              [5, 5],
              [6, 6],
            ],
          ],
        },
      },
    ]);
    expect(feature).toEqual({
      type: "Feature",
      properties: { code: "L01" },
      geometry: { type: "MultiPolygon", coordinates: [[square(0, 0, 1)]] },
    });
  });
});
