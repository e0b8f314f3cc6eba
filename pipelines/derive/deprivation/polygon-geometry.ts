/**
 * The little planar geometry the 2021 → 2011 LSOA best fit needs, on GeoJSON (WGS84) polygons: area
 * centroid, point in polygon, a representative point guaranteed to lie inside, and distances. No DuckDB
 * spatial extension is available offline, and LSOAs are small enough for longitude/latitude to be treated
 * as a plane: centroids and containment are unchanged by the (affine) stretch between degrees and metres,
 * and distances scale longitude by cos(latitude).
 */
import { BuildError } from "../../../models/errors.ts";

export type Point = readonly [number, number];
/** Polygons → rings (the first outer, the rest holes) → [longitude, latitude] points. */
export type MultiPolygon = readonly (readonly (readonly Point[])[])[];

/** Parses a GeoJSON Polygon or MultiPolygon geometry into the MultiPolygon form. */
export function parsePolygons(geometryJson: string, label: string): MultiPolygon {
  const geometry = JSON.parse(geometryJson) as { type?: string; coordinates?: unknown };
  if (geometry.type === "Polygon") return [geometry.coordinates as Point[][]];
  if (geometry.type === "MultiPolygon") return geometry.coordinates as Point[][][];
  throw new BuildError(
    `${label}: geometry must be a Polygon or MultiPolygon, got ${String(geometry.type)}`,
    "Boundaries for the best fit must be area features (GeoJSON Polygon/MultiPolygon).",
  );
}

/** Even-odd rule over every ring of every polygon, so holes are excluded. */
export function containsPoint(polygons: MultiPolygon, [x, y]: Point): boolean {
  let inside = false;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

/**
 * Area centroid: outer rings add and holes subtract, whatever each ring's winding (files do not always
 * follow GeoJSON's orientation rule). Falls back to the mean vertex when the area is zero.
 */
export function areaCentroid(polygons: MultiPolygon): Point {
  let totalArea = 0;
  let sumX = 0;
  let sumY = 0;
  let vertexX = 0;
  let vertexY = 0;
  let vertices = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, ringIndex) => {
      let twiceArea = 0;
      let ringX = 0;
      let ringY = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        const cross = xj * yi - xi * yj;
        twiceArea += cross;
        ringX += (xi + xj) * cross;
        ringY += (yi + yj) * cross;
        vertexX += xi;
        vertexY += yi;
        vertices++;
      }
      // Normalise to a positive area, then subtract holes: Σ(x·area) / Σ area over signed rings.
      const sign = (ringIndex === 0 ? 1 : -1) * Math.sign(twiceArea);
      totalArea += (sign * twiceArea) / 2;
      sumX += (sign * ringX) / 6;
      sumY += (sign * ringY) / 6;
    });
  }
  if (Math.abs(totalArea) < 1e-18) return [vertexX / vertices, vertexY / vertices];
  return [sumX / totalArea, sumY / totalArea];
}

/**
 * A point inside the polygon standing for it: the area centroid when it lies inside (the usual case),
 * else the middle of the widest interior stretch of the horizontal line through the centroid (the
 * "point on surface" construction), so a crescent-shaped LSOA is not represented by a point in its
 * neighbour.
 */
export function representativePoint(polygons: MultiPolygon): Point {
  const centroid = areaCentroid(polygons);
  if (containsPoint(polygons, centroid)) return centroid;
  const y = centroid[1];
  const crossings: number[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
  }
  crossings.sort((a, b) => a - b);
  let best: Point = centroid;
  let widest = -1;
  for (let k = 0; k + 1 < crossings.length; k += 2) {
    const width = crossings[k + 1]! - crossings[k]!;
    if (width > widest) {
      widest = width;
      best = [(crossings[k]! + crossings[k + 1]!) / 2, y];
    }
  }
  return best;
}

/** [minimum longitude, minimum latitude, maximum longitude, maximum latitude]. */
export function boundingBox(polygons: MultiPolygon): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Equirectangular distance in km between two WGS84 points (accurate to well under 1% at LSOA scale). */
export function distanceKm([x1, y1]: Point, [x2, y2]: Point): number {
  const toRadians = Math.PI / 180;
  const dx = (x2 - x1) * toRadians * Math.cos(((y1 + y2) / 2) * toRadians);
  const dy = (y2 - y1) * toRadians;
  return EARTH_RADIUS_KM * Math.hypot(dx, dy);
}
