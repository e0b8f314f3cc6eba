/**
 * Deterministic id prefixes for charts. Ids inside an SVG (title, description, patterns, clip paths) must be
 * unique on the page that inlines it, and must not change between builds (golden tests, clean diffs of the
 * site), so they are derived from the caller's id or a hash of the title, never from a counter or random.
 */

/** A 32-bit FNV-1a hash of the text, in base 36. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * The id prefix for a chart: the caller's id made safe for XML ids and CSS selectors, or `<kind>-<hash of
 * the title>`.
 *
 * @example chartId("bar", "Smoking prevalence") // "bar-…" (the same every time)
 */
export function chartId(kind: string, title: string, requested?: string): string {
  if (requested) {
    const safe = requested.replace(/[^A-Za-z0-9_-]/g, "-");
    return /^[A-Za-z]/.test(safe) ? safe : `chart-${safe}`;
  }
  return `${kind}-${hashText(title)}`;
}
