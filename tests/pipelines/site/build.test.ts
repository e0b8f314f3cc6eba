// biome-ignore-all lint/suspicious/noTemplateCurlyInString: notebooks are written with ${…} placeholders
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Warehouse } from "../../../pipelines/warehouse/warehouse.ts";
import { EVIL_NAME, fixtureWarehouse, type SiteFixture, siteFixture } from "./site-fixture.ts";

const PROFILE = `---
title: \${area.name}
for: locality
path: localities/\${area.code}.html
---

Locality **\${area.name}** in \${area.district_name}.

\`\`\`sql values
SELECT area_code, value FROM observation WHERE area_code = \${area.code} AND indicator = 'test-rate'
\`\`\`

\`\`\`sql everyone
SELECT o.area_code, a.name, o.value, random() AS draw
FROM observation o JOIN area a ON a.code = o.area_code AND a.type = 'locality'
ORDER BY o.area_code
\`\`\`

\`\`\`js stamp once
Math.random()
\`\`\`

Shared draw \${everyone[0].draw} and once \${stamp}.

\`\`\`js
fakeChart(everyone.map((row) => ({ name: row.name, value: row.value })), { title: \`Rates near \${area.name}\` })
\`\`\`

\`\`\`js
table(everyone, { columns: ["name", "value"] })
\`\`\`
`;

const HOME = `---
title: Home of \${site.county.name}
menu: Home
order: 1
---

## About {#about}

See [the first locality](/localities/l01.html) and [methods](/methods.html#small-numbers).

\`\`\`sql
SELECT code, name FROM area WHERE type = 'district' ORDER BY code
\`\`\`
`;

const METHODS = `---
title: Methods
menu: Methods
order: 2
---

## Small numbers {#small-numbers}

Text.
`;

