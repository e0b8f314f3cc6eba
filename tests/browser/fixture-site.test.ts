import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Warehouse } from "../../pipelines/warehouse/warehouse.ts";
import {
  EVIL_NAME,
  fixtureWarehouse,
  type SiteFixture,
  siteFixture,
} from "../pipelines/site/site-fixture.ts";
import { chromiumSkipReason, launchChromium, watchPage } from "./browser.ts";

if (chromiumSkipReason) console.log(`browser tests skipped: ${chromiumSkipReason}`);

const PROFILE = `---
title: \${area.name}
for: locality
path: localities/\${area.code}.html
---

Locality \${area.name}.

\`\`\`sql everyone
SELECT a.name, o.value FROM observation o JOIN area a ON a.code = o.area_code AND a.type = 'locality' ORDER BY a.code
\`\`\`

\`\`\`js
fakeChart(everyone, { title: \`Rates near \${area.name}\` })
\`\`\`

\`\`\`js
table(everyone)
\`\`\`
`;

describe.skipIf(chromiumSkipReason !== "")("a site built from hostile data, in Chromium", () => {
  let browser: Browser;
  let fixture: SiteFixture;
  let warehouse: Warehouse;
  beforeAll(async () => {
    warehouse = await fixtureWarehouse();
    fixture = siteFixture({ "profile.md": PROFILE });
    await fixture.build(warehouse);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    warehouse?.close();
    fixture?.cleanup();
  });

  it("shows an area named <script>alert(1)</script> as text and runs no script from data", async () => {
    const page = await browser.newPage();
    const watched = watchPage(page);
    await page.goto(pathToFileURL(path.join(fixture.outDir, "localities", "l01.html")).href);
    expect(await page.locator("h1").textContent()).toBe(EVIL_NAME);
    expect(await page.locator("main p").first().textContent()).toContain(`Locality ${EVIL_NAME}.`);
    expect(await page.locator("table.data tbody th").first().textContent()).toBe(EVIL_NAME);
    expect(await page.locator("svg text").first().textContent()).toBe(EVIL_NAME);
    expect(await page.locator("script").count()).toBe(1);
    expect(watched.problems).toEqual([]);
    await page.close();
  });

  it("sorts a table from the keyboard", async () => {
    const page = await browser.newPage();
    const watched = watchPage(page);
    await page.goto(pathToFileURL(path.join(fixture.outDir, "localities", "l03.html")).href);
    const sortByValue = page.getByRole("button", { name: "Sort by value" });
    await sortByValue.focus();
    await page.keyboard.press("Enter");
    const visibleTable = page.locator("main > .table-wrap table");
    const header = visibleTable.locator("thead th").nth(1);
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    expect(await visibleTable.locator("tbody td.num").allTextContents()).toEqual(["7.25", "12.5"]);
    await page.keyboard.press("Enter");
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    expect(await visibleTable.locator("tbody td.num").allTextContents()).toEqual(["12.5", "7.25"]);
    expect(watched.problems).toEqual([]);
    await page.close();
  });
});
