/**
 * Builds one evidence pack: reads and protects the tables, writes index.html, pack.pdf, data.xlsx, a CSV
 * and a Parquet file per table and manifest.json into a temporary folder under DIST/packs, then swaps the
 * folder into place as DIST/packs/<plan>/ (so a failed build never leaves half a pack) and writes
 * DIST/packs/<plan>.zip of it.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { zipArchive } from "../../util/zip-archive.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import type { DisclosureSummary } from "../disclosure/index.ts";
import { collectPack } from "./collect-pack.ts";
import { forecastSection } from "./forecast-section.ts";
import { interventionSection } from "./intervention-section.ts";
import { optionsSection } from "./options-section.ts";
import { packWorkbook, tableCsv, writeParquetFiles } from "./pack-exports.ts";
import { type PackMeta, packHtml } from "./pack-html.ts";
import { fileEntry, notesRows, packManifest } from "./pack-manifest.ts";
import { type PdfResult, renderPackPdf } from "./pack-pdf.ts";
import { buildInfo, packSources } from "./pack-sources.ts";
import { performanceSection } from "./performance-section.ts";
import type { LoadedPlan } from "./read-plans.ts";
import { understandingSection } from "./understanding-section.ts";

export interface PackBuildOptions {
  distDir: string;
  toolVersion: string;
  /** Render pack.pdf with Chromium (default true). */
  pdf?: boolean;
  /** Generation time (tests pin it). */
  now?: Date;
}

export interface PackBuildResult {
  plan: string;
  folder: string;
  zip: string;
  files: string[];
  tables: number;
  pdf: PdfResult;
  disclosure: DisclosureSummary;
  seconds: number;
}

export async function buildPack(
  warehouse: Warehouse,
  plan: LoadedPlan,
  options: PackBuildOptions,
): Promise<PackBuildResult> {
  const started = performance.now();
  const data = await collectPack(warehouse, plan);
  const sections = [
    understandingSection,
    performanceSection,
    forecastSection,
    interventionSection,
    optionsSection,
  ].map((build) => build(data));
  const generatedAt = options.now ?? new Date();
  const dataFiles = [
    "data.xlsx",
    ...data.tables.flatMap((table) => [`${table.id}.csv`, `${table.id}.parquet`]),
  ];
  const meta: PackMeta = {
    generatedAt,
    toolVersion: options.toolVersion,
    build: await buildInfo(warehouse),
    sources: await packSources(warehouse, data.context),
    files: dataFiles,
  };
  const packsDir = path.join(options.distDir, "packs");
  mkdirSync(packsDir, { recursive: true });
  const temporary = mkdtempSync(path.join(packsDir, `.${plan.id}-`));
  try {
    const write = (name: string, content: string | Buffer) =>
      writeFileSync(path.join(temporary, name), content);
    write("index.html", packHtml(data, sections, meta));
    write("data.xlsx", packWorkbook(data.tables, notesRows(data, meta)));
    for (const table of data.tables) write(`${table.id}.csv`, tableCsv(table));
    await writeParquetFiles(data.tables, temporary);
    const pdf: PdfResult =
      options.pdf === false
        ? { written: false, reason: "--no-pdf" }
        : await renderPackPdf(path.join(temporary, "index.html"), path.join(temporary, "pack.pdf"), {
            title: plan.title,
            date: generatedAt.toISOString().slice(0, 10),
          });
    const files = readdirSync(temporary).sort();
    const entries = files.map((name) => fileEntry(name, readFileSync(path.join(temporary, name))));
    write("manifest.json", `${JSON.stringify(packManifest(data, meta, entries), null, 2)}\n`);
    const folder = path.join(packsDir, plan.id);
    swapInto(temporary, folder);
    const zip = `${folder}.zip`;
    const names = readdirSync(folder).sort();
    writeFileSync(
      `${zip}.tmp`,
      zipArchive(
        names.map((name) => ({ name: `${plan.id}/${name}`, data: readFileSync(path.join(folder, name)) })),
      ),
    );
    renameSync(`${zip}.tmp`, zip);
    return {
      plan: plan.id,
      folder,
      zip,
      files: names,
      tables: data.tables.length,
      pdf,
      disclosure: data.disclosure,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}

/** Replaces `folder` with `temporary` (renames; the old pack is removed only once the new one is in place). */
function swapInto(temporary: string, folder: string): void {
  const old = `${temporary}-old`;
  chmodSync(temporary, 0o755); // mkdtemp makes it private; a pack is for sharing
  if (existsSync(folder)) renameSync(folder, old);
  renameSync(temporary, folder);
  rmSync(old, { recursive: true, force: true });
}
