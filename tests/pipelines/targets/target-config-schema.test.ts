/**
 * Targets files: the schema (typed config with every default stated; errors with file:line and the key
 * at fault), the checks across files, and the shipped example targets.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SchemaError, UsageError } from "../../../models/errors.ts";
import { PROJECT_ROOT } from "../../../pipelines/config/project-config.ts";
import { parseYamlConfig } from "../../../pipelines/config/read-yaml-config.ts";
import {
  findTargetConfig,
  readTargetConfigs,
  targetsDir,
} from "../../../pipelines/targets/read-target-configs.ts";
import { TARGET_DEFAULTS, targetConfigSchema } from "../../../pipelines/targets/target-config-schema.ts";
import { LOCALITY_RATE_YAML, targetsFolder } from "./fixture-warehouse.ts";

const parse = (yaml: string) => parseYamlConfig(yaml, "sources/targets/test.yaml", targetConfigSchema);
function errorOf(yaml: string): string {
  try {
    parse(yaml);
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaError);
    return (error as Error).message;
  }
  throw new Error("expected a SchemaError");
}

describe("targets schema", () => {
  it("gives a typed config with the defaults stated once", () => {
    expect(parse(LOCALITY_RATE_YAML)).toEqual({
      indicator: "test-rate",
      example: true,
      level: "locality",
      series: { from: "indicator-values" },
      sex: "Persons",
      age: "All ages",
      baseline: { period: 2019 },
      target: { period: 2023, change: -3 },
      method: "gap-to-county",
      narrowBy: 0.25,
      weights: { kind: "denominator" },
      deprivation: { ...TARGET_DEFAULTS.deprivation },
      forecast: { ...TARGET_DEFAULTS.forecast },
      notes: [],
    });
    const population = parse(LOCALITY_RATE_YAML.replace("{ kind: denominator }", "{ kind: population }"));
    expect(population.weights).toEqual({ kind: "population", period: "mid-2015", ageBands: ["all"] });
  });

  it("names the file, line and key of each problem", () => {
    expect(errorOf(LOCALITY_RATE_YAML.replace("narrowBy: 0.25", "narrowBy: 1.5"))).toBe(
      "sources/targets/test.yaml:7: narrowBy: narrowBy is a fraction in [0, 1]",
    );
    expect(errorOf(LOCALITY_RATE_YAML.replace("method: gap-to-county", "method: fair-shares"))).toBe(
      "sources/targets/test.yaml:6: method: method must be gap-to-county, quintile-gap or graded",
    );
    expect(errorOf(LOCALITY_RATE_YAML.replace("change: -3", "change: -3, value: 15"))).toMatch(
      /^sources\/targets\/test\.yaml:5: target: give exactly one of value \(the county target\) or change/,
    );
    expect(errorOf(LOCALITY_RATE_YAML.replace("period: 2023", "period: 2018"))).toMatch(
      /^sources\/targets\/test\.yaml:5: target\.period: the target period must come after the baseline period 2019/,
    );
    expect(errorOf(LOCALITY_RATE_YAML.replace("level: locality", "level: ward"))).toBe(
      "sources/targets/test.yaml:2: level: level must be locality or district",
    );
    expect(errorOf(`${LOCALITY_RATE_YAML}colour: red\n`)).toMatch(
      /^sources\/targets\/test\.yaml:1: \(top level\): .*colour/,
    );
    expect(errorOf("indicator: [")).toMatch(/^sources\/targets\/test\.yaml:1: not valid YAML/);
  });

  it("reports every bad file and each indicator configured twice", () => {
    const folder = targetsFolder({
      "a.yaml": LOCALITY_RATE_YAML,
      "b.yaml": LOCALITY_RATE_YAML,
      "c.yaml": LOCALITY_RATE_YAML.replace("narrowBy: 0.25", "narrowBy: -1"),
    });
    try {
      expect(() => readTargetConfigs(folder)).toThrow(SchemaError);
      const message = (() => {
        try {
          readTargetConfigs(folder);
        } catch (error) {
          return (error as Error).message;
        }
      })()!;
      expect(message).toMatch(/c\.yaml:7: narrowBy/);
      expect(message).toMatch(/b\.yaml: indicator "test-rate" already has targets in .*a\.yaml/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("ships valid example targets for two locality and three district indicators", () => {
    const configs = readTargetConfigs(targetsDir(path.join(PROJECT_ROOT, "sources")));
    expect(configs.map((config) => [config.indicator, config.level, config.example])).toEqual([
      ["alcohol-related-admissions-narrow", "district", true],
      ["children-in-low-income-families", "district", true],
      ["excess-weight-year-6", "district", true],
      ["iod2019-idaci-rate", "locality", true],
      ["imd-income-deprivation-rate", "locality", true],
    ]);
    expect(() => findTargetConfig(configs, "no-such")).toThrow(UsageError);
    expect(readTargetConfigs(path.join(PROJECT_ROOT, "no-such-folder"))).toEqual([]);
  });
});
