/**
 * Escapes text for XML and HTML, both in element content and in double-quoted attribute values. Every value
 * that comes from data goes through here (or through the DOM serialiser, which calls it), so an area named
 * `<script>alert(1)</script>` is shown as text, never parsed as markup.
 *
 * @example escapeXml(`<b a="1">&`) // "&lt;b a=&quot;1&quot;&gt;&amp;"
 */
export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN_CONTROLS, "")
    .replace(/[&<>"']/g, (character) => XML_ENTITIES[character] ?? character);
}

/** Control characters XML 1.0 does not allow at all (a standalone SVG containing one would not parse). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const XML_FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
