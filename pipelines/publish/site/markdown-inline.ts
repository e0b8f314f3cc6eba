/**
 * Inline Markdown: code spans, emphasis, strong, links, images, autolinks, backslash escapes and hard
 * breaks. Text is escaped as it is copied, so the only markup in the output is what these rules produce.
 * Links go through `link` so site-root paths become relative and unsafe schemes are refused.
 */
import { escapeHtml } from "./html.ts";

export interface InlineOptions {
  /** Rewrites (or refuses) a link or image address. */
  link(href: string): string;
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|$<>~"']/;

export function renderInline(text: string, options: InlineOptions): string {
  let out = "";
  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    const next = text[index + 1];
    if (character === "\\" && next !== undefined && ESCAPABLE.test(next)) {
      out += escapeHtml(next);
      index += 2;
      continue;
    }
    const matched =
      codeSpan(text, index) ??
      linkOrImage(text, index, options) ??
      autolink(text, index, options) ??
      emphasis(text, index, options) ??
      hardBreak(text, index);
    if (matched) {
      out += matched.html;
      index = matched.end;
      continue;
    }
    out += escapeHtml(character);
    index += 1;
  }
  return out;
}

interface Match {
  html: string;
  end: number;
}

function codeSpan(text: string, start: number): Match | undefined {
  if (text[start] !== "`") return undefined;
  const fence = /^`+/.exec(text.slice(start))![0];
  const close = text.indexOf(fence, start + fence.length);
  if (close === -1) return undefined;
  const inner = text.slice(start + fence.length, close).replace(/\n/g, " ");
  const trimmed = /^ .* $/.test(inner) && inner.trim() !== "" ? inner.slice(1, -1) : inner;
  return { html: `<code>${escapeHtml(trimmed)}</code>`, end: close + fence.length };
}

function linkOrImage(text: string, start: number, options: InlineOptions): Match | undefined {
  const image = text[start] === "!" && text[start + 1] === "[";
  const open = image ? start + 1 : start;
  if (text[open] !== "[") return undefined;
  const labelEnd = matchingBracket(text, open, "[", "]");
  if (labelEnd === -1 || text[labelEnd + 1] !== "(") return undefined;
  const targetEnd = matchingBracket(text, labelEnd + 1, "(", ")");
  if (targetEnd === -1) return undefined;
  const label = text.slice(open + 1, labelEnd);
  const target = /^\s*(\S*?)(?:\s+"([^"]*)")?\s*$/.exec(text.slice(labelEnd + 2, targetEnd));
  if (!target) return undefined;
  const href = escapeHtml(options.link(target[1] ?? ""));
  const title = target[2] === undefined ? "" : ` title="${escapeHtml(target[2])}"`;
  const html = image
    ? `<img src="${href}" alt="${escapeHtml(label)}"${title}>`
    : `<a href="${href}"${title}>${renderInline(label, options)}</a>`;
  return { html, end: targetEnd + 1 };
}

function matchingBracket(text: string, open: number, opener: string, closer: string): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    const character = text[index];
    if (character === "\\") index += 1;
    else if (character === opener) depth += 1;
    else if (character === closer && --depth === 0) return index;
  }
  return -1;
}

function autolink(text: string, start: number, options: InlineOptions): Match | undefined {
  const found = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i.exec(text.slice(start));
  if (!found) return undefined;
  const href = escapeHtml(options.link(found[1]!));
  return { html: `<a href="${href}">${escapeHtml(found[1]!)}</a>`, end: start + found[0].length };
}

function emphasis(text: string, start: number, options: InlineOptions): Match | undefined {
  const character = text[start];
  if (character !== "*" && character !== "_") return undefined;
  if (character === "_" && /[\p{L}\p{N}]/u.test(text[start - 1] ?? "")) return undefined;
  const strong = text[start + 1] === character;
  const delimiter = strong ? character.repeat(2) : character;
  const innerStart = start + delimiter.length;
  if (/\s/.test(text[innerStart] ?? " ")) return undefined;
  let close = text.indexOf(delimiter, innerStart + 1);
  while (close !== -1 && (/\s/.test(text[close - 1]!) || (!strong && text[close + 1] === character))) {
    close = text.indexOf(delimiter, close + (strong ? 1 : 2));
  }
  if (close === -1) return undefined;
  if (character === "_" && /[\p{L}\p{N}]/u.test(text[close + delimiter.length] ?? "")) return undefined;
  const tag = strong ? "strong" : "em";
  const inner = renderInline(text.slice(innerStart, close), options);
  return { html: `<${tag}>${inner}</${tag}>`, end: close + delimiter.length };
}

function hardBreak(text: string, start: number): Match | undefined {
  if (text[start] !== " ") return undefined;
  const found = /^ {2,}\n/.exec(text.slice(start));
  return found ? { html: "<br>\n", end: start + found[0].length } : undefined;
}
