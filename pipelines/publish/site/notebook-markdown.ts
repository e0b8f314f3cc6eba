/**
 * Markdown with `${expression}` values: each expression is swapped for a placeholder, the Markdown is
 * rendered, then each placeholder is replaced by the expression's value as escaped text (or as markup when
 * the value is `Html`, e.g. from `html`…`` or `areaLink`). Values never pass through the Markdown parser,
 * so a name containing `*`, `[x](…)` or `<script>` is shown exactly as written.
 */
import { toHtml } from "./html.ts";
import { type MarkdownOptions, renderMarkdown } from "./markdown.ts";
import { splitTemplate } from "./template-expressions.ts";

export async function renderNotebookMarkdown(
  text: string,
  evaluate: (expression: string) => Promise<unknown>,
  options: MarkdownOptions,
): Promise<string> {
  const expressions: string[] = [];
  const withPlaceholders = splitTemplate(text)
    .map((part) => {
      if (typeof part === "string") return part.replace(/[\uE000\uE001]/g, "");
      expressions.push(part.expression);
      return `\uE000${expressions.length - 1}\uE001`;
    })
    .join("");
  const rendered = renderMarkdown(withPlaceholders, options);
  const values: string[] = [];
  for (const expression of expressions) values.push(toHtml(await evaluate(expression)));
  return rendered.replace(/\uE000(\d+)\uE001/g, (_, index: string) => values[Number(index)] ?? "");
}

/** A title or other front-matter text with `${…}` values, as plain text (not HTML). */
export async function renderTemplateText(
  text: string,
  evaluate: (expression: string) => Promise<unknown>,
): Promise<string> {
  let out = "";
  for (const part of splitTemplate(text)) {
    out += typeof part === "string" ? part : String((await evaluate(part.expression)) ?? "");
  }
  return out;
}
