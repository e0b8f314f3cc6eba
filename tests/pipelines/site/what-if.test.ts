/**
 * The what-if page: the allocation models bundled for the browser (one classic script that computes
 * exactly what the models compute in Node), the page built from a tiny warehouse (scenario inputs embedded,
 * server-rendered tables from `allocate`, hostile names as text), and on the real warehouse the page's
 * tables against the stored `allocation` rows.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AllocationRule, allocate, type Recipient } from "../../../models/allocation/index.ts";
import { ALLOCATION_TABLES_SQL } from "../../../pipelines/allocation/allocation-tables.ts";
import { PROJECT_ROOT } from "../../../pipelines/config/project-config.ts";
import { BROWSER_MODELS_ASSET, browserModelsScript } from "../../../pipelines/publish/site/browser-models.ts";
import { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { EVIL_NAME, fixtureWarehouse, QUOTED_NAME, type SiteFixture, siteFixture } from "./site-fixture.ts";

type Allocate = typeof allocate;

/** Runs the bundle as a browser would run a classic script, in a fresh global; returns its `allocate`. */
function bundledAllocate(script: string): Allocate {
  const context = vm.createContext({});
  vm.runInContext(script, context);
  return (context as { ntgModels: { allocate: Allocate } }).ntgModels.allocate;
}

/** The outcome of an allocation as comparable text: the result, or the error's name, message and hint. */
function outcome(run: Allocate, pot: number, recipients: Recipient[], rule: AllocationRule): string {
  try {
    return JSON.stringify(run(pot, recipients, rule));
  } catch (error) {
    const { name, message, hint } = error as { name: string; message: string; hint?: string };
    return JSON.stringify({ name, message, hint });
  }
}

const whatIfCase = fc.record({
  populations: fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 2, maxLength: 23 }),
  rates: fc.array(fc.double({ min: 0, max: 0.6, noNaN: true }), { minLength: 23, maxLength: 23 }),
  weights: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
  pot: fc.integer({ min: 1, max: 200_000_000 }).map((pence) => pence / 100),
  floorFraction: fc.double({ min: 0, max: 1.5, noNaN: true }),
  unit: fc.constantFrom(0.01, 1, 10, 1000),
});

