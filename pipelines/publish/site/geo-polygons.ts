/**
 * Area polygons from dissolved outlines. `dissolveBoundaries` (a chart component) returns each group's
 * outline as closed rings in a MultiLineString; a choropleth of localities or districts needs polygons,
 * and drawing 23 locality polygons is far cheaper than colouring 339 LSOAs. A ring inside an odd number of
 * the group's other rings is a hole (e.g. around an enclave); the others are exteriors, each given the
 * holes directly inside it. Winding is left to the map component, which rewinds rings for d3-geo.
 */
type Position = number[];

interface OutlineFeature {
  type: "Feature";
  properties: Record<string, unknown>;
  geometry: { type: "MultiLineString"; coordinates: Position[][] } | null;
}

interface PolygonFeature {
  type: "Feature";
  properties: Record<string, unknown>;
  geometry: { type: "MultiPolygon"; coordinates: Position[][][] };
}

/** Ray casting in longitude/latitude (fine at county scale). */
function ringContains(ring: readonly Position[], point: Position): boolean {
  const [x, y] = point as [number, number];
  let inside = false;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const [xi, yi] = ring[index] as [number, number];
    const [xj, yj] = ring[previous] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function closed(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first && last && (first[0] !== last[0] || first[1] !== last[1]) ? [...ring, first] : ring;
}

/** Polygons for one group's rings: exteriors with the holes directly inside them. */
export function ringsToPolygons(lines: readonly Position[][]): Position[][][] {
  const rings = lines.filter((line) => line.length >= 4).map(closed);
  const containers = rings.map((ring, index) =>
    rings
      .map((_, other) => other)
      .filter((other) => other !== index && ringContains(rings[other]!, ring[0]!)),
  );
  const exteriors = rings.map((_, index) => index).filter((index) => containers[index]!.length % 2 === 0);
  return exteriors.map((exterior) => {
    const depth = containers[exterior]!.length;
    const holes = rings.filter(
      (_, index) => containers[index]!.length === depth + 1 && containers[index]!.includes(exterior),
    );
    return [rings[exterior]!, ...holes];
  });
}

/** MultiLineString outlines (from `dissolveBoundaries`) → MultiPolygon features with the same properties. */
export function polygonsFromOutlines(outlines: readonly OutlineFeature[]): PolygonFeature[] {
  return outlines.map((feature) => ({
    type: "Feature",
    properties: feature.properties,
    geometry: { type: "MultiPolygon", coordinates: ringsToPolygons(feature.geometry?.coordinates ?? []) },
  }));
}
