/**
 * The quarterly exception report as one self-contained, printable HTML page: inline CSS, no scripts, no
 * external resources. Every value from the warehouse or configuration is escaped; statuses are spelled
 * out (not colour only); example targets are labelled in a banner and on every row that uses one.
 */

import type { ReportItem } from "./exception-candidates.ts";
import { NO_EXCEPTIONS, type QuarterlyReport, type ReportGroup } from "./quarterly-report.ts";
import { formatFigure, formatSignedFigure } from "./report-figures.ts";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const STYLE = `
body { font: 13px/1.4 system-ui, "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; margin: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; border-bottom: 2px solid #333; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; text-transform: none; }
.banner { border: 2px solid #8a5a00; background: #fff4d6; padding: .5rem .75rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin-bottom: .5rem; }
th, td { border: 1px solid #bbb; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #eee; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.rag { font-weight: 700; padding: 0 .3rem; border-radius: 3px; white-space: nowrap; }
.rag-red { background: #b00020; color: #fff; } .rag-amber { background: #f2b705; color: #000; }
.rag-none { background: #555; color: #fff; } .example { font-size: .8em; border: 1px solid #8a5a00; padding: 0 .2rem; color: #6b4500; }
.none { font-style: italic; color: #333; } .small { font-size: .85em; color: #444; }
@page { size: A4 landscape; margin: 12mm; }
@media print { body { margin: 0; } h2 { break-before: page; } h2:first-of-type { break-before: auto; } tr { break-inside: avoid; } }`;

function ragBadge(rag: "red" | "amber" | null, reasons: readonly string[]): string {
  const label = rag === "red" ? "RED: off track" : rag === "amber" ? "AMBER: at risk" : "worse and worsening";
  const extra = reasons.filter((reason) => reason !== "off track" && reason !== "at risk");
  return `<span class="rag rag-${rag ?? "none"}">${escapeHtml(label)}</span>${extra.length && rag ? `<br><span class="small">${escapeHtml(extra.join("; "))}</span>` : ""}`;
}

const withPeriod = (value: number | null, period: string | null) =>
  value === null
    ? "–"
    : `${escapeHtml(formatFigure(value))}${period ? ` <span class="small">(${escapeHtml(period)})</span>` : ""}`;

function itemRow(item: ReportItem, rag: "red" | "amber" | null, reasons: readonly string[]): string {
  const projection =
    item.projected === null
      ? "–"
      : `${escapeHtml(formatFigure(item.projected))} <span class="small">[${escapeHtml(formatFigure(item.projectedLower))} to ${escapeHtml(formatFigure(item.projectedUpper))}]</span>`;
  const change =
    item.requiredAnnualChange === null && item.achievedAnnualChange === null
      ? "–"
      : `${escapeHtml(formatSignedFigure(item.requiredAnnualChange))} / ${escapeHtml(formatSignedFigure(item.achievedAnnualChange))}`;
  const gap = item.gapTrend
    ? `${escapeHtml(item.gapTrend)}${item.gapProjectedToNarrow === null ? "" : `; projected to ${item.gapProjectedToNarrow ? "narrow" : "not narrow"}`}`
    : "–";
  const comparison = item.comparator
    ? `${escapeHtml(item.benchmark ?? "not compared")} vs ${escapeHtml(item.comparator)} ${escapeHtml(formatFigure(item.comparatorValue))}<br><span class="small">${escapeHtml(item.trendLabel ?? "")}</span>`
    : "–";
  const cells = [
    ragBadge(rag, reasons),
    `${escapeHtml(item.indicatorName)}${item.niCode ? ` <span class="small">(${escapeHtml(item.niCode)})</span>` : ""}${item.exampleTarget ? ' <span class="example">example target</span>' : ""}${item.unit ? `<br><span class="small">${escapeHtml(item.unit)}</span>` : ""}`,
    `${escapeHtml(item.areaName ?? item.areaCode)} <span class="small">(${escapeHtml(item.areaType)} ${escapeHtml(item.areaCode)}${item.breakdown ? `, ${escapeHtml(item.breakdown)}` : ""})</span>`,
  ];
  const numeric = [
    withPeriod(item.baseline, item.baselinePeriod),
    withPeriod(item.latest, item.latestPeriod),
    item.target === null
      ? "–"
      : `${withPeriod(item.target, item.targetPeriod)}<br><span class="small">${escapeHtml(item.targetKind ?? "")}</span>`,
    projection,
    change,
  ];
  return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join("")}${numeric.map((cell) => `<td class="num">${cell}</td>`).join("")}<td>${gap}</td><td>${comparison}</td></tr>`;
}

const HEADINGS = [
  "Status",
  "Indicator",
  "Area",
  "Baseline",
  "Latest",
  "Target",
  "Projection at target period [95% prediction interval]",
  "Change a year: required / achieved",
  "Gap to county",
  "Comparator and trend",
];

function groupSection(group: ReportGroup): string {
  const body =
    group.exceptions.length === 0
      ? `<p class="none">${escapeHtml(NO_EXCEPTIONS[0]!.toUpperCase() + NO_EXCEPTIONS.slice(1))}.</p>`
      : `<table><thead><tr>${HEADINGS.map((heading) => `<th>${escapeHtml(heading)}</th>`).join("")}</tr></thead><tbody>${group.exceptions
          .map(({ item, rag, reasons }) => itemRow(item, rag, reasons))
          .join("\n")}</tbody></table>`;
  return `<section class="group"><h3>${escapeHtml(group.name)} <span class="small">(${group.exceptions.length} exception${group.exceptions.length === 1 ? "" : "s"})</span></h3>${body}</section>`;
}

/** Distinct notes of the listed indicators, once per indicator. */
function notesSection(report: QuarterlyReport): string {
  const notes = new Map<string, Set<string>>();
  for (const level of report.levels)
    for (const group of level.groups)
      for (const { item } of group.exceptions) {
        if (!item.notes) continue;
        notes.set(item.indicatorName, (notes.get(item.indicatorName) ?? new Set()).add(item.notes));
      }
  if (notes.size === 0) return "";
  const items = [...notes].map(
    ([name, texts]) =>
      `<li><strong>${escapeHtml(name)}</strong>: ${[...texts].map(escapeHtml).join(" ")}</li>`,
  );
  return `<section><h2>Notes on the figures</h2><ul>${items.join("\n")}</ul></section>`;
}

/** The whole page. */
export function reportHtml(report: QuarterlyReport): string {
  const banner = report.usesExampleTargets
    ? '<p class="banner">The targets in this report are EXAMPLE targets shipped with the tool to show the method: they are not targets the partnership has agreed.</p>'
    : "";
  const levels = report.levels.map(
    (level) =>
      `<section class="level"><h2>${escapeHtml(level.title)}</h2>${level.groups.map(groupSection).join("\n")}</section>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}, ${escapeHtml(report.period)}</title><style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(report.title)}</h1><p>Quarter ${escapeHtml(report.period)}. Zero-based exception report: only
items off track (red), at risk (amber), or significantly worse than their comparator and getting worse are listed;
${escapeHtml(report.itemsReviewed)} items reviewed, ${escapeHtml(report.exceptionsFound)} exceptions. The county is compared with
England, districts and localities with the county. Projections are straight-line trends over recent points with 95%
prediction intervals.</p>${banner}</header>
${levels.join("\n")}
${notesSection(report)}
</body></html>
`;
}
