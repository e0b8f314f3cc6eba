import { describe, expect, it } from "vitest";
import { SchemaError } from "../../../models/errors.ts";
import { parseYamlConfig } from "../../../pipelines/config/read-yaml-config.ts";
import { prepareSource } from "../../../pipelines/load/adapters/index.ts";
import { manifestSchema } from "../../../pipelines/sources/manifest-schema.ts";
import { lookupManifest } from "../../helpers/fixture-project.ts";

const GOOD = lookupManifest("a".repeat(64));

describe("source manifests", () => {
  it("parses a valid manifest into typed config with defaults", () => {
    const manifest = parseYamlConfig(GOOD, "sources/test.yaml", manifestSchema);
    expect(manifest.id).toBe("test-lookup");
    expect(manifest.missingMarkers).toContain("*");
    expect(manifest.illustrative).toBe(false);
  });

  it("names the file, the line and the problem", () => {
    const bad = GOOD.replace(`sha256: ${"a".repeat(64)}`, "sha256: not-a-hash");
    expect(() => parseYamlConfig(bad, "sources/test.yaml", manifestSchema)).toThrowError(
      /sources\/test\.yaml:7: sha256: must be 64 lower-case hexadecimal/,
    );
  });

  it("requires a way to obtain the file", () => {
    const bad = GOOD.replace(/download: .*\n/, "");
    const error = (() => {
      try {
        parseYamlConfig(bad, "sources/test.yaml", manifestSchema);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as Error).message).toMatch(/download: give `download: \{ url \}`/);
  });

  it("rejects unknown keys and unknown formats", () => {
    expect(() => parseYamlConfig(`${GOOD}colour: blue\n`, "s.yaml", manifestSchema)).toThrowError(
      /Unrecognized key/,
    );
    expect(() =>
      parseYamlConfig(GOOD.replace("format: area-lookup", "format: spreadsheet"), "s.yaml", manifestSchema),
    ).toThrowError(/format/);
  });

  it("validates the format's options with its adapter", () => {
    const manifest = {
      ...parseYamlConfig(GOOD, "sources/test.yaml", manifestSchema),
      manifestPath: "sources/test.yaml",
    };
    expect(prepareSource(manifest).phase).toBe(1);
    const broken = { ...manifest, options: { levels: [{ type: "lsoa11", code: "X" }] } };
    expect(() => prepareSource(broken)).toThrowError(/options\.levels: a lookup needs at least two levels/);
  });

  it("reports bad YAML with its line", () => {
    expect(() => parseYamlConfig("id: x\n  bad: indentation\n", "s.yaml", manifestSchema)).toThrowError(
      /s\.yaml:\d+: not valid YAML/,
    );
  });
});
