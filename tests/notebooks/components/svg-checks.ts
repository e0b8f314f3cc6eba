/**
 * Checks on chart SVG text used by the tests: a normaliser for golden files (numbers rounded to 2 decimal
 * places, ids renumbered in order of appearance, one element per line so diffs read), a strict enough
 * well-formedness check for standalone XML, and a reader for the accessibility attributes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";

export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  for (const match of svg.matchAll(/\bid="([^"]+)"/g)) {
    const id = match[1] as string;
    if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
  }
  let text = svg.replace(/-?\d+\.\d{3,}/g, (number) => String(Math.round(Number(number) * 100) / 100));
  for (const [id, replacement] of [...ids].sort((a, b) => b[0].length - a[0].length)) {
    text = text.split(id).join(replacement);
  }
  return `${text.replace(/></g, ">\n<")}\n`;
}

const GOLDEN_FOLDER = path.join(import.meta.dirname, "golden");

/** Compares with golden/<name>.svg, or writes it when UPDATE_GOLDEN=1 (or it does not exist yet). */
export function expectGolden(name: string, svg: string): void {
  const file = path.join(GOLDEN_FOLDER, `${name}.svg`);
  const actual = normaliseSvg(svg);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    mkdirSync(GOLDEN_FOLDER, { recursive: true });
    writeFileSync(file, actual);
    if (process.env.UPDATE_GOLDEN !== "1")
      throw new Error(`${file} did not exist; written now — check it and rerun`);
    return;
  }
  expect(actual, `${name}: run with UPDATE_GOLDEN=1 to accept the change`).toBe(readFileSync(file, "utf8"));
}

/**
 * Throws unless the text is well-formed XML as far as charts need: tags balance, attribute values contain
 * no raw `<` or `&`, text contains no raw `<`, every `&` starts an entity, and there is one root.
 */
export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  let roots = 0;
  for (let match = token.exec(xml); match !== null && match.index < xml.length; match = token.exec(xml)) {
    const [, closing, name, attributes, selfClosing, text, strayAngle] = match;
    if (strayAngle) throw new Error(`raw "<" at ${match.index}: ${xml.slice(match.index, match.index + 60)}`);
    if (text !== undefined) {
      if (/&(?!(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);)/i.test(text))
        throw new Error(`raw "&" in text: ${text.slice(0, 60)}`);
      continue;
    }
    for (const value of (attributes ?? "").matchAll(/="([^"]*)"/g)) {
      if (/[<]|&(?!(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);)/i.test(value[1] ?? ""))
        throw new Error(`bad attribute value: ${value[1]}`);
    }
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name as string);
    } else if (stack.length === 0) {
      roots++;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(" > ")}`);
  if (roots !== 1) throw new Error(`expected one root element, found ${roots}`);
}

/** The root element's attributes and the title/desc elements the aria-labelledby names. */
export function accessibilityOf(svg: string): {
  root: string;
  labelledBy: string[];
  title: string | null;
  desc: string | null;
} {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const labelledBy = (/aria-labelledby="([^"]*)"/.exec(root)?.[1] ?? "").split(" ").filter(Boolean);
  const textOf = (id: string | undefined) =>
    id ? (new RegExp(`<(title|desc) id="${id}">([^<]*)</\\1>`).exec(svg)?.[2] ?? null) : null;
  return { root, labelledBy, title: textOf(labelledBy[0]), desc: textOf(labelledBy[1]) };
}
