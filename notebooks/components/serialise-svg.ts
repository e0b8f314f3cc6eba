/**
 * Writes a DOM subtree built by Plot as XML text. linkedom's own `outerHTML` leaves `<` and `&` unescaped in
 * attribute values (valid HTML, invalid XML), so a standalone .svg with an area name in an aria-label would
 * not parse; this serialiser escapes everything with `escapeXml` and renames Plot's counter-based ids
 * (`plot-clip-7`, numbered across every chart in the process) to ids numbered within the chart, so output
 * is the same whatever else was rendered before.
 */
import { escapeXml } from "./escape-xml.ts";

interface DomNode {
  nodeType: number;
  localName?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Renames Plot's generated ids to `<prefix>-<kind>-<n>`, numbered in order of first appearance. */
export class IdRenamer {
  private readonly renamed = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly prefix: string) {}

  rename(id: string): string {
    if (!id.startsWith("plot-")) return id;
    let name = this.renamed.get(id);
    if (!name) {
      const kind = id.slice("plot-".length).replace(/-?\d+$/, "") || "id";
      const count = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, count);
      name = `${this.prefix}-${kind}-${count}`;
      this.renamed.set(id, name);
    }
    return name;
  }

  /** Rewrites `url(#id)` references and `#id` hrefs inside an attribute value. */
  renameReferences(value: string): string {
    return value
      .replace(/url\(#([^)]+)\)/g, (_match, id: string) => `url(#${this.rename(id)})`)
      .replace(/^#(plot-[\w-]+)$/, (_match, id: string) => `#${this.rename(id)}`);
  }
}

function serialiseAttributes(node: DomNode, ids: IdRenamer): string {
  const attributes = Array.from(node.attributes ?? []);
  return attributes
    .map(({ name, value }) => {
      const renamed =
        name === "id" ? ids.rename(value) : name === "d" ? roundPathData(value) : ids.renameReferences(value);
      return ` ${name}="${escapeXml(renamed)}"`;
    })
    .join("");
}

/**
 * Path data with coordinates rounded to 0.1px: invisible on screen and in print, and it shrinks a map of a
 * few hundred small areas by a quarter.
 */
export function roundPathData(path: string): string {
  return path.replace(/-?\d+\.\d{2,}/g, (number) => {
    const rounded = Math.round(Number(number) * 10) / 10;
    return String(Object.is(rounded, -0) ? 0 : rounded);
  });
}

/** Serialises a node and its descendants as XML (comments dropped, `<script>` refused). */
export function serialiseNode(node: DomNode, ids: IdRenamer): string {
  if (node.nodeType === TEXT_NODE) return escapeXml(node.textContent ?? "");
  if (node.nodeType !== ELEMENT_NODE || !node.localName) return "";
  const name = node.localName;
  if (name.toLowerCase() === "script" || name.toLowerCase() === "foreignobject") {
    throw new Error(`serialiseNode: refusing to write <${name}> into a chart`);
  }
  const children = serialiseChildren(node, ids);
  const attributes = serialiseAttributes(node, ids);
  return children === "" ? `<${name}${attributes}/>` : `<${name}${attributes}>${children}</${name}>`;
}

/** Serialises the children of a node (used to move a Plot `<svg>`'s content into a `<g>`). */
export function serialiseChildren(
  node: DomNode,
  ids: IdRenamer,
  skip: (child: DomNode) => boolean = () => false,
): string {
  return Array.from(node.childNodes)
    .filter((child) => !skip(child))
    .map((child) => serialiseNode(child, ids))
    .join("");
}

/** The attributes of an element as a plain record. */
export function attributesOf(node: DomNode): Record<string, string> {
  return Object.fromEntries(Array.from(node.attributes ?? []).map(({ name, value }) => [name, value]));
}

export type { DomNode };
