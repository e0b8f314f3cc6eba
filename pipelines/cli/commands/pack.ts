/**
 * `ntg pack <plan>` / `ntg pack --all`: evidence packs for delivery plans (issue 7): DIST/packs/<plan>/
 * with index.html, pack.pdf, data.xlsx, a CSV and a Parquet file per table and manifest.json, plus
 * DIST/packs/<plan>.zip. Every published table passes statistical disclosure control first.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { SourceError, UsageError } from "../../../models/errors.ts";
import { buildPack, type PackBuildResult } from "../../publish/packs/build-pack.ts";
import { findPlan, knownIds, plansDir, readPlans } from "../../publish/packs/read-plans.ts";
import { formatRows } from "../../util/format-table.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";
import { toolVersion } from "../version.ts";

function summaryLine(result: PackBuildResult): string {
  const relative = (file: string) => path.relative(process.cwd(), file) || file;
  const pdf = result.pdf.written ? `pack.pdf ${result.pdf.pages} pages` : "no pack.pdf";
  const { primary, secondary, dependent } = result.disclosure;
  return `pack ${result.plan}: ${relative(result.folder)}/ (${result.files.length} files, ${result.tables} tables, ${pdf}; suppressed ${primary} small counts, ${secondary} further cells, ${dependent} dependent values) and ${relative(result.zip)} in ${result.seconds.toFixed(1)} s`;
}

export const packCommand: Command = {
  name: "pack",
  summary: "evidence pack for a delivery plan: HTML, PDF, XLSX, CSV/Parquet, manifest and zip",
  help: `Usage: ntg pack <plan> [--no-pdf]
       ntg pack --all [--no-pdf]
       ntg pack --list

Builds the evidence pack of a delivery plan (SOURCES/plans/<plan>.yaml) from the warehouse into
DIST/packs/<plan>/ and DIST/packs/<plan>.zip:
  index.html      printable pack in the five stages of the delivery planning standard (understanding
                  the priority; current performance and trends; forecast against target; where to
                  intervene; options), charts as SVG, tables and key findings
  pack.pdf        the same on A4 pages with page numbers, rendered by headless Chromium
                  (/usr/bin/chromium; without it the rest is written and the command says so)
  data.xlsx       one sheet per table (frozen headers, number formats) and a notes sheet
  <table>.csv     every table as CSV and as Parquet (<table>.parquet)
  manifest.json   plan, parameters, tool version, warehouse run id, generation time, sources with
                  publisher, licence and sha256, and each file's sha256
Counts from 1 to 4 (the plan's disclosure.threshold) are suppressed as "*" in every file, with the
cells that would let them be worked out from totals and the rates computed from them.

Options:
  --all       every plan in SOURCES/plans
  --list      the plans: id, title, theme, focus
  --no-pdf    skip pack.pdf (faster)

${COMMON_HELP}

Examples:
  ntg pack --list
  ntg pack healthier-communities-nuneaton-bedworth
  ntg pack --all --no-pdf`,
  options: {
    ...COMMON_OPTIONS,
    all: { type: "boolean" },
    list: { type: "boolean" },
    "no-pdf": { type: "boolean" },
  },
  allowPositionals: true,
  async run({ config, values, positionals, output, reporter }) {
    const modes = [values.all === true, values.list === true, positionals.length > 0].filter(Boolean).length;
    if (modes !== 1 || positionals.length > 1)
      throw new UsageError("give one plan id, or --all, or --list", "`ntg pack --list` shows the plans.");
    const plans = readPlans(plansDir(config.sourcesDir), knownIds(config.sourcesDir));
    if (values.list) {
      output.write(
        formatRows(
          "table",
          ["plan", "title", "theme", "focus"],
          plans.map((plan) => [
            plan.id,
            plan.title,
            plan.theme,
            `${plan.focus.level} ${plan.focus.within ? `within ${plan.focus.within}` : (plan.focus.areas ?? []).join(", ")}`.trim(),
          ]),
        ),
      );
      return 0;
    }
    const chosen = values.all ? plans : [findPlan(plans, positionals[0]!)];
    if (chosen.length === 0) throw new UsageError(`no plans in ${plansDir(config.sourcesDir)}`);
    if (!existsSync(config.warehousePath))
      throw new SourceError(`no warehouse at ${config.warehousePath}`, "Run `ntg run` first.");
    const warehouse = await Warehouse.open(config.warehousePath, { readOnly: true });
    try {
      let missingPdf = "";
      for (const plan of chosen) {
        reporter.info(`pack ${plan.id}: building`);
        const result = await buildPack(warehouse, plan, {
          distDir: config.distDir,
          toolVersion: toolVersion(),
          pdf: values["no-pdf"] !== true,
        });
        output.write(`${summaryLine(result)}\n`);
        if (!result.pdf.written && result.pdf.reason !== "--no-pdf") missingPdf = result.pdf.reason;
      }
      if (missingPdf) reporter.warn(missingPdf);
      return 0;
    } finally {
      warehouse.close();
    }
  },
};
