/**
 * Text measurement without a browser: there is no layout engine on the server, so widths are estimated
 * from character classes (a sans-serif averages a little over half an em per character). Used to wrap
 * titles and to lay out legends; generous rounding keeps labels from colliding when the real font is wider.
 */

const NARROW = /[iljtfr.,:;'|!()[\]\s]/;
const WIDE = /[MWmw@%<>=+~#]/;

/**
 * Estimated width in pixels of `text` at `fontSize` px, calibrated on DejaVu Sans (what `system-ui` is on
 * a Linux server or CI browser, and wider than Segoe UI or San Francisco, so estimates err on the wide
 * side): within about 5% for ordinary labels. Bold adds about 12%.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const character of text) {
    if (NARROW.test(character)) ems += 0.34;
    else if (WIDE.test(character)) ems += 0.94;
    else if (character >= "0" && character <= "9") ems += 0.64;
    else if (character >= "A" && character <= "Z") ems += 0.72;
    else ems += 0.61;
  }
  return ems * fontSize * (bold ? 1.12 : 1);
}

/** Splits text into lines no wider than `maxWidth` (a single over-long word gets a line of its own). */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((part) => part !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && estimateTextWidth(candidate, fontSize, bold) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== "") lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/** Shortens text to fit `maxWidth`, ending with "…" when cut. */
export function truncateText(text: string, maxWidth: number, fontSize: number): string {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && estimateTextWidth(`${cut}…`, fontSize) > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
