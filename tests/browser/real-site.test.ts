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

  it("has text with WCAG AA contrast on every page type, and prints without navigation but with data tables", async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    for (const sitePath of [
      "index.html",
      "areas/wcc-l05.html",
      "areas/e07000219.html",
      "indicators.html",
      "sources.html",
    ]) {
      await open(page, sitePath);
      const low = await page.evaluate(lowContrastTexts);
      failures.push(...low.map((text) => `${sitePath}: ${text}`));
    }
    expect(failures).toEqual([]);
    await page.emulateMedia({ media: "print" });
    await open(page, "areas/wcc-l05.html");
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.locator(".downloads").isVisible()).toBe(false);
    expect(await page.locator("details.chart-data table").first().isVisible()).toBe(true);
    await page.close();
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
    // The details element's toggle event (which moves focus to the filter) is dispatched as a separate task.
    await page.waitForFunction(() => document.activeElement?.className === "picker-filter", undefined, {
      timeout: 2000,
    });
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

/**
 * Runs in the page: every element with its own visible text (outside SVG) whose text colour has less than
 * WCAG AA contrast with its background (4.5:1, or 3:1 for large text), as "text (ratio)".
 */
function lowContrastTexts(): string[] {
  const parse = (colour: string) => {
    const [r = 0, g = 0, b = 0, a = 1] = (/rgba?\(([^)]+)\)/.exec(colour)?.[1] ?? "0,0,0,0")
      .split(",")
      .map(Number);
    return { r, g, b, a };
  };
  const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
    const channel = (value: number) => {
      const v = value / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element: Element | null) => {
    for (let current = element; current; current = current.parentElement) {
      const colour = parse(getComputedStyle(current).backgroundColor);
      if (colour.a > 0.5) return colour;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const low: string[] = [];
  for (const element of document.body.querySelectorAll("*")) {
    if (element.closest("svg") || element.getClientRects().length === 0) continue;
    const ownText = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim());
    if (!ownText) continue;
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.clip === "rect(0px, 0px, 0px, 0px)") continue;
    const text = luminance(parse(style.color));
    const back = luminance(background(element));
    const ratio = (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05);
    const size = Number.parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5))
      low.push(`${element.textContent?.trim().slice(0, 40)} (${ratio.toFixed(2)})`);
  }
  return low;
}
