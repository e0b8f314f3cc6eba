/**
 * Delivery plan definitions (sources/plans/*.yaml): the shipped plans validate against the sources folder;
 * mistakes are reported with file and line, each unknown indicator, target or scenario at its own line;
 * defaults are filled in; `ntg check` runs the plan check.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SchemaError } from "../../../models/errors.ts";
import { findPlan, knownIds, readPlans } from "../../../pipelines/publish/packs/read-plans.ts";
import { CONFIGURATION_CHECKS } from "../../../pipelines/run/configuration-checks.ts";
import { SOURCES, shippedPlans } from "./pack-fixture.ts";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function planFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(tmpdir(), "ntg-plans-"));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

const VALID = `title: A test plan
theme: children and young people
focus:
  level: locality
  within: E07000219
indicators: [iod2019-idaci-rate]
`;

function problems(folder: string): string {
  try {
    readPlans(folder, knownIds(SOURCES));
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaError);
    return (error as SchemaError).message;
  }
  throw new Error("expected a SchemaError");
}

describe("delivery plans", () => {
  it("ships several valid plans, one per kind of focus", () => {
    const plans = shippedPlans();
    expect(plans.map((plan) => plan.id)).toEqual([
      "brunswick-and-crown",
      "children-in-poverty-county",
      "healthier-communities-nuneaton-bedworth",
    ]);
    expect(new Set(plans.map((plan) => plan.focus.level))).toEqual(new Set(["priority", "locality"]));
    expect(findPlan(plans, "brunswick-and-crown").focus.areas).toEqual(["WCC-P01"]);
    expect(() => findPlan(plans, "nope")).toThrow(/no delivery plan "nope"[\s\S]*/);
  });

  it("fills in the defaults", () => {
    const [plan] = readPlans(planFolder({ "test-plan.yaml": VALID }), knownIds(SOURCES));
    expect(plan).toMatchObject({
      id: "test-plan",
      targets: [],
      scenarios: [],
      deprivation: { edition: 2019 },
      disclosure: { threshold: 5, marker: "*" },
    });
    expect(plan!.smallAreas).toBeUndefined();
  });

  it("reports unknown ids, themes and focus mistakes with file and line", () => {
    const folder = planFolder({
      "bad.yaml": `title: Bad plan
theme: health
focus:
  level: locality
  areas: [WCC-L01]
  within: E07000219
indicators:
  - iod2019-idaci-rate
  - no-such-indicator
targets: [no-such-target]
scenarios: [no-such-scenario]
disclosure: { threshold: -1 }
`,
    });
    const message = problems(folder);
    expect(message).toMatch(/bad\.yaml:2: theme: /);
    expect(message).toMatch(/bad\.yaml:4: focus: give either areas/);
    expect(message).toMatch(/bad\.yaml:9: indicators\.1: unknown indicator .*"no-such-indicator"/);
    expect(message).toMatch(/bad\.yaml:10: targets\.0: unknown targets indicator .*"no-such-target"/);
    expect(message).toMatch(/bad\.yaml:11: scenarios\.0: unknown allocation scenario .*"no-such-scenario"/);
    expect(message).toMatch(/bad\.yaml:12: disclosure\.threshold: /);
  });

  it("rejects unknown keys and file names that are not plan ids", () => {
    expect(problems(planFolder({ "ok.yaml": `${VALID}colour: blue\n` }))).toMatch(/ok\.yaml:1: .*colour/);
    expect(problems(planFolder({ "Bad Name.yaml": VALID }))).toMatch(/file name must be a plan id/);
  });

  it("is one of the configuration checks run by ntg check and ntg run", () => {
    const check = CONFIGURATION_CHECKS.find((entry) => entry.name === "delivery plans");
    expect(check?.check(SOURCES)).toBe(3);
  });
});