describe("building the site from notebooks", () => {
  let fixture: SiteFixture;
  let warehouse: Warehouse;
  beforeEach(async () => {
    warehouse = await fixtureWarehouse();
  });
  afterEach(() => {
    warehouse.close();
    fixture?.cleanup();
  });

  it("expands a template into one page per locality, at slugged paths, with a menu from front matter", async () => {
    fixture = siteFixture({ "index.md": HOME, "methods.md": METHODS, "profile.md": PROFILE });
    const result = await fixture.build(warehouse);
    expect(result.pages).toBe(5);
    expect(readdirSync(path.join(fixture.outDir, "localities")).sort()).toEqual([
      "l01.html",
      "l02.html",
      "l03.html",
    ]);
    const home = fixture.read("index.html");
    expect(home).toContain("<h1>Home of Testshire</h1>");
    expect(home).toMatch(
      /<nav class="site-menu"[^>]*><ul><li><a href="index.html" aria-current="page">Home<\/a><\/li><li><a href="methods.html">Methods<\/a>/,
    );
    expect(home).toContain('<a href="localities/l01.html">the first locality</a>');
    expect(home).toContain('<h2 id="about">About</h2>');
    expect(home).toMatch(/<th scope="row">E07000001<\/th><td>District One<\/td>/);
    const beta = fixture.read("localities/l03.html");
    expect(beta).toContain('<link rel="stylesheet" href="../assets/site.css">');
    expect(beta).toContain("<p>Locality <strong>Beta Town</strong> in District Two.</p>");
    expect(beta).toContain('<a href="../index.html">Home</a>');
  });

  it("escapes every value from data: an area named <script>alert(1)</script> is text everywhere", async () => {
    fixture = siteFixture({ "index.md": HOME, "methods.md": METHODS, "profile.md": PROFILE });
    await fixture.build(warehouse);
    const escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    for (const page of ["localities/l01.html", "localities/l02.html", "index.html"]) {
      const markup = fixture.read(page);
      expect(markup, page).not.toContain(EVIL_NAME);
      expect(markup.match(/<script\b[^>]*>/g), page).toEqual([
        `<script src="${page.includes("/") ? "../" : ""}assets/site.js" defer>`,
      ]);
    }
    const evil = fixture.read("localities/l01.html");
    expect(evil).toContain(`<title>${escaped} · Narrowing the gaps in Testshire</title>`);
    expect(evil).toContain(`<h1>${escaped}</h1>`);
    expect(evil).toContain(`Locality <strong>${escaped}</strong>`);
    expect(evil).toContain(`<text>${escaped}</text>`);
    expect(evil).toContain(`<th scope="row">${escaped}</th>`);
    expect(evil).toContain(`<a href="l01.html">${escaped}</a>`);
    const quoted = fixture.read("localities/l02.html");
    expect(quoted).toContain("<h1>O&#39;Brien &amp; &quot;Sons&quot;</h1>");
  });

  it("binds template values as SQL parameters, runs page-independent queries and once cells once", async () => {
    fixture = siteFixture({ "index.md": HOME, "methods.md": METHODS, "profile.md": PROFILE });
    await fixture.build(warehouse);
    const drawOf = (page: string) =>
      /Shared draw ([\d.e-]+) and once ([\d.e-]+)/.exec(fixture.read(page))!.slice(1);
    const [first, second, third] = ["l01", "l02", "l03"].map((code) => drawOf(`localities/${code}.html`));
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    // The page's own query found its own row (L02's name has a quote: a pasted value would break the SQL).
    expect(fixture.read("data/localities/l02/values.csv")).toBe("area_code,value\nL02,7.25\n");
  });

  it("offers each page's data as CSV and Parquet, one shared file for page-independent queries", async () => {
    fixture = siteFixture({ "index.md": HOME, "methods.md": METHODS, "profile.md": PROFILE });
    const result = await fixture.build(warehouse);
    const page = fixture.read("localities/l01.html");
    expect(page).toContain(
      'values</span> (1 row): <a href="../data/localities/l01/values.csv" download>CSV</a>',
    );
    expect(page).toContain('href="../data/profile/everyone.parquet" download>Parquet</a>');
    expect(page).toContain("for every page of this kind");
    const parquet = path.join(fixture.outDir, "data", "profile", "everyone.parquet");
    const rows = await warehouse.rows<{ n: number; names: string }>(
      `SELECT count(*)::INTEGER AS n, string_agg(name, '|' ORDER BY area_code) AS names FROM read_parquet('${parquet}')`,
    );
    expect(rows[0]).toEqual({ n: 3, names: `${EVIL_NAME}|O'Brien & "Sons"|Beta Town` });
    expect(fixture.read("data/profile/everyone.csv").split("\n")[0]).toBe("area_code,name,value,draw");
    expect(result.downloads).toBe(3 * 2 + 2);
  });

  it("puts each chart in a figure with its title, description and data table, with ids made unique", async () => {
    fixture = siteFixture({ "index.md": HOME, "methods.md": METHODS, "profile.md": PROFILE });
    await fixture.build(warehouse);
    const page = fixture.read("localities/l03.html");
    expect(page).toMatch(/<figure class="chart" id="chart-1" aria-labelledby="chart-1-caption">/);
    expect(page).toContain(
      '<figcaption id="chart-1-caption" class="chart-title visually-hidden">Rates near Beta Town</figcaption>',
    );
    expect(page).toContain('aria-labelledby="chart-1-t chart-1-d"><title id="chart-1-t">');
    expect(page).toContain('<g clip-path="url(#chart-1-clip)">');
    expect(page).toContain('<p class="chart-description">A chart of 3 areas:');
    expect(page).toMatch(
      /<details class="chart-data"><summary>Data table: Rates near Beta Town \(3 rows\)<\/summary>/,
    );
    expect(page).toContain('<td class="num" data-value="7.25">7.25</td>');
    expect(page).toContain('<span class="no-data">no data</span>');
  });

  it("marks pages that show localities with the illustrative note, and only those", async () => {
    fixture = siteFixture({ "index.md": HOME, "methods.md": METHODS, "profile.md": PROFILE });
    await fixture.build(warehouse);
    expect(fixture.read("localities/l03.html")).toContain(
      '<aside class="notice" role="note"><strong>Illustrative localities.</strong>',
    );
    expect(fixture.read("index.html")).not.toContain('class="notice"');
    expect(fixture.read("methods.html")).not.toContain('class="notice"');
  });

  it("skips a page whose required table is missing, and gives optional cells an empty result", async () => {
    fixture = siteFixture({
      "index.md": HOME.replace("[the first locality](/localities/l01.html) and ", ""),
      "methods.md": METHODS,
      "later.md": "---\ntitle: Later\nrequires: [indicator_comparison]\n---\nText.\n",
      "maybe.md":
        "---\ntitle: Maybe\n---\n\n```sql rows optional\nSELECT * FROM not_yet_built\n```\n\n```js\nrows.missingTable ? `missing ${rows.missingTable}` : 'present'\n```\n",
    });
    const result = await fixture.build(warehouse);
    expect(result.skipped).toEqual(["later.md: needs table indicator_comparison"]);
    expect(existsSync(path.join(fixture.outDir, "later.html"))).toBe(false);
    expect(fixture.read("maybe.html")).toContain("<p>missing not_yet_built</p>");
  });
});

describe("the real chart components on hostile data", () => {
  it("draw an area named <script>alert(1)</script> as text in bars, maps and tables", async () => {
    const warehouse = await fixtureWarehouse();
    const fixture = siteFixture(
      {
        "charts.md": `---
title: Charts
---

\`\`\`sql rows
SELECT o.area_code AS code, a.name, o.value FROM observation o JOIN area a ON a.code = o.area_code AND a.type = 'locality'
ORDER BY o.area_code
\`\`\`

\`\`\`js
barWithIntervals(rows.map((row) => ({ ...row })), { title: \`Rates, \${rows[0].name}\` })
\`\`\`

\`\`\`js
choropleth(
  rows.map((row, index) => ({
    type: "Feature",
    properties: { code: row.code, name: row.name, value: row.value },
    geometry: { type: "Polygon", coordinates: [[[index, 52], [index + 1, 52], [index + 1, 53], [index, 53], [index, 52]]] },
  })),
  { title: "A map" },
)
\`\`\`
`,
      },
      { realComponents: true },
    );
    try {
      await fixture.build(warehouse);
      const page = fixture.read("charts.html");
      expect(page).not.toContain(EVIL_NAME);
      expect(page.match(/<script\b/g)).toHaveLength(1);
      expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(page.match(/<figure class="chart"/g)).toHaveLength(2);
    } finally {
      warehouse.close();
      fixture.cleanup();
    }
  });
});
