// biome-ignore-all lint/suspicious/noTemplateCurlyInString: notebooks are written with ${…} placeholders
import { describe, expect, it } from "vitest";
import { html } from "../../../pipelines/publish/site/html.ts";
import { renderMarkdown } from "../../../pipelines/publish/site/markdown.ts";
import { renderNotebookMarkdown } from "../../../pipelines/publish/site/notebook-markdown.ts";
import { resolveLink } from "../../../pipelines/publish/site/site-paths.ts";

const options = (page = "areas/a.html") => ({ link: (href: string) => resolveLink(href, page) });
const md = (text: string, page?: string) => renderMarkdown(text, options(page));

describe("the Markdown renderer", () => {
  it("renders headings with ids (unique, or given with {#id}), paragraphs and inline formatting", () => {
    expect(md("# Title\n\n## Trend\n\n## Trend\n\n### Why it matters {#why}")).toBe(
      '<h1 id="title">Title</h1>\n<h2 id="trend">Trend</h2>\n<h2 id="trend-2">Trend</h2>\n<h3 id="why">Why it matters</h3>',
    );
    expect(md("Some **strong**, *em*, _em_, `code <b>` and snake_case_name.\nSecond line.")).toBe(
      "<p>Some <strong>strong</strong>, <em>em</em>, <em>em</em>, <code>code &lt;b&gt;</code> and snake_case_name.\nSecond line.</p>",
    );
  });

  it("escapes text, and makes site-root links relative to the page", () => {
    expect(
      md('a < b & "c" [Methods](/methods.html#trend) [x](other.html) [web](https://example.org/?a=1&b=2)'),
    ).toBe(
      '<p>a &lt; b &amp; &quot;c&quot; <a href="../methods.html#trend">Methods</a> <a href="other.html">x</a> <a href="https://example.org/?a=1&amp;b=2">web</a></p>',
    );
    expect(() => md("[bad](javascript:alert(1))")).toThrow(/uses a scheme pages may not use/);
  });

  it("renders nested lists, numbered lists, block quotes, rules, code and pipe tables", () => {
    expect(md("- one\n- two\n  - inner\n- three")).toBe(
      "<ul>\n<li>one</li>\n<li>two\n<ul>\n<li>inner</li>\n</ul></li>\n<li>three</li>\n</ul>",
    );
    expect(md("3. three\n4. four")).toBe('<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>');
    expect(md("> quoted *text*\n\n---\n\n```yaml\nkey: <v>\n```")).toBe(
      '<blockquote>\n<p>quoted <em>text</em></p>\n</blockquote>\n<hr>\n<pre><code class="language-yaml">key: &lt;v&gt;</code></pre>',
    );
    expect(md("| Area | Value |\n|:--|--:|\n| A \\| B | 1 |")).toBe(
      '<table>\n<thead><tr><th scope="col" style="text-align:left">Area</th><th scope="col" style="text-align:right">Value</th></tr></thead>\n<tbody>\n<tr><td style="text-align:left">A | B</td><td style="text-align:right">1</td></tr>\n</tbody>\n</table>',
    );
  });

  it("passes the analyst's own HTML blocks through", () => {
    expect(md('<div class="note">\nRaw <b>html</b>\n</div>\n\nAfter.')).toBe(
      '<div class="note">\nRaw <b>html</b>\n</div>\n<p>After.</p>',
    );
  });

  it("puts ${…} values in after rendering: escaped text, or markup only when it is Html", async () => {
    const scope: Record<string, unknown> = {
      name: "*Bold* <script>x</script> [a](javascript:1)",
      link: html`<a href="x.html">x</a>`,
    };
    const evaluate = async (expression: string) => scope[expression];
    expect(
      await renderNotebookMarkdown(
        "## ${name}\n\nSee ${link} and \\${literal}.",
        evaluate,
        options("index.html"),
      ),
    ).toBe(
      '<h2 id="none">*Bold* &lt;script&gt;x&lt;/script&gt; [a](javascript:1)</h2>\n<p>See <a href="x.html">x</a> and ${literal}.</p>',
    );
  });
});
