/**
 * The what-if page of the real site in Chromium, opened from file://: after moving a slider (from the
 * keyboard) the page shows exactly what `allocate` computes in Node for the same inputs, to the penny;
 * totals stay exact; an unaffordable floor shows the model's own error text; nothing is fetched and
 * nothing is logged as an error; without JavaScript the built-in scenarios are still there as tables.
 * Screenshots go to scratch/browser/what-if*.png to be looked at.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type AllocationRule, allocate, type Recipient } from "../../models/allocation/index.ts";
import { PROJECT_ROOT } from "../../pipelines/config/project-config.ts";
import { Warehouse } from "../../pipelines/warehouse/warehouse.ts";
import { chromiumSkipReason, launchChromium, type PageProblems, watchPage } from "./browser.ts";

const dist = process.env.NTG_SITE_TEST_DIST || inject("realDist");
const skipReason = chromiumSkipReason || (dist ? "" : `no real warehouse: ${inject("realDataSkipReason")}`);
if (skipReason) console.log(`what-if browser tests skipped: ${skipReason}`);

const SCREENSHOTS = path.join(PROJECT_ROOT, "scratch", "browser");
const START = "districts-income-deprived-floor";

interface ScenarioInputs {
  pot: number;
  rule: AllocationRule;
  recipients: Recipient[];
}

/** What the page shows in its results table: per recipient code, the exact values in data-value. */
async function shownRows(page: Page) {
  return page.locator("#what-if-results tbody tr").evaluateAll((rows) =>
    rows.map((row) => ({
      code: row.getAttribute("data-code"),
      values: [...row.querySelectorAll("td")].map((cell) => {
        const value = cell.getAttribute("data-value");
        return value === null ? null : Number(value);
      }),
    })),
  );
}

/** The same table computed in Node: amount, share, £ per head, £ per deprived person, baseline, change. */
function expectedRows(pot: number, recipients: Recipient[], rule: AllocationRule) {
  return allocate(pot, recipients, rule).rows.map((row, index) => ({
    code: row.code,
    values: [
      row.amount,
      row.share,
      row.perHead,
      row.perDeprivedPerson,
      recipients[index]!.baseline ?? null,
      row.changeFromBaseline,
    ],
  }));
}

async function pagePence(page: Page): Promise<number> {
  const rows = await shownRows(page);
  return rows.reduce((total, row) => total + Math.round(row.values[0]! * 100), 0);
}

async function activeId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? "");
}

