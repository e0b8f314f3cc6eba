import { afterEach, describe, expect, it } from "vitest";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { createFixtureProject, type FixtureProject } from "../../helpers/fixture-project.ts";

const square = (x: number, y: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});

// Feature n is "line" n of the collection.
const FEATURES = [
  { properties: { code: "E01000001", name: "Alpha 001A" }, geometry: square(0, 0) }, // 1 good
  { properties: { code: "E01000002", name: "Alpha 001B", lon: -1.5, lat: 52.3 }, geometry: square(2, 0) }, // 2 good, centroid given
  { properties: { code: "", name: "No code" }, geometry: square(4, 0) }, // 3 missing code
  { properties: { code: "E01000003", name: "No geometry" }, geometry: null }, // 4 no geometry
  { properties: { code: "E01000001", name: "Again" }, geometry: square(0, 0) }, // 5 duplicate
  { properties: { code: "E09999999", name: "Unknown" }, geometry: square(6, 0) }, // 6 unknown area
  ...Array.from({ length: 300 }, () => ({ properties: { code: "E01000002" }, geometry: square(2, 0) })), // 7–306 duplicates
  { properties: { code: "E01000004", name: "Alpha 002A" }, geometry: square(8, 0) }, // 307 good, after the batch
];

function boundariesManifest(hash: string, type: string, vintage: string, options: string): string {
  return `id: test-boundaries
title: Test boundaries
publisher: Test
officialUrl: https://example.org/boundaries
licence: Open Government Licence v3.0
file: boundaries.geojson
sha256: ${hash}
download: { manual: "Test fixture: written by the test itself." }
format: geojson-boundaries
geography: { type: ${type}, vintage: "${vintage}" }
options: { ${options} }
`;
}

describe("GeoJSON boundaries", () => {
  let project: FixtureProject;
  afterEach(() => project?.cleanup());

  it("loads each feature once with its centroid and lists the bad ones with their feature number", async () => {
    project = createFixtureProject();
    const hash = project.writeMirrorFile(
      "boundaries.geojson",
      JSON.stringify({
        type: "FeatureCollection",
        features: FEATURES.map((f) => ({ type: "Feature", ...f })),
      }),
    );
    project.writeManifest(
      "test-boundaries.yaml",
      boundariesManifest(hash, "lsoa11", "2011", "code: code, name: name, longitude: lon, latitude: lat"),
    );
    const result = await project.ntg("load");
    expect(result.code, result.stderr).toBe(0);
    const warehouse = await Warehouse.open(`${project.distDir}/warehouse.duckdb`, { readOnly: true });
    try {
      const boundaries = await warehouse.rows(
        "SELECT area_code, name, centroid_lon, centroid_lat, source_line FROM boundary ORDER BY source_line",
      );
      expect(boundaries).toEqual([
        { area_code: "E01000001", name: "Alpha 001A", centroid_lon: 0.4, centroid_lat: 0.4, source_line: 1 },
        {
          area_code: "E01000002",
          name: "Alpha 001B",
          centroid_lon: -1.5,
          centroid_lat: 52.3,
          source_line: 2,
        },
        {
          area_code: "E01000004",
          name: "Alpha 002A",
          centroid_lon: 8.4,
          centroid_lat: 0.4,
          source_line: 307,
        },
      ]);
      const geometry = await warehouse.scalar<string>("SELECT geometry FROM boundary WHERE source_line = 1");
      expect(JSON.parse(geometry!)).toEqual(square(0, 0));
      const rejects = await warehouse.rows<{ line: number; reason: string }>(
        "SELECT line, reason FROM reject WHERE source = 'test-boundaries' ORDER BY line",
      );
      expect(rejects.slice(0, 5)).toEqual([
        { line: 3, reason: "missing area code" },
        { line: 4, reason: "feature has no geometry" },
        { line: 5, reason: "duplicate feature for this area" },
        { line: 6, reason: "unknown area code (not a known lsoa11)" },
        { line: 7, reason: "duplicate feature for this area" },
      ]);
      expect(rejects).toHaveLength(304);
    } finally {
      warehouse.close();
    }
  });
  it("registers new areas from the features when asked, across several insert batches", async () => {
    project = createFixtureProject();
    const codes = Array.from({ length: 450 }, (_, i) => `E0${String(5_000_000 + i)}`);
    const hash = project.writeMirrorFile(
      "boundaries.geojson",
      JSON.stringify({
        type: "FeatureCollection",
        features: codes.map((code, i) => ({
          type: "Feature",
          properties: { code, name: `Area ${i + 1}` },
          geometry: square(i, 0),
        })),
      }),
    );
    project.writeManifest(
      "test-boundaries.yaml",
      boundariesManifest(hash, "lsoa21", "2021", "code: code, name: name, registerAreas: true"),
    );
    const result = await project.ntg("load");
    expect(result.code, result.stderr).toBe(0);
    const warehouse = await Warehouse.open(`${project.distDir}/warehouse.duckdb`, { readOnly: true });
    try {
      const rows = await warehouse.rows<{ code: string; name: string; line: number; lon: number }>(
        `SELECT a.code, a.name, b.source_line AS line, b.centroid_lon AS lon
         FROM area a JOIN boundary b ON b.area_code = a.code AND b.area_type = a.type
         WHERE a.type = 'lsoa21' ORDER BY b.source_line`,
      );
      expect(rows).toHaveLength(450);
      expect(rows.map((row) => row.code)).toEqual(codes);
      expect(rows[449]).toEqual({ code: codes[449], name: "Area 450", line: 450, lon: 449.4 });
    } finally {
      warehouse.close();
    }
  });
});
