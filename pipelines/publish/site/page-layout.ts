/**
 * The page shell every page shares: skip link, header with the site menu and an area picker (a plain list
 * of links that the script turns into a filter box), the illustrative-localities note where localities
 * appear, the page body, its data downloads and a footer with provenance. Every URL is relative.
 */
import { suppressedRange } from "../disclosure/index.ts";
import { escapeHtml, type Html, html, trusted } from "./html.ts";
import type { SiteInfo } from "./site-context.ts";
import { relativeUrl, rootPrefix } from "./site-paths.ts";

export interface MenuItem {
  label: string;
  path: string;
}

export interface AreaPage {
  path: string;
  name: string;
  type: string;
}

export interface DownloadLink {
  name: string;
  rows: number;
  csv: string;
  parquet: string;
  /** The same file serves every page of this template (the query does not depend on the page). */
  shared: boolean;
}

export interface LayoutInput {
  pagePath: string;
  title: string;
  description?: string;
  body: string;
  downloads: DownloadLink[];
  usesLocalities: boolean;
  menu: MenuItem[];
  areaPages: AreaPage[];
  info: SiteInfo;
  /** Whether the site has this page (and element, for "page.html#id"): links to missing ones are left out. */
  hasPage(path: string): boolean;
}

function menuHtml(input: LayoutInput): Html {
  const items = input.menu.map((item) => {
    const current = item.path === input.pagePath ? trusted(' aria-current="page"') : "";
    return html`<li><a href="${relativeUrl(input.pagePath, item.path)}"${current}>${item.label}</a></li>`;
  });
  return html`<nav class="site-menu" aria-label="Site"><ul>${items}</ul></nav>`;
}

function areaPickerHtml(input: LayoutInput): Html | string {
  if (input.areaPages.length === 0) return "";
  const groups = new Map<string, AreaPage[]>();
  for (const area of input.areaPages) groups.set(area.type, [...(groups.get(area.type) ?? []), area]);
  const lists = [...groups].map(
    ([type, areas]) =>
      html`<h2 class="picker-group">${type === "locality" ? "Localities" : type === "district" ? "Districts" : type}</h2><ul>${areas.map(
        (area) => html`<li><a href="${relativeUrl(input.pagePath, area.path)}">${area.name}</a></li>`,
      )}</ul>`,
  );
  return html`<details class="area-picker"><summary>Go to an area</summary><div class="picker-lists">${lists}</div></details>`;
}

function noticeHtml(input: LayoutInput): Html | string {
  if (!input.usesLocalities || !input.info.illustrativeLocalities) return "";
  return html`<aside class="notice" role="note"><strong>Illustrative localities.</strong> The localities on this page are an illustrative grouping of 2019 wards, not the observatory's official definition. Figures for them show the method, not official locality statistics.${
    input.hasPage("methods.html#localities")
      ? html` <a href="${relativeUrl(input.pagePath, "methods.html#localities")}">How the localities are defined</a>.`
      : ""
  }</aside>`;
}

function downloadsHtml(input: LayoutInput): Html | string {
  if (input.downloads.length === 0) return "";
  const items = input.downloads.map(
    (download) =>
      html`<li><span class="download-name">${download.name}</span> (${download.rows.toLocaleString("en-GB")} ${download.rows === 1 ? "row" : "rows"}${download.shared ? ", for every page of this kind" : ""}): <a href="${relativeUrl(input.pagePath, download.csv)}" download>CSV</a> · <a href="${relativeUrl(input.pagePath, download.parquet)}" download>Parquet</a></li>`,
  );
  return html`<section class="downloads" aria-labelledby="downloads"><h2 id="downloads">Data on this page</h2><p>The query results behind this page, as CSV (for spreadsheets) and Parquet (for R, Python or DuckDB). ${disclosureNote(input)}</p><ul>${items}</ul></section>`;
}

/** What is suppressed and how it shows in each format, with a link to the method. */
function disclosureNote(input: LayoutInput): Html {
  const { threshold, marker } = input.info.disclosure;
  const method = input.hasPage("methods.html#small-numbers")
    ? html` <a href="${relativeUrl(input.pagePath, "methods.html#small-numbers")}">How small numbers are protected</a>.`
    : "";
  if (threshold <= 1)
    return html`No counts are suppressed in this build (disclosure threshold ${threshold}).${method}`;
  return html`Statistical disclosure control: ${suppressedRange(input.info.disclosure)} of people or households are suppressed, with further cells wherever they could be worked out from a total, and the rates, intervals and gaps computed from them. Suppressed cells show ${marker} on the page and in the CSV; in Parquet they are empty (NULL) and the column suppressed_columns names them. The warehouse keeps the full values.${method}`;
}

function footerHtml(input: LayoutInput): Html {
  const built = input.info.builtAt.replace("T", " ").replace(/\.\d+Z?$/, "");
  const links = [
    ["sources.html", "Sources and provenance"],
    ["methods.html", "Methods"],
  ].filter(([path]) => input.hasPage(path!));
  return html`<p>Built from the warehouse${built ? ` of ${built}` : ""}. ${links.map(
    ([path, label], index) =>
      html`${index > 0 ? " · " : ""}<a href="${relativeUrl(input.pagePath, path!)}">${label}</a>`,
  )}${links.length > 0 ? ". " : ""}Contains public sector information licensed under the Open Government Licence v3.0.</p>`;
}

export function pageHtml(input: LayoutInput): string {
  const root = rootPrefix(input.pagePath);
  const { info } = input;
  const title = input.title === info.title ? input.title : `${input.title} · ${info.title}`;
  const description = input.description ? html`<meta name="description" content="${input.description}">` : "";
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${description}
<link rel="stylesheet" href="${root}assets/site.css">
<script src="${root}assets/site.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<p class="site-title">${input.hasPage("index.html") ? `<a href="${escapeHtml(relativeUrl(input.pagePath, "index.html"))}">${escapeHtml(info.title)}</a>` : escapeHtml(info.title)}</p>
${menuHtml(input)}
${areaPickerHtml(input)}
</header>
<main id="main" tabindex="-1">
<h1>${escapeHtml(input.title)}</h1>
${noticeHtml(input)}
${input.body}
${downloadsHtml(input)}
</main>
<footer class="site-footer">
${footerHtml(input).markup}
</footer>
</body>
</html>
`;
}