describe.skipIf(skipReason !== "")("the what-if page in Chromium, from file://", () => {
  let browser: Browser;
  let scenarios: Map<string, ScenarioInputs>;
  const url = () => pathToFileURL(path.join(dist, "site", "what-if.html")).href;

  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const warehouse = await Warehouse.open(path.join(dist, "warehouse.duckdb"), { readOnly: true });
    try {
      const rows = await warehouse.rows<{ scenario_id: string; inputs_json: string }>(
        "SELECT scenario_id, inputs_json FROM allocation_scenario",
      );
      scenarios = new Map(
        rows.map((row) => [row.scenario_id, JSON.parse(row.inputs_json) as ScenarioInputs]),
      );
    } finally {
      warehouse.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openPage(): Promise<{ page: Page; watched: PageProblems }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const watched = watchPage(page);
    await page.goto(url(), { waitUntil: "load" });
    return { page, watched };
  }

  it("starts from a built-in scenario exactly as stored, then recomputes what Node computes after a slider moves from the keyboard", async () => {
    const { page, watched } = await openPage();
    const start = scenarios.get(START)!;
    expect(await page.locator(".what-if-fallback").count()).toBe(0);
    expect(await page.locator("#what-if-status").textContent()).toMatch(/exactly as defined/);
    expect(await shownRows(page)).toEqual(expectedRows(start.pot, start.recipients, start.rule));

    // Keyboard: from the scenario picker, Tab through reset, pot, floor and rounding to the weights.
    await page.locator("#what-if-scenario").focus();
    const order: string[] = [];
    for (let step = 0; step < 12 && (await activeId(page)) !== "what-if-weight-2-slider"; step++) {
      await page.keyboard.press("Tab");
      order.push(await activeId(page));
    }
    expect(order.slice(0, 6)).toEqual([
      "",
      "what-if-pot-slider",
      "what-if-pot",
      "what-if-floor-slider",
      "what-if-floor",
      "what-if-rounding",
    ]);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe("solid");
    expect(await page.locator("#what-if-weight-2-label").textContent()).toBe("Weight of IMD 2019 extent");
    for (let press = 0; press < 3; press++) await page.keyboard.press("ArrowRight");
    expect(await page.inputValue("#what-if-weight-2")).toBe("0.15");

    const rule: AllocationRule = {
      kind: "need-weighted-with-floors",
      measures: [
        { measure: "income-deprived-people", weight: 1, basis: "count" },
        { measure: "extent", weight: 0.15, basis: "per-head" },
      ],
      roundingUnit: 1,
      floor: 100000,
    };
    expect(JSON.parse((await page.locator("#what-if-results").getAttribute("data-rule"))!)).toEqual(rule);
    const shown = await shownRows(page);
    expect(shown).toEqual(expectedRows(800000, start.recipients, rule));
    expect(shown).not.toEqual(expectedRows(start.pot, start.recipients, start.rule));
    expect(await page.locator("#what-if-status").textContent()).toMatch(/^Your rule: need-weighted by/);
    expect(await page.locator(".what-if-bars rect.bar").count()).toBeGreaterThanOrEqual(5);
    await page.locator("#what-if").screenshot({ path: path.join(SCREENSHOTS, "what-if-calculator.png") });
    await page.screenshot({ path: path.join(SCREENSHOTS, "what-if.png") });
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it("keeps totals exact to the penny for an odd pot and every rounding unit, localities included", async () => {
    const { page, watched } = await openPage();
    await page.selectOption("#what-if-scenario", "localities-income-deprived");
    const localities = scenarios.get("localities-income-deprived")!;
    await page.fill("#what-if-pot", "812345.67");
    for (const unit of ["0.01", "1", "10", "100", "1000"]) {
      await page.selectOption("#what-if-rounding", unit);
      const rule = { ...localities.rule, roundingUnit: Number(unit) };
      expect(await shownRows(page), unit).toEqual(expectedRows(812345.67, localities.recipients, rule));
      expect(await pagePence(page), unit).toBe(81234567);
      expect(await page.locator("#what-if-results tfoot td").first().getAttribute("data-value")).toBe(
        "812345.67",
      );
    }
    expect(await page.locator("#what-if-results tbody tr").count()).toBe(23);
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it("shows the model's own error text for an unaffordable floor, and clears it when the floor is affordable again", async () => {
    const { page, watched } = await openPage();
    const start = scenarios.get(START)!;
    await page.fill("#what-if-floor", "170000");
    const rule = { ...(start.rule as object), floor: 170000 } as AllocationRule;
    let message = "";
    let hint = "";
    try {
      allocate(start.pot, start.recipients, rule);
    } catch (error) {
      message = (error as Error).message.replace(/^allocate \([^)]*\): /, "");
      hint = (error as { hint: string }).hint;
    }
    expect(message).toContain("a shortfall of £50,000.00");
    const error = page.locator("#what-if-error");
    expect(await error.getAttribute("aria-live")).toBe("assertive");
    expect(await error.textContent()).toBe(`This split cannot be made: ${message}. Hint: ${hint}.`);
    expect(await page.locator("#what-if-results").isHidden()).toBe(true);
    await page.locator("#what-if").screenshot({ path: path.join(SCREENSHOTS, "what-if-error.png") });
    await page.fill("#what-if-floor", "150000");
    expect(await error.textContent()).toBe("");
    expect(await pagePence(page)).toBe(80000000);
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it("changes scenario from the keyboard and resets a changed scenario to its definition", async () => {
    const { page, watched } = await openPage();
    await page.fill("#what-if-weight-1", "0.5");
    expect(await page.locator("#what-if-status").textContent()).toMatch(/^Your rule/);
    await page.locator(".what-if-reset").focus();
    await page.keyboard.press("Enter");
    expect(await page.locator("#what-if-status").textContent()).toMatch(/exactly as defined/);
    expect(await page.inputValue("#what-if-weight-1")).toBe("0");
    await page.locator("#what-if-scenario").focus();
    await page.keyboard.press("ArrowDown");
    const chosen = await page.inputValue("#what-if-scenario");
    expect(chosen).not.toBe(START);
    const inputs = scenarios.get(chosen)!;
    expect(await shownRows(page)).toEqual(expectedRows(inputs.pot, inputs.recipients, inputs.rule));
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it("without JavaScript shows every built-in scenario as a table and says the calculator needs JavaScript", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 1000 },
    });
    const page = await context.newPage();
    const watched = watchPage(page);
    await page.goto(url(), { waitUntil: "load" });
    expect(await page.locator(".what-if-fallback").isVisible()).toBe(true);
    expect(await page.locator("details.what-if-scenario").count()).toBe(scenarios.size);
    expect(await page.locator("details.what-if-scenario[open] table").first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "what-if-no-script.png") });
    expect(watched.problems).toEqual([]);
    await context.close();
  });
});
