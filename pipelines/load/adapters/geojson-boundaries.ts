/**
 * Boundaries as a GeoJSON FeatureCollection (WGS84), one feature per area. Each feature's code and name
 * come from its properties; the centroid from the given longitude/latitude properties when present (ONS
 * publishes population-weighted or geometric centroids), else the mean of the outer ring's vertices.
 * `source_line` is the feature's number (1-based) in the collection.
 */
import { readFileSync } from "node:fs";
import type { DuckDBValue } from "@duckdb/node-api";
import { z } from "zod";
import { SourceError } from "../../../models/errors.ts";
import { displayPath } from "../../config/read-yaml-config.ts";
import { defineAdapter, LOAD_PHASES, type LoadContext } from "../adapter.ts";

const optionsSchema = z
  .object({
    code: z.string(),
    name: z.string().optional(),
    longitude: z.string().optional(),
    latitude: z.string().optional(),
    registerAreas: z.boolean().default(false),
  })
  .strict();
type Options = z.output<typeof optionsSchema>;

interface Feature {
  properties?: Record<string, unknown>;
  geometry?: { type: string; coordinates: unknown } | null;
}

function outerRing(geometry: NonNullable<Feature["geometry"]>): number[][] {
  const coordinates = geometry.coordinates as unknown[];
  if (geometry.type === "Polygon") return (coordinates[0] as number[][]) ?? [];
  if (geometry.type === "MultiPolygon") return ((coordinates[0] as number[][][])?.[0] as number[][]) ?? [];
  return [];
}

function centroid(feature: Feature, options: Options): [number | null, number | null] {
  const longitude = Number(feature.properties?.[options.longitude ?? ""]);
  const latitude = Number(feature.properties?.[options.latitude ?? ""]);
  if (Number.isFinite(longitude) && Number.isFinite(latitude) && options.longitude)
    return [longitude, latitude];
  const ring = feature.geometry ? outerRing(feature.geometry) : [];
  if (ring.length === 0) return [null, null];
  const sum = ring.reduce((acc, point) => [acc[0]! + point[0]!, acc[1]! + point[1]!], [0, 0]);
  return [sum[0]! / ring.length, sum[1]! / ring.length];
}

function readFeatures(file: string): Feature[] {
  let parsed: { type?: string; features?: Feature[] };
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SourceError(`${displayPath(file)}: not valid JSON: ${(error as Error).message}`);
  }
  if (parsed.type !== "FeatureCollection" || !Array.isArray(parsed.features)) {
    throw new SourceError(`${displayPath(file)}: expected a GeoJSON FeatureCollection`);
  }
  return parsed.features;
}

async function reject(
  context: LoadContext,
  line: number,
  column: string,
  value: unknown,
  reason: string,
): Promise<void> {
  await context.warehouse.run(
    "INSERT INTO reject (source, file, line, column_name, value, reason) VALUES ($1, $2, $3, $4, $5, $6)",
    [
      context.manifest.id,
      displayPath(context.file),
      line,
      column,
      value === undefined || value === null ? null : String(value),
      reason,
    ],
  );
}

/** Inserts rows with one parameterised statement per batch (a statement per feature is ~100× slower). */
async function insertRows(
  context: LoadContext,
  insert: string,
  rows: DuckDBValue[][],
  suffix = "",
): Promise<void> {
  const batch = 200;
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    const width = chunk[0]!.length;
    const placeholders = chunk
      .map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(", ")})`)
      .join(", ");
    await context.warehouse.run(`${insert} VALUES ${placeholders} ${suffix}`, chunk.flat() as DuckDBValue[]);
  }
}

export const geojsonBoundariesAdapter = defineAdapter({
  format: "geojson-boundaries",
  optionsSchema,
  phase: (options) => (options.registerAreas ? LOAD_PHASES.registersAreas : LOAD_PHASES.data),
  load: async (context, options) => {
    const { warehouse, manifest } = context;
    const type = manifest.geography.type;
    const features = readFeatures(context.file);
    const known = new Set(
      (await warehouse.rows<{ code: string }>("SELECT code FROM area WHERE type = $1", [type])).map(
        (row) => row.code,
      ),
    );
    const seen = new Set<string>();
    const newAreas: DuckDBValue[][] = [];
    const boundaries: DuckDBValue[][] = [];
    for (const [index, feature] of features.entries()) {
      const line = index + 1;
      const code = String(feature.properties?.[options.code] ?? "").trim();
      const name = options.name ? String(feature.properties?.[options.name] ?? "").trim() || null : null;
      if (!code) await reject(context, line, options.code, null, "missing area code");
      else if (!feature.geometry) await reject(context, line, "geometry", code, "feature has no geometry");
      else if (seen.has(code))
        await reject(context, line, options.code, code, "duplicate feature for this area");
      else if (!known.has(code) && !options.registerAreas)
        await reject(context, line, options.code, code, `unknown area code (not a known ${type})`);
      else {
        seen.add(code);
        if (options.registerAreas && !known.has(code)) {
          newAreas.push([code, name, type, manifest.geography.vintage, manifest.id]);
        }
        const [longitude, latitude] = centroid(feature, options);
        boundaries.push([
          code,
          type,
          manifest.geography.vintage,
          name,
          longitude,
          latitude,
          JSON.stringify(feature.geometry),
          manifest.id,
          line,
        ]);
      }
    }
    await insertRows(
      context,
      "INSERT INTO area (code, name, type, vintage, source)",
      newAreas,
      "ON CONFLICT DO NOTHING",
    );
    await insertRows(
      context,
      "INSERT INTO boundary (area_code, area_type, vintage, name, centroid_lon, centroid_lat, geometry, source, source_line)",
      boundaries,
    );
    const loaded = boundaries.length;
    return { rowsRead: features.length, rowsLoaded: loaded };
  },
});