describe("the allocation models bundled for the browser", () => {
  let script: string;
  let firstSeconds: number;
  beforeAll(async () => {
    const started = performance.now();
    script = await browserModelsScript();
    firstSeconds = (performance.now() - started) / 1000;
  });

  it("is one classic script (no import or export) that defines window.ntgModels, bundled well under a second and then cached", async () => {
    console.log(`browser models bundle: ${script.length} characters in ${firstSeconds.toFixed(3)} s`);
    expect(firstSeconds).toBeLessThan(1);
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    expect(script).toMatch(/^var ntgModels = \(\(\) => \{/m);
    const started = performance.now();
    expect(await browserModelsScript()).toBe(script);
    expect(performance.now() - started).toBeLessThan(50);
    expect(BROWSER_MODELS_ASSET).toBe("assets/models.js");
  });

  it("computes exactly what allocate computes in Node, error messages included (fast-check, seed 7)", () => {
    const browserAllocate = bundledAllocate(script);
    fc.assert(
      fc.property(whatIfCase, ({ populations, rates, weights, pot, floorFraction, unit }) => {
        const recipients: Recipient[] = populations.map((population, i) => ({
          code: `R${String(i).padStart(2, "0")}`,
          name: i === 0 ? EVIL_NAME : `Recipient ${i}`,
          population,
          deprivedPopulation: Math.round(population * rates[i]!),
          need: { "income-deprived-people": Math.round(population * rates[i]!), extent: rates[i]! / 2 },
          baseline: Math.round(pot / populations.length),
        }));
        const measures = [
          { measure: "income-deprived-people", weight: weights[0], basis: "count" as const },
          { measure: "extent", weight: weights[1], basis: "per-head" as const },
        ];
        const floor = Math.round((pot * floorFraction) / populations.length / unit) * unit;
        const rules: AllocationRule[] = [
          { kind: "need-weighted", measures, roundingUnit: unit },
          { kind: "need-weighted-with-floors", measures, roundingUnit: unit, floor },
          { kind: "per-head", roundingUnit: unit },
        ];
        for (const rule of rules) {
          expect(outcome(browserAllocate, pot, recipients, rule)).toBe(
            outcome(allocate, pot, recipients, rule),
          );
        }
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it("keeps the model's error class and its message naming the shortfall of an unaffordable floor", () => {
    const recipients: Recipient[] = [
      { code: "A", name: "a", population: 100, deprivedPopulation: 10 },
      { code: "B", name: "b", population: 100, deprivedPopulation: 30 },
    ];
    const rule: AllocationRule = {
      kind: "need-weighted-with-floors",
      measures: [{ measure: "deprivedPopulation" }],
      floor: 600,
    };
    const text = outcome(bundledAllocate(script), 1000, recipients, rule);
    expect(JSON.parse(text)).toMatchObject({
      name: "ModelInputError",
      hint: "lower the floors or raise the pot",
    });
    expect(text).toContain("a shortfall of £200.00");
    expect(text).toBe(outcome(allocate, 1000, recipients, rule));
  });
});

const STUB = (title: string) => `---\ntitle: ${title}\n---\n\nStub page for links.\n`;

const HOSTILE_TITLE = `Floors for <b>"all"</b> & more`;

function fixtureScenarios() {
  const measures = [
    {
      name: "income-deprived-people",
      label: "income-deprived people",
      basis: "count",
      definition: "a count",
    },
    { name: "extent", label: "IMD extent", basis: "per-head", definition: "a <i>share</i>" },
    { name: "population", label: "population", basis: "count", definition: "people" },
  ];
  const localities: Recipient[] = [
    ["L01", EVIL_NAME, 1200, 300, 0.4, 3000],
    ["L02", QUOTED_NAME, 800, 90, 0.1, 3000],
    ["L03", "Beta Town", 2000, 150, 0, 4000],
  ].map(([code, name, population, deprived, extent, baseline]) => ({
    code: code as string,
    name: name as string,
    population: population as number,
    deprivedPopulation: deprived as number,
    need: { "income-deprived-people": deprived as number, extent: extent as number },
    baseline: baseline as number,
  }));
  const districts: Recipient[] = [
    { code: "E07000001", name: "District One", population: 2000, deprivedPopulation: 390, need: {} },
    { code: "E07000002", name: "District Two", population: 2000, deprivedPopulation: 150, need: {} },
  ];
  const floorRule: AllocationRule = {
    kind: "need-weighted-with-floors",
    measures: [{ measure: "income-deprived-people", weight: 1, basis: "count" }],
    roundingUnit: 0.01,
    floor: 1500,
  };
  const tieredRule: AllocationRule = {
    kind: "tiered",
    amounts: { E07000001: 6000, E07000002: 4000 },
    roundingUnit: 1000,
  };
  return [
    {
      id: "districts-tiered",
      title: "Tiered",
      recipients: "districts of E10000001",
      rule: tieredRule,
      people: districts,
    },
    {
      id: "localities-floor",
      title: HOSTILE_TITLE,
      recipients: "localities of E10000001",
      rule: floorRule,
      people: localities,
    },
  ].map((scenario) => ({ ...scenario, pot: 10000, measures }));
}

async function warehouseWithScenarios(): Promise<Warehouse> {
  const warehouse = await fixtureWarehouse();
  await warehouse.run(ALLOCATION_TABLES_SQL);
  for (const scenario of fixtureScenarios()) {
    const inputs = {
      pot: scenario.pot,
      rule: scenario.rule,
      recipients: scenario.people,
      measures: scenario.measures,
    };
    await warehouse.run(
      `INSERT INTO allocation_scenario (scenario_id, title, recipients, rule, rule_kind, population, pot, rounding_unit, inputs_json)
       VALUES ($1, $2, $3, $4, $5, 'mid-2015', $6, 1, $7)`,
      [
        scenario.id,
        scenario.title,
        scenario.recipients,
        `${scenario.rule.kind} <rule>`,
        scenario.rule.kind,
        scenario.pot,
        JSON.stringify(inputs),
      ],
    );
  }
  return warehouse;
}

function amountsIn(details: Element): number[] {
  return [...details.querySelectorAll("tbody tr")].map((row) =>
    Number(row.querySelectorAll("td")[0]!.getAttribute("data-value")),
  );
}

describe("the what-if page built from a tiny warehouse", () => {
  let fixture: SiteFixture;
  let warehouse: Warehouse;
  let markup: string;
  let document: Document;
  beforeAll(async () => {
    warehouse = await warehouseWithScenarios();
    fixture = siteFixture({
      "what-if.md": readFileSync(path.join(PROJECT_ROOT, "notebooks", "what-if.md"), "utf8"),
      "methods.md": STUB("Methods"),
      "allocations.md": STUB("Allocations"),
    });
    await fixture.build(warehouse);
    markup = fixture.read("what-if.html");
    document = parseHTML(markup).document as unknown as Document;
  });
  afterAll(() => {
    warehouse?.close();
    fixture?.cleanup();
  });

  it("writes the bundle and the page's scripts, loaded in order as classic scripts", () => {
    for (const asset of [
      BROWSER_MODELS_ASSET,
      "assets/what-if.js",
      "assets/what-if-view.js",
      "assets/what-if.css",
    ]) {
      expect(existsSync(path.join(fixture.outDir, ...asset.split("/"))), asset).toBe(true);
    }
    const scripts = [...document.querySelectorAll("script")].map((script) => script.getAttribute("src"));
    expect(scripts).toEqual([
      "assets/site.js",
      "assets/models.js",
      "assets/what-if-view.js",
      "assets/what-if.js",
    ]);
    expect(document.querySelectorAll('script[type="module"]')).toHaveLength(0);
    expect(document.querySelector('link[href="assets/what-if.css"]')).not.toBeNull();
    expect(document.querySelector(".site-menu a[aria-current=page]")?.textContent).toBe("What if");
  });

  it("embeds each scenario's exact inputs in the page, and says what to do without JavaScript", () => {
    const embedded = JSON.parse(document.getElementById("what-if")!.getAttribute("data-scenarios")!);
    const scenarios = fixtureScenarios();
    expect(embedded.map((scenario: { id: string }) => scenario.id)).toEqual(
      scenarios.map((scenario) => scenario.id),
    );
    embedded.forEach(
      (scenario: { pot: number; rule: unknown; recipients: unknown; title: string }, index: number) => {
        expect(scenario.pot).toBe(scenarios[index]!.pot);
        expect(scenario.rule).toEqual(scenarios[index]!.rule);
        expect(scenario.recipients).toEqual(scenarios[index]!.people);
        expect(scenario.title).toBe(scenarios[index]!.title);
      },
    );
    expect(document.querySelector(".what-if-fallback")?.textContent).toMatch(/needs JavaScript/);
  });

  it("renders every scenario as a table computed by allocate in Node, its total exact", () => {
    for (const scenario of fixtureScenarios()) {
      const details = document.getElementById(`scenario-${scenario.id}`)!;
      const expected = allocate(scenario.pot, scenario.people, scenario.rule).rows.map((row) => row.amount);
      expect(amountsIn(details)).toEqual(expected);
      expect(details.querySelector(".table-note")?.textContent).toContain(
        "Total £10,000.00 — the pot of £10,000.00, exactly.",
      );
    }
    const tiered = document.getElementById("scenario-districts-tiered")!;
    expect([...tiered.querySelectorAll("thead th")].map((th) => th.textContent)).not.toContain(
      "Baseline (£)",
    );
    expect(tiered.hasAttribute("open")).toBe(true);
  });

  it("shows hostile names and titles as text, in the tables and in the embedded inputs", () => {
    expect(markup).not.toContain(EVIL_NAME);
    expect(markup).not.toContain("<b>");
    expect(markup).not.toContain("<i>share");
    const floors = document.getElementById("scenario-localities-floor")!;
    expect(floors.querySelector("summary")?.textContent).toContain(HOSTILE_TITLE);
    expect([...floors.querySelectorAll("tbody th")].map((th) => th.textContent)).toEqual([
      EVIL_NAME,
      QUOTED_NAME,
      "Beta Town",
    ]);
  });
});

const realDist = inject("realDist");

describe.skipIf(!realDist)("the what-if page of the real site", () => {
  if (!realDist) console.log(`real what-if page test skipped: ${inject("realDataSkipReason")}`);

  it("shows, for every built-in scenario, exactly the stored allocation, and embeds inputs that reproduce it", async () => {
    const document = parseHTML(readFileSync(path.join(realDist, "site", "what-if.html"), "utf8"))
      .document as unknown as Document;
    const embedded = JSON.parse(document.getElementById("what-if")!.getAttribute("data-scenarios")!) as {
      id: string;
      pot: number;
      rule: AllocationRule;
      recipients: Recipient[];
    }[];
    const warehouse = await Warehouse.open(path.join(realDist, "warehouse.duckdb"), { readOnly: true });
    try {
      const stored = await warehouse.rows<{ scenario_id: string; amount: number }>(
        "SELECT scenario_id, amount FROM allocation ORDER BY scenario_id, position",
      );
      const ids = [...new Set(stored.map((row) => row.scenario_id))];
      expect(embedded.map((scenario) => scenario.id).sort()).toEqual(ids.sort());
      expect(ids.length).toBeGreaterThanOrEqual(15);
      for (const scenario of embedded) {
        const amounts = stored.filter((row) => row.scenario_id === scenario.id).map((row) => row.amount);
        expect(amountsIn(document.getElementById(`scenario-${scenario.id}`)!), scenario.id).toEqual(amounts);
        expect(
          allocate(scenario.pot, scenario.recipients, scenario.rule).rows.map((row) => row.amount),
        ).toEqual(amounts);
      }
    } finally {
      warehouse.close();
    }
  });
});
