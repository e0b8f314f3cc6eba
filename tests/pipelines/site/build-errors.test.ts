// biome-ignore-all lint/suspicious/noTemplateCurlyInString: notebooks are written with ${…} placeholders
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { fixtureWarehouse, type SiteFixture, siteFixture } from "./site-fixture.ts";

const page = (body: string, frontMatter = "title: Test") => `---\n${frontMatter}\n---\n\n${body}\n`;

describe("site build errors", () => {
  let fixture: SiteFixture;
  let warehouse: Warehouse;
  beforeEach(async () => {
    warehouse = await fixtureWarehouse();
  });
  afterEach(() => {
    warehouse.close();
    fixture?.cleanup();
  });

  it("names the notebook, line and page of a failing sql cell", async () => {
    fixture = siteFixture({ "broken.md": page("Text.\n\n```sql rows\nSELECT * FROM no_such_table\n```") });
    await expect(fixture.build(warehouse)).rejects.toThrow(
      /notebooks\/broken\.md:7 \(page broken\.html\): sql failed: Catalog Error: Table with name no_such_table does not exist/,
    );
  });

  it("names an unknown variable in a js cell and says what is in scope", async () => {
    fixture = siteFixture({ "broken.md": page("```js\nnoSuchThing.length\n```") });
    const error = await fixture.build(warehouse).catch((caught) => caught);
    expect(error.message).toMatch(
      /notebooks\/broken\.md:5 \(page broken\.html\): ReferenceError: noSuchThing is not defined/,
    );
    expect(error.hint).toMatch(/Names in scope/);
  });

  it("refuses a template value pasted inside quotes in SQL", async () => {
    fixture = siteFixture({
      "quoted.md": page(
        "```sql rows\nSELECT * FROM area WHERE code = '${area.code}'\n```",
        "title: x\nfor: locality\npath: q/${area.code}.html",
      ),
    });
    await expect(fixture.build(warehouse)).rejects.toThrow(/\$\{area\.code\} is inside a quoted SQL string/);
  });

  it("refuses a chart whose SVG could run script", async () => {
    fixture = siteFixture({ "unsafe.md": page("```js\nunsafeChart()\n```") });
    await expect(fixture.build(warehouse)).rejects.toThrow(
      /a chart's SVG contains markup that could run script/,
    );
  });

  it("fails on a broken internal link and keeps the previous site", async () => {
    fixture = siteFixture({ "index.md": page("[Home](/index.html)") });
    await fixture.build(warehouse);
    const before = readFileSync(path.join(fixture.outDir, "index.html"), "utf8");
    fixture.write({ "index.md": page("Changed. [Gone](/gone.html) and [anchor](#nowhere)") });
    const error = await fixture.build(warehouse).catch((caught) => caught);
    expect(error.message).toMatch(
      /2 broken internal links:\n {2}index\.html: gone\.html \(no such file in the site\)\n {2}index\.html: #nowhere \(no element with id "nowhere"\)/,
    );
    expect(readFileSync(path.join(fixture.outDir, "index.html"), "utf8")).toBe(before);
    expect(readdirSync(path.dirname(fixture.outDir))).toEqual(["site"]);
  });

  it("rejects invalid front matter with the file and line", async () => {
    fixture = siteFixture({ "bad.md": "---\ntitle: Bad\ncolour: blue\n---\nText\n" });
    await expect(fixture.build(warehouse)).rejects.toThrow(
      /notebooks\/bad\.md:\d+: \(top level\): Unrecognized key: "colour"/,
    );
  });

  it("needs a path pattern for a template, and refuses two pages at one path", async () => {
    fixture = siteFixture({ "t.md": page("x", "title: x\nfor: district") });
    await expect(fixture.build(warehouse)).rejects.toThrow(
      /notebooks\/t\.md: a template \(for:\) needs a path pattern/,
    );
    fixture.write({ "t.md": page("x", "title: x\nfor: district\npath: same.html") });
    await expect(fixture.build(warehouse)).rejects.toThrow(/two pages would be written to same\.html/);
  });

  it("removes a stray build folder left by a killed build", async () => {
    fixture = siteFixture({ "index.md": page("Hello.") });
    const stray = `${fixture.outDir}.building-999999999-1`;
    await fixture.build(warehouse);
    writeFileSync(path.join(path.dirname(fixture.outDir), "unrelated.txt"), "keep");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(stray);
    await fixture.build(warehouse);
    expect(existsSync(stray)).toBe(false);
    expect(existsSync(path.join(path.dirname(fixture.outDir), "unrelated.txt"))).toBe(true);
  });
});
