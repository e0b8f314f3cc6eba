// biome-ignore-all lint/suspicious/noTemplateCurlyInString: notebooks are written with ${…} placeholders
import { describe, expect, it } from "vitest";
import { expansionOf } from "../../../pipelines/publish/site/front-matter.ts";
import { html, safeUrl } from "../../../pipelines/publish/site/html.ts";
import { parseNotebook } from "../../../pipelines/publish/site/notebook.ts";
import { checkPagePath, relativeUrl, slugify } from "../../../pipelines/publish/site/site-paths.ts";
import { bindSqlParameters, rootNames } from "../../../pipelines/publish/site/sql-parameters.ts";

const NOTEBOOK = `---
title: \${area.name}
for: [locality, district]
path: areas/\${area.code}.html
requires: [deprivation_summary]
menu: Areas
---

Intro for \${area.name}.

\`\`\`sql rows show no-download
SELECT 1
\`\`\`

\`\`\`js
rows.length
\`\`\`

\`\`\`js shapes once
[]
\`\`\`
`;

describe("reading a notebook", () => {
  it("reads front matter (with defaults), Markdown and cells with their line numbers and options", () => {
    const notebook = parseNotebook(NOTEBOOK, "profile.md");
    expect(notebook.frontMatter).toEqual({
      title: "${area.name}",
      for: ["locality", "district"],
      path: "areas/${area.code}.html",
      requires: ["deprivation_summary"],
      menu: "Areas",
      order: 100,
      draft: false,
      disclosure: {},
    });
    expect(expansionOf(notebook.frontMatter, "profile.md")).toEqual({
      as: "area",
      collections: ["locality", "district"],
    });
    expect(
      notebook.blocks.map((block) => [block.kind, block.line, "name" in block ? block.name : undefined]),
    ).toEqual([
      ["markdown", 8, undefined],
      ["sql", 11, "rows"],
      ["js", 15, undefined],
      ["js", 19, "shapes"],
    ]);
    const sql = notebook.blocks[1]!;
    expect(sql.kind === "sql" && [...sql.options]).toEqual(["show", "no-download"]);
  });

  it("names the file and line of a bad cell", () => {
    expect(() => parseNotebook("---\ntitle: x\n---\n```sql 1rows\nSELECT 1\n```\n", "x.md")).toThrow(
      /x\.md:4: cell name "1rows" is not a JavaScript identifier/,
    );
    expect(() => parseNotebook("---\ntitle: x\n---\n\n```js once always\n1\n```\n", "x.md")).toThrow(
      /x\.md:5: unknown js cell option "always"/,
    );
    expect(() => parseNotebook("---\ntitle: x\n---\n```sql rows\nSELECT 1\n", "x.md")).toThrow(
      /x\.md:4: the sql cell is never closed with ```/,
    );
    expect(() => parseNotebook("No front matter", "x.md")).toThrow(
      /x\.md:1: a notebook starts with front matter/,
    );
    expect(() => parseNotebook("---\nmenu: x\n---\n", "x.md")).toThrow(/x\.md:\d+: title: /);
  });

  it("refuses a template that mixes areas and indicators", () => {
    const notebook = parseNotebook(
      "---\ntitle: x\nfor: [locality, indicator]\npath: a/${x}.html\n---\n",
      "x.md",
    );
    expect(() => expansionOf(notebook.frontMatter, "x.md")).toThrow(/mixes areas and indicators/);
  });
});

describe("SQL parameters", () => {
  const scope: Record<string, unknown> = {
    area: { code: "L'01", list: [1, 2] },
    site: { county: { code: "C1" } },
  };
  const evaluate = (expression: string) =>
    new Function("area", "site", `return (${expression})`)(scope.area, scope.site);

  it("binds each ${…} as a positional parameter, never as text", () => {
    expect(
      bindSqlParameters(
        "SELECT * FROM t -- it's a comment\nWHERE a = ${area.code} AND c = ${site.county.code}",
        evaluate,
        "x",
      ),
    ).toEqual({
      sql: "SELECT * FROM t -- it's a comment\nWHERE a = $1 AND c = $2",
      values: ["L'01", "C1"],
      expressions: ["area.code", "site.county.code"],
    });
  });

  it("refuses placeholders in quotes and values that are not single values", () => {
    expect(() => bindSqlParameters("WHERE a = '${area.code}'", evaluate, "f.md:3")).toThrow(
      /f\.md:3: \$\{area\.code\} is inside a quoted SQL string/,
    );
    expect(() => bindSqlParameters("WHERE a IN ${area.list}", evaluate, "f.md:3")).toThrow(
      /is a list, not a single value/,
    );
  });

  it("finds the variables an expression depends on", () => {
    expect(rootNames("site.county?.code")).toEqual(["site"]);
    expect(rootNames("fn(area.code, 'x.y') + other")).toEqual(["fn", "area", "other"]);
  });
});

describe("paths, links and URLs", () => {
  it("slugs values and refuses paths outside the site", () => {
    expect(slugify("WCC-L01")).toBe("wcc-l01");
    expect(slugify("../../etc/passwd")).toBe("etc-passwd");
    expect(slugify("")).toBe("none");
    expect(checkPagePath("areas/wcc-l01.html", "x.md")).toBe("areas/wcc-l01.html");
    for (const bad of ["../x.html", "/abs.html", "a/../../b.html", "page.htm", "a b.html", "a/<b>.html"]) {
      expect(() => checkPagePath(bad, "x.md"), bad).toThrow(/is not a relative \.html path/);
    }
    expect(relativeUrl("areas/a.html", "index.html")).toBe("../index.html");
    expect(relativeUrl("areas/a.html", "areas/b.html#x")).toBe("b.html#x");
    expect(relativeUrl("index.html", "index.html")).toBe("index.html");
  });

  it("keeps data URLs in href safe", () => {
    expect(safeUrl("https://example.org/a")).toBe("https://example.org/a");
    expect(safeUrl("java\tscript:alert(1)")).toBe("#");
    expect(safeUrl("data:text/html,x")).toBe("#");
    expect(html`<a href="${"javascript:alert(1)"}">${"<b>"}</a>`.markup).toBe('<a href="#">&lt;b&gt;</a>');
  });
});
