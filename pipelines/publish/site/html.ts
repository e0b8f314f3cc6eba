/**
 * HTML text and trusted markup. Every value that comes from data is text and goes through `escapeHtml`;
 * markup the build itself produces (or an analyst writes with the `html` tag) is wrapped in `Html` so the
 * renderer can tell the two apart. An area named `<script>alert(1)</script>` is therefore always shown as
 * text: nothing turns a plain string into markup except `Html`.
 */

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Markup the build trusts: produced by the renderer, a component, or the `html` template tag. */
export class Html {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

/** Wraps markup the caller vouches for (never data). */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/**
 * Text for any value: strings as they are, numbers as written (2019, not "2,019": use `fmt` to group or
 * round), dates as ISO dates, null as "".
 * Used wherever a data value is shown as text.
 */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date)
    return value
      .toISOString()
      .replace("T", " ")
      .replace(/\.\d+Z$|Z$/, "");
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A value as HTML: `Html` stays markup, arrays are joined, anything else is escaped text. */
export function toHtml(value: unknown): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(toHtml).join("");
  return escapeHtml(textOf(value));
}

/**
 * The template tag analysts and the layout use: literal parts are markup, interpolated values are escaped
 * unless they are `Html` (or arrays of it); a value right after `href=`/`src=` must be a safe URL.
 *
 * @example html`<p>${"<b>"}</p>`.markup // "<p>&lt;b&gt;</p>"
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let markup = strings[0] ?? "";
  values.forEach((value, index) => {
    const inUrlAttribute = /\s(?:href|src|action|formaction|xlink:href)\s*=\s*["']?$/i.test(markup);
    markup +=
      (inUrlAttribute ? escapeHtml(safeUrl(textOf(value))) : toHtml(value)) + (strings[index + 1] ?? "");
  });
  return new Html(markup);
}

/**
 * A URL from data as an attribute value: http(s), mailto, fragment and relative URLs pass; any other
 * scheme (javascript:, data:, vbscript: …) becomes "#", so a value can never make a link run script.
 */
export function safeUrl(url: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore these inside a scheme ("java\tscript:")
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === "http" || scheme === "https" || scheme === "mailto" ? url : "#";
}
