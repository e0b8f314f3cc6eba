/**
 * Minimal GeoJSON types (RFC 7946) for the map components: the project does not depend on @types/geojson,
 * and these are structurally the same, so features parsed from the warehouse's GeoJSON text fit directly.
 * Coordinates are WGS84 longitude, latitude.
 */
export type Position = [number, number] | number[];

export type GeoGeometry =
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] }
  | { type: "LineString"; coordinates: Position[] }
  | { type: "MultiLineString"; coordinates: Position[][] }
  | { type: "Point"; coordinates: Position }
  | { type: "MultiPoint"; coordinates: Position[] };

export interface GeoFeature<Properties = Record<string, unknown>> {
  type: "Feature";
  id?: string | number;
  properties: Properties;
  geometry: GeoGeometry | null;
}

/** The rings of a polygonal geometry as a list of polygons (each a list of rings); [] for other types. */
export function polygonsOf(geometry: GeoGeometry | null): Position[][][] {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}
