/**
 * A tiny, self-contained project written by the tests themselves: a mirror folder with small CSV files, a
 * sources folder with manifests (sha256 computed from the written files), an indicator catalogue and a
 * locality table. Geography: England E92000001 → region R1 → county C1 → districts D1, D2 → wards → LSOAs.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../pipelines/cli/main.ts";

export interface FixtureProject {
  root: string;
  sourcesDir: string;
  mirrorDir: string;
  distDir: string;
  /** Runs the CLI with --sources/--dist/--mirror pointing at the fixture; returns exit code and output. */
  ntg(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Writes a data file into the mirror and returns its sha256. */
  writeMirrorFile(name: string, text: string): string;
  writeManifest(name: string, yaml: string): void;
  cleanup(): void;
}

export const LOOKUP_CSV = `LSOA11CD,LSOA11NM,WD19CD,WD19NM,LAD19CD,LAD19NM
E01000001,Alpha 001A,E05000001,North Ward,E07000001,District One
E01000002,Alpha 001B,E05000001,North Ward,E07000001,District One
E01000003,Alpha 002A,E05000002,South Ward,E07000001,District One
E01000004,Beta 001A,E05000003,East Ward,E07000002,District Two
E01000005,Beta 001B,E05000004,West Ward,E07000002,District Two
`;

export const HIERARCHY_CSV = `WD19CD,WD19NM,LAD19CD,LAD19NM,CTY19CD,CTY19NM,RGN19CD,RGN19NM,CTRY19CD,CTRY19NM
E05000001,North Ward,E07000001,District One,E10000001,County One,E12000001,Region One,E92000001,England
E05000002,South Ward,E07000001,District One,E10000001,County One,E12000001,Region One,E92000001,England
E05000003,East Ward,E07000002,District Two,E10000001,County One,E12000001,Region One,E92000001,England
E05000004,West Ward,E07000002,District Two,E10000001,County One,E12000001,Region One,E92000001,England
`;

export const LOCALITIES_CSV = `ward19_code,ward19_name,locality_code,locality_name,district_code
E05000001,North Ward,L01,Northside,E07000001
E05000002,South Ward,L02,Southside,E07000001
E05000003,East Ward,L03,Beta Town,E07000002
E05000004,West Ward,L03,Beta Town,E07000002
`;

export const CATALOGUE_YAML = `indicators:
  - id: test-proportion
    name: A test proportion
    theme: children and young people
    polarity: low-is-good
    valueType: percentage
    multiplier: 100
    sourceNames: ["Test proportion (source name)"]
  - id: test-rate
    name: A test rate
    theme: healthier communities and older people
    polarity: low-is-good
    valueType: rate
    multiplier: 100000
`;

export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

export function lookupManifest(hash: string): string {
  return `id: test-lookup
title: Test LSOA to ward to district lookup
publisher: Test publisher
officialUrl: https://example.org/lookup
licence: Open Government Licence v3.0
file: lookup.csv
sha256: ${hash}
download: { manual: "Test fixture: written by the test itself." }
format: area-lookup
geography: { type: lsoa11, vintage: "2011" }
options:
  levels:
    - { type: lsoa11, code: LSOA11CD, name: LSOA11NM, link: best-fit }
    - { type: ward19, code: WD19CD, name: WD19NM }
    - { type: district, code: LAD19CD, name: LAD19NM }
`;
}

export function hierarchyManifest(hash: string): string {
  return `id: test-hierarchy
title: Test ward hierarchy
publisher: Test publisher
officialUrl: https://example.org/hierarchy
licence: Open Government Licence v3.0
file: hierarchy.csv
sha256: ${hash}
download: { manual: "Test fixture: written by the test itself." }
format: area-lookup
geography: { type: ward19, vintage: "2019" }
options:
  levels:
    - { type: ward19, code: WD19CD, name: WD19NM }
    - { type: district, code: LAD19CD, name: LAD19NM }
    - { type: county, code: CTY19CD, name: CTY19NM }
    - { type: region, code: RGN19CD, name: RGN19NM }
    - { type: country, code: CTRY19CD, name: CTRY19NM }
`;
}

