/**
 * Colours for choropleth maps: class colours sampled from a lightness-ordered scheme through Plot's own
 * scale (no canvas needed), and the hatched pattern that marks areas with no data — a pattern rather than
 * a grey, so "no data" is never read as a low value, in colour or in greyscale.
 */
import * as Plot from "@observablehq/plot";

export const NO_DATA_FILL = "#f2f2f2";

export function noDataPattern(id: string): string {
  return (
    `<pattern id="${id}-no-data" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="${NO_DATA_FILL}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#7a7a7a" stroke-width="1.5"/></pattern>`
  );
}

/**
 * `count` colours from a scheme, lightest first (darkest first when `reverse`). The palest eighth of the
 * scheme is skipped: it is nearly white and would vanish against the page and the white area borders.
 */
export function classColours(scheme: string, count: number, reverse: boolean): string[] {
  const scale = Plot.scale({ color: { type: "linear", scheme: scheme as Plot.ColorScheme, domain: [0, 1] } });
  const colours = Array.from({ length: count }, (_unused, index) =>
    String(scale.apply(count === 1 ? 0.6 : 0.125 + (0.875 * index) / (count - 1))),
  );
  return reverse ? colours.reverse() : colours;
}
