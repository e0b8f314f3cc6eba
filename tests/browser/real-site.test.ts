/**
 * The site built by `ntg run` on the real data (tests/global-setup.ts builds it once per test run): every
 * page opens from file:// with no console errors, failed or network requests; every chart has its SVG,
 * title, description and data table; internal links resolve; keyboard focus works; and a screenshot of each
 * page type is saved in scratch/ to be looked at.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "../../pipelines/config/project-config.ts";
import { chromiumSkipReason, launchChromium, watchPage } from "./browser.ts";

const dist = process.env.NTG_SITE_TEST_DIST || inject("realDist");
const site = dist ? path.join(dist, "site") : "";
const skipReason = chromiumSkipReason || (dist ? "" : `no real warehouse: ${inject("realDataSkipReason")}`);
if (skipReason) console.log(`real-site browser tests skipped: ${skipReason}`);

const SCREENSHOTS = path.join(PROJECT_ROOT, "scratch", "browser");

function htmlFiles(folder: string, prefix = ""): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory())
      return name === "data" || name === "assets" ? [] : htmlFiles(full, `${prefix}${name}/`);
    return name.endsWith(".html") ? [`${prefix}${name}`] : [];
  });
}

async function open(page: Page, sitePath: string): Promise<void> {
  await page.goto(pathToFileURL(path.join(site, ...sitePath.split("/"))).href, { waitUntil: "load" });
}

describe.skipIf(skipReason !== "")("the real site in Chromium, from file://", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("has the page types the issue asks for: 23 localities, 5 districts, one page per indicator", () => {
    const pages = htmlFiles(site);
    const areas = pages.filter((page) => page.startsWith("areas/"));
    expect(areas.filter((page) => /^areas\/wcc-l\d\d\.html$/.test(page))).toHaveLength(23);
    expect(areas.filter((page) => /^areas\/e07\d+\.html$/.test(page))).toHaveLength(5);
    expect(pages.filter((page) => page.startsWith("indicators/")).length).toBeGreaterThan(60);
    for (const page of [
      "index.html",
      "areas.html",
      "indicators.html",
      "deprivation.html",
      "sources.html",
      "methods.html",
    ]) {
      expect(pages, page).toContain(page);
    }
  });

  it("opens every page with no errors, and every chart has its SVG, title, description and data table", async () => {
    const page = await browser.newPage();
    const watched = watchPage(page);
    const problems: string[] = [];
    for (const sitePath of htmlFiles(site)) {
      watched.problems.length = 0;
      await open(page, sitePath);
      const charts = await page.locator("figure.chart").evaluateAll((figures) =>
        figures.map((figure) => ({
          svg: figure.querySelector(".chart-svg svg[role='img'] > title")?.textContent?.trim() ?? "",
          caption: figure.querySelector("figcaption")?.textContent?.trim() ?? "",
          description: figure.querySelector(".chart-description")?.textContent?.trim() ?? "",
          table: figure.querySelector("details.chart-data table, p.chart-data") !== null,
        })),
      );
      charts.forEach((chart, index) => {
        if (!chart.svg || !chart.caption || !chart.description || !chart.table) {
          problems.push(`${sitePath} chart ${index + 1}: ${JSON.stringify(chart)}`);
        }
      });
      const links = await page
        .locator("a[href], link[href], script[src]")
        .evaluateAll((elements) =>
          elements.map(
            (element) => (element as HTMLAnchorElement).href || (element as HTMLScriptElement).src,
          ),
        );
      for (const link of links.filter((href) => href.startsWith("file://"))) {
        const file = fileURLToPath(link.split("#")[0]!);
        if (!existsSync(file)) problems.push(`${sitePath}: broken link ${link}`);
      }
      problems.push(...watched.problems.map((problem) => `${sitePath}: ${problem}`));
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 300_000);

  it("saves a screenshot of each page type in scratch/browser", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const shots: Record<string, string> = {
      overview: "index.html",
      locality: "areas/wcc-l05.html",
      district: "areas/e07000219.html",
      indicator:
        htmlFiles(site).find(
          (file) => file === "indicators/census-households-deprived-1-or-more-dimensions.html",
        ) ?? "indicators.html",
      indicators: "indicators.html",
      areas: "areas.html",
      deprivation: "deprivation.html",
      sources: "sources.html",
      methods: "methods.html",
    };
    for (const [name, sitePath] of Object.entries(shots)) {
      await open(page, sitePath);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-full.png`), fullPage: true });
    }
    await page.emulateMedia({ media: "print" });
    await open(page, "areas/wcc-l05.html");
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, "locality-print.png"), fullPage: false });
    await page.close();
    expect(readdirSync(SCREENSHOTS).filter((file) => file.endsWith(".png")).length).toBeGreaterThanOrEqual(
      19,
    );
  });

  it("works from the keyboard: skip link, area picker with filter, focus always visible", async () => {
    const page = await browser.newPage();
    const watched = watchPage(page);
    await open(page, "index.html");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).top)).not.toBe("-64px");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.locator(".area-picker summary").focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("picker-filter");
    await page.keyboard.type("kenil");
    const visible = await page.locator(".area-picker li:not([hidden])").allTextContents();
    expect(visible).toEqual(["Kenilworth"]);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Kenilworth");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe("solid");
    await page.keyboard.press("Escape");
    expect(await page.locator(".area-picker").getAttribute("open")).toBeNull();
    expect(watched.problems).toEqual([]);
    await page.close();
  });
});