export function observationsManifest(
  hash: string,
  file = "observations.csv",
  id = "test-observations",
): string {
  return `id: ${id}
title: Test observations in the generic long format
publisher: Test publisher
officialUrl: https://example.org/observations
licence: Open Government Licence v3.0
file: ${file}
sha256: ${hash}
download: { manual: "Test fixture: written by the test itself." }
format: observations-long
geography: { type: lsoa11, vintage: "2011" }
options:
  columns: { indicator: indicator, area: area_code, period: period, numerator: numerator, denominator: denominator }
  areaTypes: [lsoa11, ward19, district, county, country]
`;
}

export const LOCALITY_MANIFEST = `id: test-localities
title: Test localities
publisher: Test
officialUrl: https://example.org/localities
licence: Open Government Licence v3.0
file: localities.csv
localPath: localities.csv
format: locality-table
geography: { type: ward19, vintage: "2019" }
illustrative: true
options:
  member: { type: ward19, code: ward19_code, name: ward19_name }
  locality: { code: locality_code, name: locality_name }
  district: district_code
`;

/** Creates the fixture with lookups, hierarchy, catalogue and localities (no observations unless asked). */
export function createFixtureProject(options: { observations?: string } = {}): FixtureProject {
  const root = mkdtempSync(path.join(tmpdir(), "ntg-fixture-"));
  const sourcesDir = path.join(root, "sources");
  const mirrorDir = path.join(root, "mirror");
  const distDir = path.join(root, "dist");
  mkdirSync(path.join(sourcesDir, "catalogue"), { recursive: true });
  mkdirSync(mirrorDir, { recursive: true });
  const project: FixtureProject = {
    root,
    sourcesDir,
    mirrorDir,
    distDir,
    writeMirrorFile(name, text) {
      writeFileSync(path.join(mirrorDir, name), text);
      return sha256(readFileSync(path.join(mirrorDir, name)));
    },
    writeManifest(name, yaml) {
      writeFileSync(path.join(sourcesDir, name), yaml);
    },
    async ntg(...args) {
      const stdout: string[] = [];
      const stderr: string[] = [];
      const collect = (lines: string[]) => (chunk: string) => {
        lines.push(String(chunk));
        return true;
      };
      const sink = (lines: string[]) => ({ write: collect(lines) }) as unknown as NodeJS.WritableStream;
      const [command, ...rest] = args;
      const common =
        command && !command.startsWith("-")
          ? [
              "--sources",
              sourcesDir,
              "--dist",
              distDir,
              "--mirror",
              mirrorDir,
              "--no-default-mirrors",
              "--offline",
            ]
          : [];
      const originalWrite = process.stderr.write.bind(process.stderr);
      process.stderr.write = collect(stderr) as typeof process.stderr.write;
      try {
        const code = await main(
          [...(command ? [command] : []), ...rest, ...common],
          sink(stdout),
          sink(stderr),
        );
        return { code, stdout: stdout.join(""), stderr: stderr.join("") };
      } finally {
        process.stderr.write = originalWrite;
      }
    },
    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  writeFileSync(path.join(sourcesDir, "catalogue", "indicators.yaml"), CATALOGUE_YAML);
  writeFileSync(path.join(sourcesDir, "localities.csv"), LOCALITIES_CSV);
  project.writeManifest(
    "test-lookup.yaml",
    lookupManifest(project.writeMirrorFile("lookup.csv", LOOKUP_CSV)),
  );
  project.writeManifest(
    "test-hierarchy.yaml",
    hierarchyManifest(project.writeMirrorFile("hierarchy.csv", HIERARCHY_CSV)),
  );
  project.writeManifest("test-localities.yaml", LOCALITY_MANIFEST);
  if (options.observations !== undefined) {
    project.writeManifest(
      "test-observations.yaml",
      observationsManifest(project.writeMirrorFile("observations.csv", options.observations)),
    );
  }
  return project;
}
