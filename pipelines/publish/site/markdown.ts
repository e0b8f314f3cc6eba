/**
 * A small Markdown renderer for notebook pages (no dependency): ATX headings with ids (or `{#id}`), paragraphs, bullet
 * and numbered lists (nested by indentation), block quotes, fenced code, rules, GitHub-style pipe tables
 * and raw HTML blocks (a line that starts with a tag: the analyst's own markup, trusted like their code).
 * Data never reaches this renderer: `${…}` expressions are replaced by placeholders first and their
 * escaped values put back afterwards (see `notebook-markdown.ts`).
 */
import { escapeHtml } from "./html.ts";
import { type InlineOptions, renderInline } from "./markdown-inline.ts";
import { slugify } from "./site-paths.ts";

export interface MarkdownOptions extends InlineOptions {
  /** Heading ids already used on the page (so two "Trend" headings get "trend" and "trend-2"). */
  headingIds?: Set<string>;
}

const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])( +|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const HTML_BLOCK = /^ {0,3}<(\/?[a-zA-Z][a-zA-Z0-9-]*[\s/>]|!--)/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

export function renderMarkdown(text: string, options: MarkdownOptions): string {
  const ids = options.headingIds ?? new Set<string>();
  return renderBlocks(text.replace(/\r\n?/g, "\n").split("\n"), { ...options, headingIds: ids });
}

function renderBlocks(lines: string[], options: MarkdownOptions): string {
  const out: string[] = [];
  let index = 0;
  const inline = (text: string) => renderInline(text, options);
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === "") {
      index += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const close = lines.findIndex((l, i) => i > index && l.trim().startsWith(fence[1]!));
      const end = close === -1 ? lines.length : close;
      const language = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : "";
      out.push(`<pre><code${language}>${escapeHtml(lines.slice(index + 1, end).join("\n"))}</code></pre>`);
      index = end + 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const explicit = /\s*\{#([A-Za-z][\w-]*)\}$/.exec(heading[2] ?? "");
      const content = explicit ? (heading[2] ?? "").slice(0, explicit.index) : (heading[2] ?? "");
      const base = explicit ? explicit[1]! : slugify(content.replace(/\uE000\d+\uE001/g, ""));
      const id = uniqueId(base, options.headingIds!);
      out.push(`<h${level} id="${id}">${inline(content)}</h${level}>`);
      index += 1;
      continue;
    }
    if (RULE.test(line)) {
      out.push("<hr>");
      index += 1;
      continue;
    }
    if (HTML_BLOCK.test(line)) {
      const end = nextBlank(lines, index);
      out.push(lines.slice(index, end).join("\n"));
      index = end;
      continue;
    }
    if (/^ {0,3}>/.test(line)) {
      const end = runWhile(lines, index, (l) => /^ {0,3}>/.test(l));
      const inner = lines.slice(index, end).map((l) => l.replace(/^ {0,3}> ?/, ""));
      out.push(`<blockquote>\n${renderBlocks(inner, options)}\n</blockquote>`);
      index = end;
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const [html, end] = renderList(lines, index, options);
      out.push(html);
      index = end;
      continue;
    }
    if (line.includes("|") && TABLE_SEPARATOR.test(lines[index + 1] ?? "")) {
      const end = runWhile(lines, index + 2, (l) => l.trim() !== "" && l.includes("|"));
      out.push(renderTable(lines.slice(index, end), inline));
      index = end;
      continue;
    }
    const end = runWhile(lines, index + 1, (l) => l.trim() !== "" && !startsBlock(l));
    out.push(`<p>${inline(lines.slice(index, end).join("\n").trim())}</p>`);
    index = end;
  }
  return out.join("\n");
}

function startsBlock(line: string): boolean {
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    RULE.test(line) ||
    HTML_BLOCK.test(line) ||
    /^ {0,3}>/.test(line) ||
    LIST_ITEM.test(line)
  );
}

function runWhile(lines: string[], start: number, keep: (line: string) => boolean): number {
  let index = start;
  while (index < lines.length && keep(lines[index]!)) index += 1;
  return index;
}

function nextBlank(lines: string[], start: number): number {
  return runWhile(lines, start, (line) => line.trim() !== "");
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** A list and its items; an item's lines (dedented) are rendered as blocks, unwrapped when one paragraph. */
function renderList(lines: string[], start: number, options: MarkdownOptions): [string, number] {
  const first = LIST_ITEM.exec(lines[start]!)!;
  const ordered = /\d/.test(first[2]!);
  const items: string[][] = [];
  let index = start;
  let loose = false;
  while (index < lines.length) {
    const marker = LIST_ITEM.exec(lines[index]!);
    if (!marker || /\d/.test(marker[2]!) !== ordered) break;
    const indent = marker[0].length;
    const item = [lines[index]!.slice(indent)];
    index += 1;
    while (index < lines.length) {
      const line = lines[index]!;
      const continues = line.trim() === "" ? /^\s{2,}\S/.test(lines[index + 1] ?? "") : /^\s{2,}/.test(line);
      const lazy = line.trim() !== "" && !startsBlock(line) && item[item.length - 1]!.trim() !== "";
      if (!continues && !lazy) break;
      if (line.trim() === "") loose = true;
      item.push(line.replace(new RegExp(`^ {0,${indent}}`), ""));
      index += 1;
    }
    items.push(item);
    if (lines[index]?.trim() === "" && LIST_ITEM.test(lines[index + 1] ?? "")) {
      loose = true;
      index += 1;
    }
  }
  const tag = ordered ? "ol" : "ul";
  const startNumber =
    ordered && Number.parseInt(first[2]!, 10) !== 1 ? ` start="${Number.parseInt(first[2]!, 10)}"` : "";
  const rendered = items.map((item) => {
    const html = renderBlocks(item, options);
    const tight = !loose && html.startsWith("<p>") ? html.replace(/^<p>([\s\S]*?)<\/p>/, "$1") : html;
    return `<li>${tight}</li>`;
  });
  return [`<${tag}${startNumber}>\n${rendered.join("\n")}\n</${tag}>`, index];
}

function splitRow(line: string): string[] {
  const trimmed = line
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "");
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

function renderTable(lines: string[], inline: (text: string) => string): string {
  const header = splitRow(lines[0]!);
  const aligns = splitRow(lines[1]!).map((cell) =>
    cell.startsWith(":") && cell.endsWith(":")
      ? "center"
      : cell.endsWith(":")
        ? "right"
        : cell.startsWith(":")
          ? "left"
          : "",
  );
  const cell = (tag: string, text: string, column: number) => {
    const align = aligns[column] ? ` style="text-align:${aligns[column]}"` : "";
    return `<${tag}${tag === "th" ? ' scope="col"' : ""}${align}>${inline(text)}</${tag}>`;
  };
  const body = lines
    .slice(2)
    .map(
      (line) =>
        `<tr>${header.map((_, column) => cell("td", splitRow(line)[column] ?? "", column)).join("")}</tr>`,
    );
  return `<table>\n<thead><tr>${header.map((text, column) => cell("th", text, column)).join("")}</tr></thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`;
}
