/**
 * The best-fit rule from 2021 LSOAs to 2011 LSOAs (and through them to wards, localities, districts and
 * the county), computed from the boundary files because no LSOA 2021 lookup is among the sources:
 *
 * 1. containment: the 2011 LSOA whose polygon contains the 2021 LSOA's representative point (its area
 *    centroid, or a point on its surface when the centroid falls outside it — see `representativePoint`);
 * 2. fallback, when no 2011 polygon contains that point (generalised boundaries leave slivers at the
 *    edges): the 2011 LSOA with the nearest representative point.
 *
 * A 2021 LSOA is thus assigned whole to one 2011 LSOA (weight 1), the usual ONS best-fit convention; its
 * area links are those of that 2011 LSOA.
 */
import {
  boundingBox,
  containsPoint,
  distanceKm,
  type MultiPolygon,
  type Point,
  representativePoint,
} from "./polygon-geometry.ts";

export interface BoundaryPolygons {
  code: string;
  polygons: MultiPolygon;
}

export interface BestFitMatch {
  lsoa21: string;
  lsoa11: string;
  rule: "containment" | "nearest";
  point: Point;
  /** Distance to the matched 2011 LSOA's representative point, for the nearest rule; else null. */
  distanceKm: number | null;
}

interface Candidate {
  code: string;
  polygons: MultiPolygon;
  box: [number, number, number, number];
  point: Point;
}

/**
 * Matches every 2021 LSOA to one 2011 LSOA by the rule above. Returns [] when either list is empty.
 * Ties (a point inside two overlapping 2011 polygons) go to the first 2011 LSOA in code order.
 */
export function matchLsoa21ToLsoa11(
  lsoas21: readonly BoundaryPolygons[],
  lsoas11: readonly BoundaryPolygons[],
): BestFitMatch[] {
  if (lsoas11.length === 0) return [];
  const candidates: Candidate[] = [...lsoas11]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map(({ code, polygons }) => ({
      code,
      polygons,
      box: boundingBox(polygons),
      point: representativePoint(polygons),
    }));
  return lsoas21.map(({ code, polygons }) => {
    const point = representativePoint(polygons);
    const container = candidates.find(
      ({ box, polygons: candidate }) =>
        point[0] >= box[0] &&
        point[0] <= box[2] &&
        point[1] >= box[1] &&
        point[1] <= box[3] &&
        containsPoint(candidate, point),
    );
    if (container)
      return { lsoa21: code, lsoa11: container.code, rule: "containment", point, distanceKm: null };
    const nearest = nearestCandidate(candidates, point);
    return { lsoa21: code, lsoa11: nearest.code, rule: "nearest", point, distanceKm: nearest.distance };
  });
}

function nearestCandidate(
  candidates: readonly Candidate[],
  point: Point,
): { code: string; distance: number } {
  let best = { code: candidates[0]!.code, distance: Infinity };
  for (const candidate of candidates) {
    const distance = distanceKm(point, candidate.point);
    if (distance < best.distance) best = { code: candidate.code, distance };
  }
  return best;
}
