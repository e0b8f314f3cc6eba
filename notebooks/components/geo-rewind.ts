/**
 * Ring orientation for d3-geo (which Plot uses): d3 treats geometry as spherical and reads a polygon's
 * exterior ring clockwise; RFC 7946 GeoJSON winds it anticlockwise. A polygon with the "wrong" winding is
 * drawn as the whole globe minus the area — a map filled solid. Rewinding every ring (exterior clockwise,
 * holes anticlockwise, in longitude/latitude) makes either convention draw correctly.
 */
import type { GeoFeature, GeoGeometry, Position } from "./geo-types.ts";

/** Twice the signed planar area; negative for a clockwise ring (x = longitude east, y = latitude north). */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    const [x1 = 0, y1 = 0] = ring[index] as Position;
    const [x2 = 0, y2 = 0] = ring[index + 1] as Position;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

function orient(ring: Position[], clockwise: boolean): Position[] {
  const isClockwise = signedArea(ring) < 0;
  return isClockwise === clockwise ? ring : [...ring].reverse();
}

function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, index) => orient(ring, index === 0));
}

function rewindGeometry(geometry: GeoGeometry | null): GeoGeometry | null {
  if (!geometry) return geometry;
  if (geometry.type === "Polygon")
    return { type: "Polygon", coordinates: rewindPolygon(geometry.coordinates) };
  if (geometry.type === "MultiPolygon")
    return { type: "MultiPolygon", coordinates: geometry.coordinates.map(rewindPolygon) };
  return geometry;
}

/** A copy of the feature with its rings wound the way d3-geo expects. */
export function rewindForD3<P>(feature: GeoFeature<P>): GeoFeature<P> {
  return { ...feature, geometry: rewindGeometry(feature.geometry) };
}
