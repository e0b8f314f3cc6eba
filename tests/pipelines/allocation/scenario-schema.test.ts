/**
 * Scenario files: the schema (typed config with defaults; errors with file:line and the key at fault),
 * the checks across files (unique ids, baselines that exist, no cycles), and the built-in scenarios.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SchemaError } from "../../../models/errors.ts";
import { readScenarios, scenariosDir } from "../../../pipelines/allocation/read-scenarios.ts";
import { measuresNamed, modelRule } from "../../../pipelines/allocation/scenario-rule.ts";
import { scenarioSchema } from "../../../pipelines/allocation/scenario-schema.ts";
import { PROJECT_ROOT } from "../../../pipelines/config/project-config.ts";
import { parseYamlConfig } from "../../../pipelines/config/read-yaml-config.ts";
import { writeScenario } from "./fixture-warehouse.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function sourcesFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "ntg-scenarios-"));
  folders.push(folder);
  return folder;
}

const parse = (yaml: string) => parseYamlConfig(yaml, "sources/scenarios/test.yaml", scenarioSchema);
function errorOf(yaml: string): string {
  try {
    parse(yaml);
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaError);
    return (error as Error).message;
  }
  throw new Error("expected a SchemaError");
}

const VALID = `id: by-need
title: By need
pot: 800000
recipients: { districts: E10000031 }
rule:
  kind: need-weighted
  measures: [income-deprived-people, { measure: extent, weight: 0.5 }]
`;

describe("scenario schema", () => {
  it("gives a typed scenario with every default stated", () => {
    const scenario = parse(VALID);
    expect(scenario).toMatchObject({
      id: "by-need",
      pot: 800000,
      roundingUnit: 0.01,
      population: "mid-2015",
    });
    expect(scenario.rule).toEqual({
      kind: "need-weighted",
      measures: [
        { measure: "income-deprived-people", weight: 1 },
        { measure: "extent", weight: 0.5 },
      ],
    });
    expect(modelRule(scenario)).toEqual({
      kind: "need-weighted",
      measures: [
        { measure: "income-deprived-people", weight: 1, basis: "count" },
        { measure: "extent", weight: 0.5, basis: "per-head" },
      ],
      roundingUnit: 0.01,
    });
    expect(measuresNamed(scenario)).toEqual(["income-deprived-people", "extent"]);
  });

  it("names the file, line and key of an unknown rule kind", () => {
    const message = errorOf(VALID.replace("kind: need-weighted", "kind: by-magic"));
    expect(message).toMatch(
      /^sources\/scenarios\/test\.yaml:6: rule\.kind: rule\.kind must be one of: tiered, equal/m,
    );
  });

  it("names an unknown need measure with the line it is on", () => {
    const message = errorOf(VALID.replace("income-deprived-people,", "poverty,"));
    expect(message).toContain("sources/scenarios/test.yaml:7: rule.measures.0:");
    expect(message).toContain("income-deprived-people, employment-deprived-people, extent");
  });

  it("refuses unknown keys, sub-penny pots and a recipients block with two kinds", () => {
    expect(errorOf(`${VALID}colour: red\n`)).toMatch(
      /test\.yaml:1: \(top level\): Unrecognized key: "colour"/,
    );
    expect(errorOf(VALID.replace("pot: 800000", "pot: 800000.005"))).toMatch(
      /test\.yaml:3: pot: must be whole pence/,
    );
    expect(
      errorOf(VALID.replace("{ districts: E10000031 }", "{ districts: E10000031, localities: E10000031 }")),
    ).toMatch(/test\.yaml:4: recipients: give exactly one of districts/);
  });

  it("checks tiered amounts sum to the pot and that pace of change has a baseline", () => {
    const tiered = VALID.replace(
      /rule:[\s\S]*$/,
      "rule:\n  kind: tiered\n  amounts: { E07000219: 400000, E07000218: 100000 }\n",
    );
    expect(errorOf(tiered)).toMatch(
      /test\.yaml:7: rule\.amounts: the tiered amounts sum to £500,000 but the pot is £800,000/,
    );
    const pace = VALID.replace(
      "kind: need-weighted",
      "kind: pace-of-change\n  minimumGrowth: 0\n  targetTolerance: 0.05",
    );
    expect(errorOf(pace)).toMatch(/test\.yaml:6: rule: a pace-of-change rule needs a baseline/);
  });
});

describe("reading the scenarios folder", () => {
  it("reports repeated ids, unknown baselines and cycles, each with its file", () => {
    const sources = sourcesFolder();
    const scenario = (id: string, baseline: string) =>
      `id: ${id}\ntitle: Scenario ${id}\npot: 100\nrecipients: { districts: E10000001 }\nbaseline: ${baseline}\nrule: { kind: equal }\n`;
    writeScenario(sources, "a.yaml", scenario("a", "b"));
    writeScenario(sources, "b.yaml", scenario("b", "a"));
    writeScenario(sources, "c.yaml", scenario("c", "nowhere"));
    writeScenario(sources, "d.yaml", scenario("c", "a"));
    let message = "";
    try {
      readScenarios(scenariosDir(sources));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/d\.yaml: id "c" is already used by .*c\.yaml/);
    expect(message).toMatch(/c\.yaml: baseline "nowhere" is not a scenario/);
    expect(message).toMatch(/a\.yaml: baselines form a cycle: a → b → a/);
    expect(message).toMatch(/b\.yaml: baselines form a cycle: b → a → b/);
  });

  it("is empty when the folder does not exist", () => {
    expect(readScenarios(path.join(sourcesFolder(), "scenarios"))).toEqual([]);
  });

  it("validates every built-in scenario, including the 2008/09 split as directed", () => {
    const scenarios = readScenarios(path.join(PROJECT_ROOT, "sources", "scenarios"));
    const ids = scenarios.map((scenario) => scenario.id);
    for (const id of [
      "abg-2008-09",
      "districts-equal",
      "districts-per-head",
      "districts-income-deprived",
      "districts-extent",
      "districts-population-x-score",
      "districts-income-deprived-floor",
      "localities-equal",
      "localities-per-head",
      "localities-income-deprived",
      "localities-income-deprived-floor",
    ]) {
      expect(ids).toContain(id);
    }
    const abg = scenarios.find((scenario) => scenario.id === "abg-2008-09")!;
    expect(abg.rule).toEqual({
      kind: "tiered",
      amounts: {
        E07000218: 100000,
        E07000219: 400000,
        E07000220: 100000,
        E07000221: 100000,
        E07000222: 100000,
      },
    });
    expect(abg.pot).toBe(800000);
    for (const scenario of scenarios.filter((s) => s.id.startsWith("districts-"))) {
      expect(scenario.baseline, scenario.id).toBe("abg-2008-09");
      expect(scenario.pot, scenario.id).toBe(800000);
    }
  });
});
