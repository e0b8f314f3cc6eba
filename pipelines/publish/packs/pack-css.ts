/**
 * The pack's one stylesheet, inline so `index.html` is a single self-contained file that opens from a
 * folder or an email attachment. On screen a readable column; in print (and in pack.pdf) A4 pages, each
 * stage starting a page, charts, findings and short tables never split across pages (break-inside:
 * avoid), table headers repeated on every page of a long table, and text dark enough for photocopies.
 */
export const PACK_CSS = `
:root { --ink: #1a1a1a; --muted: #4a4a4a; --rule: #b8b8b8; --accent: #1f4e79; --notice: #8a5a00; }
* { box-sizing: border-box; }
html { font: 10.5pt/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink); }
body { margin: 0 auto; max-width: 190mm; padding: 10mm 8mm; background: #fff; }
h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 3mm; color: var(--accent); }
h2 { font-size: 15pt; margin: 0 0 1mm; color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; break-after: avoid; page-break-after: avoid; }
h3 + p { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2.5mm; }
.kicker { text-transform: uppercase; letter-spacing: .04em; font-size: 8.5pt; color: var(--muted); margin-bottom: 1mm; }
.summary { font-size: 11pt; }
.stage-number { display: inline-block; min-width: 7mm; height: 7mm; line-height: 7mm; text-align: center;
  background: var(--accent); color: #fff; border-radius: 50%; font-size: 11pt; margin-right: 2mm; }
.question { color: var(--muted); font-style: italic; margin-bottom: 3mm; }
dl.facts { display: grid; grid-template-columns: 38mm 1fr; gap: 1mm 4mm; margin: 3mm 0; font-size: 9.5pt; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
.notice { border: 1.5px solid var(--notice); background: #fff6de; padding: 2mm 3mm; margin: 2mm 0 3mm; font-weight: 600;
  break-inside: avoid; page-break-inside: avoid; }
.findings { border-left: 4px solid var(--accent); background: #f1f5fa; padding: 2mm 4mm; margin: 2mm 0 4mm;
  break-inside: avoid; page-break-inside: avoid; }
.findings h3 { margin: 1mm 0; }
.findings ul { margin: 0; padding-left: 5mm; } .findings li { margin-bottom: 1mm; }
nav.contents ol { padding-left: 5mm; margin: 1mm 0; } nav.contents a { color: var(--accent); }
/* Left padding: a bold highlighted bar label can run a little past the chart's own margin. */
figure.chart { margin: 3mm 0 4mm; padding-left: 5mm; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 100%; max-height: 165mm; overflow: visible; }
figure.chart figcaption { font-size: 8.5pt; color: var(--muted); margin-top: 1mm; }
.table-wrap { margin: 2mm 0 4mm; }
.table-wrap.keep { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8.3pt; }
caption { text-align: left; font-weight: bold; font-size: 9pt; padding-bottom: 1mm; caption-side: top; }
th, td { border: 1px solid var(--rule); padding: .6mm 1.2mm; vertical-align: top; text-align: left; }
thead th { background: #e8edf3; vertical-align: bottom; }
tbody th { font-weight: normal; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.part th { padding-left: 4mm; }
td.suppressed { color: var(--muted); text-align: center; }
tr.total th, tr.total td { font-weight: bold; background: #f5f5f5; }
thead { display: table-header-group; } tr { break-inside: avoid; page-break-inside: avoid; }
.table-note { font-size: 8pt; color: var(--muted); margin: .8mm 0 0; }
section.stage, section.about { margin-top: 8mm; }
code { font-size: 9pt; }
@page { size: A4; margin: 18mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; }
  section.stage, section.about { break-before: page; page-break-before: always; margin-top: 0; }
  a { color: inherit; text-decoration: none; }
}
`;
