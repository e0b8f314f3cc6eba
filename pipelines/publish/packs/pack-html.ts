/**
 * The pack as one printable HTML page: a cover (plan, focus areas, provenance, notices, contents), the five
 * stages of the delivery planning standard in order, then "About this pack" (sources, definitions,
 * disclosure control, files). Every value from the warehouse or the plan is escaped; the only markup not
 * built here is the chart SVG, which the chart components escape and serialise themselves.
 */
import { escapeHtml } from "../site/html.ts";
import type { PackData } from "./collect-pack.ts";
import { tableHtml } from "./html-table.ts";
import { PACK_CSS } from "./pack-css.ts";
import type { Block, PackSection } from "./pack-section.ts";
import type { BuildInfo, PackSource } from "./pack-sources.ts";

export interface PackMeta {
  generatedAt: Date;
  toolVersion: string;
  build: BuildInfo;
  sources: PackSource[];
  /** File names of the pack's data files, listed in "About this pack". */
  files: string[];
}

const e = escapeHtml;

function blockHtml(block: Block, data: PackData): string {
  const { marker, threshold } = data.context.plan.disclosure;
  switch (block.kind) {
    case "heading":
      return `<h3>${e(block.text)}</h3>`;
    case "paragraph":
      return `<p>${e(block.text)}</p>`;
    case "notice":
      return `<p class="notice">${e(block.text)}</p>`;
    case "chart":
      return `<figure class="chart">${block.chart.svg}<figcaption>${e(block.chart.description)}</figcaption></figure>`;
    case "table":
      return block.table.htmlRowLimit === 0 && !block.rows
        ? ""
        : tableHtml(block.table, {
            marker,
            threshold,
            ...(block.rows ? { rows: block.rows } : {}),
            ...(block.caption ? { caption: block.caption } : {}),
            ...(block.columns ? { columns: block.columns } : {}),
          });
  }
}

function sectionHtml(section: PackSection, data: PackData): string {
  const findings = section.findings.length
    ? `<div class="findings"><h3>Key findings</h3><ul>${section.findings.map((finding) => `<li>${e(finding)}</li>`).join("")}</ul></div>`
    : "";
  return `<section class="stage" id="${e(section.id)}" data-stage="${section.stage}">
<h2><span class="stage-number">${section.stage}</span>${e(section.title)}</h2>
<p class="question">${e(section.question)}</p>
${findings}
${section.blocks.map((block) => blockHtml(block, data)).join("\n")}
</section>`;
}

/** "At a glance": the first key finding of each stage. */
function glance(sections: PackSection[]): string {
  const items = sections
    .filter((section) => section.findings.length > 0)
    .map((section) => `<li><strong>${e(section.title)}.</strong> ${e(section.findings[0]!)}</li>`);
  return items.length
    ? `<div class="findings glance"><h3>At a glance</h3><ul>${items.join("")}</ul></div>`
    : "";
}

function coverHtml(data: PackData, sections: PackSection[], meta: PackMeta): string {
  const { plan, focus, headline, county, illustrative } = data.context;
  const notices: string[] = [];
  if (illustrative)
    notices.push(
      "Localities and priority areas here use an ILLUSTRATIVE local definition (sources/geography): replace it with the partnership's own before relying on area figures.",
    );
  if (data.disclosure.primary > 0)
    notices.push(
      `Statistical disclosure control: ${data.disclosure.primary} count${data.disclosure.primary === 1 ? "" : "s"} from 1 to ${plan.disclosure.threshold - 1} and ${data.disclosure.secondary} further cell${data.disclosure.secondary === 1 ? "" : "s"} are suppressed (shown as ${plan.disclosure.marker}), with ${data.disclosure.dependent} rates or shares computed from them.`,
    );
  const facts: [string, string][] = [
    ["Theme group", plan.theme],
    ...(plan.partnership ? ([["For", plan.partnership]] as [string, string][]) : []),
    ["Focus areas", focus.map((area) => `${area.name} (${area.code})`).join(", ")],
    ["Whole area", `${headline.name} (${headline.code}); county ${county.name}`],
    [
      "Generated",
      `${meta.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC by ntg ${meta.toolVersion}`,
    ],
    ["Warehouse", `run ${meta.build.runId ?? "unknown"}, built ${meta.build.builtAt ?? "unknown"}`],
  ];
  return `<header class="cover">
<p class="kicker">Evidence pack for a delivery plan</p>
<h1>${e(plan.title)}</h1>
${plan.summary ? `<p class="summary">${e(plan.summary)}</p>` : ""}
<dl class="facts">${facts.map(([term, value]) => `<dt>${e(term)}</dt><dd>${e(value)}</dd>`).join("")}</dl>
${notices.map((notice) => `<p class="notice">${e(notice)}</p>`).join("\n")}
${glance(sections)}
<nav class="contents" aria-label="Contents"><strong>Contents</strong><ol>${sections.map((section) => `<li><a href="#${e(section.id)}">${e(section.title)}</a></li>`).join("")}<li><a href="#about">About this pack</a></li></ol></nav>
</header>`;
}

function aboutHtml(data: PackData, meta: PackMeta): string {
  const sources = meta.sources
    .map(
      (source) =>
        `<tr><th scope="row">${e(source.title)}</th><td>${e(source.publisher)}</td><td>${e(source.licence)}</td><td><code>${e(source.sha256.slice(0, 12))}…</code></td></tr>`,
    )
    .join("");
  const definitions = data.indicators
    .map(
      (indicator) =>
        `<li><strong>${e(indicator.name)}</strong>${indicator.definition ? `: ${e(indicator.definition)}` : ""}</li>`,
    )
    .join("");
  const { threshold, marker } = data.context.plan.disclosure;
  return `<section class="about" id="about">
<h2>About this pack</h2>
<h3>Statistical disclosure control</h3>
<p>${e(`Counts of people or households from 1 to ${threshold - 1} are not published: they are shown as ${marker}. Where such a count could be worked out by subtracting the other published counts from a published total, further cells are suppressed too (the smallest that protect it), and rates, limits, gaps and shares computed from a suppressed count are suppressed with it. The warehouse keeps the full values; only this pack's files are protected.`)}</p>
<h3>Definitions</h3><ul>${definitions}</ul>
<h3>Sources</h3>
<div class="table-wrap"><table><caption>Sources used, as verified (sha256) when the warehouse was built</caption><thead><tr><th scope="col">Source</th><th scope="col">Publisher</th><th scope="col">Licence</th><th scope="col">sha256</th></tr></thead><tbody>${sources}</tbody></table></div>
<h3>Files in this pack</h3>
<p>${e(`Every table is in data.xlsx (one sheet each, with a notes sheet) and as CSV and Parquet: ${meta.files.join(", ")}. manifest.json records the plan, the parameters, the tool version, the warehouse run and every source with its sha256.`)}</p>
</section>`;
}

export function packHtml(data: PackData, sections: PackSection[], meta: PackMeta): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`${data.context.plan.title}: evidence pack`)}</title>
<style>${PACK_CSS}</style>
</head>
<body>
${coverHtml(data, sections, meta)}
<main>
${sections.map((section) => sectionHtml(section, data)).join("\n")}
${aboutHtml(data, meta)}
</main>
</body>
</html>
`;
}
