/**
 * Dissolving polygons into group outlines: on a 2×2 grid of unit squares split into two columns, each
 * group's outline is its 1×2 rectangle — the edge the two squares of a column share is gone, the edges
 * between the columns stay (they belong to different groups) — and it comes back as one closed ring.
 */
import { describe, expect, it } from "vitest";
import { dissolveBoundaries, type GeoFeature } from "../../../notebooks/components/index.ts";
import { square } from "./chart-fixtures.ts";

const feature = (code: string, x: number, y: number): GeoFeature => ({
  type: "Feature",
  properties: { code },
  geometry: square(x, y),
});

/** A, B along the bottom; C, D along the top. */
const GRID = [feature("A", 0, 0), feature("B", 1, 0), feature("C", 0, 1), feature("D", 1, 1)];
const COLUMN: Record<string, string> = { A: "left", C: "left", B: "right", D: "right" };

/** The lines of a dissolved outline (fails the test when there is none). */
function linesOf(outline: GeoFeature | undefined): number[][][] {
  if (outline?.geometry?.type !== "MultiLineString") throw new Error("expected a MultiLineString outline");
  return outline.geometry.coordinates as number[][][];
}

/** Undirected unit edges of a set of lines, as sorted strings, so outlines compare regardless of start. */
function edgesOf(lines: number[][][]): string[] {
  const edges = lines.flatMap((line) =>
    line.slice(1).map((point, index) => {
      const a = (line[index] ?? []).join(",");
      const b = point.join(",");
      return a < b ? `${a}|${b}` : `${b}|${a}`;
    }),
  );
  return edges.sort();
}

describe("dissolveBoundaries", () => {
  const outlines = dissolveBoundaries(GRID, (code) => COLUMN[code] ?? null);

  it("returns one MultiLineString per group, sorted by group code", () => {
    expect(outlines.map((outline) => outline.properties.code)).toEqual(["left", "right"]);
    for (const outline of outlines) expect(outline.geometry?.type).toBe("MultiLineString");
  });

  it("removes the edge shared inside a group and keeps the rest of the perimeter as one closed ring", () => {
    const left = linesOf(outlines[0]);
    expect(left).toHaveLength(1);
    const ring = left[0] ?? [];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(edgesOf(left)).toEqual(["0,0|1,0", "1,0|1,1", "1,1|1,2", "0,2|1,2", "0,1|0,2", "0,0|0,1"].sort());
    expect(edgesOf(left)).not.toContain("0,1|1,1");
  });

  it("keeps the edge between groups in both outlines", () => {
    const right = linesOf(outlines[1]);
    expect(edgesOf(right)).toContain("1,0|1,1");
    expect(edgesOf(right)).not.toContain("1,1|2,1");
  });

  it("dissolves the whole grid into its 2×2 square, and leaves out areas whose group is null", () => {
    const [whole] = dissolveBoundaries(GRID, () => "all");
    expect(edgesOf(linesOf(whole))).toHaveLength(8);
    const some = dissolveBoundaries(GRID, (code) => (code === "A" ? "only-a" : null));
    expect(some).toHaveLength(1);
    expect(edgesOf(linesOf(some[0]))).toHaveLength(4);
  });

  it("keeps a hole's ring and separate parts of a group as separate lines", () => {
    const withHole: GeoFeature = {
      type: "Feature",
      properties: { code: "H" },
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [0, 0],
            [0, 3],
            [3, 3],
            [3, 0],
            [0, 0],
          ],
          [
            [1, 1],
            [2, 1],
            [2, 2],
            [1, 2],
            [1, 1],
          ],
        ],
      },
    };
    const apart = feature("far", 10, 10);
    const [outline] = dissolveBoundaries([withHole, apart], () => "g");
    expect(linesOf(outline)).toHaveLength(3);
  });
});
