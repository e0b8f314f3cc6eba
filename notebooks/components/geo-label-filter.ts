/**
 * Which map features get a name label. Without a layout engine the map cannot detect colliding labels, so
 * small features (whose longitude/latitude extent is a small share of the whole map's) go unlabelled:
 * their names would sit on top of their neighbours'. Extents are compared in degrees with longitude scaled
 * by cos(latitude), close enough to the projected sizes at county scale.
 */
import type { GeoGeometry, Position } from "./geo-types.ts";

type Located = { geometry: GeoGeometry | null };

interface Extent {
  west: number;
  east: number;
  south: number;
  north: number;
}

function positionsOf(feature: Located): Position[] {
  const geometry = feature.geometry;
  if (!geometry) return [];
  if (geometry.type === "Point") return [geometry.coordinates];
  if (geometry.type === "Polygon" || geometry.type === "MultiLineString") return geometry.coordinates.flat();
  if (geometry.type === "MultiPolygon") return geometry.coordinates.flat(2);
  return geometry.coordinates;
}

function extentOf(positions: readonly Position[]): Extent | null {
  if (positions.length === 0) return null;
  const longitudes = positions.map((position) => position[0] ?? 0);
  const latitudes = positions.map((position) => position[1] ?? 0);
  return {
    west: Math.min(...longitudes),
    east: Math.max(...longitudes),
    south: Math.min(...latitudes),
    north: Math.max(...latitudes),
  };
}

function areaOf(extent: Extent): number {
  const middle = ((extent.north + extent.south) / 2) * (Math.PI / 180);
  return (extent.east - extent.west) * Math.cos(middle) * (extent.north - extent.south);
}

/** The features to label: all of them when `all`, else those at least `share` of the map's extent. */
export function largeEnoughToLabel<F extends Located>(
  features: readonly F[],
  all: boolean,
  share = 0.015,
): F[] {
  if (all) return [...features];
  const total = extentOf(features.flatMap(positionsOf));
  if (!total || areaOf(total) === 0) return [...features];
  const whole = areaOf(total);
  return features.filter((feature) => {
    const extent = extentOf(positionsOf(feature));
    return extent !== null && areaOf(extent) / whole >= share;
  });
}
