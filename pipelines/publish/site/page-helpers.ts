/**
 * The helpers every cell and `${…}` expression has in scope, besides the chart components:
 *
 * - `html` tag (interpolated values escaped), `table(rows, options)` (sortable, escaped table),
 * - `link("/methods.html")` (a site path made relative to the page), `pageFor(code)` (the relative URL of
 *   the page made for an area code or indicator id, or undefined), `areaLink(code, name)` (a link to that
 *   page, or the name as text when there is none), `benchmarkLabel(label)` (a coloured badge),
 * - `fmt` (number formats; a cell suppressed by disclosure control shows its marker), `site` (county,
 *   country, builtAt, illustrativeLocalities, disclosure threshold and marker), `page` (its path),
 *   `models` (the pure models: statistics, deprivation, targets, allocation), `polygonsFromOutlines`
 *   (locality or district polygons from `dissolveBoundaries` outlines, for maps of 23 areas, not 339),
 *   `sideBySide(a, b …)` (charts or tables in columns).
 */
import * as models from "../../../models/index.ts";
import { SUPPRESSION_MARKERS } from "../disclosure/index.ts";
import { formatTableNumber, type TableOptions, tableFromObjects } from "./data-table.ts";
import { polygonsFromOutlines } from "./geo-polygons.ts";
import { Html, html } from "./html.ts";
import { SideBySide } from "./render-output.ts";
import type { SiteInfo } from "./site-context.ts";
import { relativeUrl, resolveLink } from "./site-paths.ts";

export interface PageIndex {
  /** Page path by the code or id a template page was made for (area code, indicator id). */
  byKey: Map<string, string>;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(decimals, format);
  }
  return format;
}

/** A cell suppressed by disclosure control holds its marker ("*" or "c"), which every format shows as is. */
function missing(value: unknown): string {
  return typeof value === "string" && (SUPPRESSION_MARKERS as readonly string[]).includes(value)
    ? value
    : "no data";
}

export const fmt = {
  /** 12345.6 → "12,346" (0 decimals by default); null → "no data"; a suppressed cell → its marker. */
  number(value: unknown, decimals = 0): string {
    return typeof value === "number" && Number.isFinite(value)
      ? numberFormat(decimals).format(value)
      : missing(value);
  },
  /** 0.1234 → "12.3%" (a share 0–1 as a percentage). */
  percent(value: unknown, decimals = 1): string {
    return typeof value === "number" && Number.isFinite(value)
      ? `${numberFormat(decimals).format(value * 100)}%`
      : missing(value);
  },
  /** A value with the indicator's unit: 12.3 and "%" → "12.3%", 512 and "per 100,000" → "512 per 100,000". */
  value(value: unknown, unit?: string | null, decimals?: number): string {
    if (typeof value !== "number" || !Number.isFinite(value)) return missing(value);
    const text = decimals === undefined ? formatTableNumber(value) : numberFormat(decimals).format(value);
    // A unit that is a description ("England 2015 = 100") is left to the heading, not repeated per value.
    if (!unit || unit.includes("=")) return text;
    return unit.startsWith("%") ? `${text}${unit}` : `${text} ${unit}`;
  },
  /** A signed change: +1.2 / -0.4. */
  change(value: unknown, decimals = 1): string {
    if (typeof value !== "number" || !Number.isFinite(value)) return missing(value);
    const text = numberFormat(decimals).format(value);
    return value > 0 && Number(text.replace(/,/g, "")) !== 0 ? `+${text}` : text;
  },
};

/** Black or white, whichever contrasts more with a #rrggbb background (WCAG relative luminance). */
export function inkFor(background: string): string {
  const channels = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!channels) return "#000000";
  const linear = channels.slice(1).map((hex) => {
    const value = Number.parseInt(hex, 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000000" : "#ffffff";
}

/** A benchmark label ("better", "similar" …) as a coloured badge with readable ink; missing → "not compared". */
export function benchmarkBadge(label: unknown, colours: Record<string, string> | undefined): Html {
  if (typeof label !== "string" || label === "") return html`<span class="no-data">not compared</span>`;
  const colour = colours?.[label];
  if (!colour || !/^#[0-9a-f]{6}$/i.test(colour)) return html`<span class="label">${label}</span>`;
  return new Html(
    `<span class="label" style="background:${colour};color:${inkFor(colour)}">${html`${label}`.markup}</span>`,
  );
}

export function pageHelpers(
  pagePath: string,
  info: SiteInfo,
  index: PageIndex,
  components: Record<string, unknown> = {},
): Record<string, unknown> {
  const pageFor = (key: unknown): string | undefined => {
    const target = index.byKey.get(String(key));
    return target ? relativeUrl(pagePath, target) : undefined;
  };
  return {
    html,
    Html,
    table: (rows: readonly Record<string, unknown>[], options?: TableOptions) =>
      tableFromObjects(rows ?? [], options),
    link: (sitePath: string) => resolveLink(sitePath.startsWith("/") ? sitePath : `/${sitePath}`, pagePath),
    pageFor,
    areaLink: (code: unknown, name?: unknown) => {
      const url = pageFor(code);
      const label = name ?? code;
      return url ? html`<a href="${url}">${label}</a>` : html`${label}`;
    },
    benchmarkLabel: (label: unknown) =>
      benchmarkBadge(label, components.BENCHMARK_COLOURS as Record<string, string> | undefined),
    polygonsFromOutlines,
    sideBySide: (...items: unknown[]) => new SideBySide(items),
    fmt,
    site: info,
    page: { path: pagePath },
    models,
  };
}
