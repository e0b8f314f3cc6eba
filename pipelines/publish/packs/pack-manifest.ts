/**
 * What the pack says about itself: `manifest.json` (the plan, the parameters it was built with, the tool
 * version, the warehouse run, the generation time, every source with publisher, licence and sha256, the
 * disclosure summary and each file's sha256) and the rows of the notes sheet of data.xlsx (definitions,
 * columns and sources), so a table lifted out of the workbook still carries its meaning and provenance.
 */
import { createHash } from "node:crypto";
import type { PackData } from "./collect-pack.ts";
import { EXAMPLE_TARGETS_NOTE } from "./forecast-data.ts";
import type { PackMeta } from "./pack-html.ts";

export interface PackFile {
  name: string;
  bytes: number;
  sha256: string;
}

export function fileEntry(name: string, data: Buffer | string): PackFile {
  const buffer = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return { name, bytes: buffer.length, sha256: createHash("sha256").update(buffer).digest("hex") };
}

export function packManifest(data: PackData, meta: PackMeta, files: PackFile[]): Record<string, unknown> {
  const { plan, focus, headline, county, rankingLevel, smallAreas } = data.context;
  return {
    plan: {
      id: plan.id,
      file: `sources/plans/${plan.id}.yaml`,
      title: plan.title,
      theme: plan.theme,
      partnership: plan.partnership ?? null,
      focus: plan.focus,
      indicators: plan.indicators,
      targets: plan.targets,
      scenarios: plan.scenarios,
    },
    parameters: {
      deprivationEdition: plan.deprivation.edition,
      disclosure: plan.disclosure,
      smallAreas,
      rankingLevel,
      focusAreas: focus.map((area) => ({
        code: area.code,
        name: area.name,
        type: area.type,
        illustrative: area.illustrative,
      })),
      wholeArea: { code: headline.code, name: headline.name, type: headline.type },
      county: { code: county.code, name: county.name },
    },
    tool: { name: "ntg (narrowing-the-gaps)", version: meta.toolVersion },
    runId: meta.build.runId,
    warehouseBuiltAt: meta.build.builtAt,
    generatedAt: meta.generatedAt.toISOString(),
    sources: meta.sources.map((source) => ({
      id: source.id,
      title: source.title,
      publisher: source.publisher,
      licence: source.licence,
      sha256: source.sha256,
      officialUrl: source.official_url,
      illustrative: source.illustrative,
    })),
    disclosure: data.disclosure,
    tables: data.tables.map((table) => ({ id: table.id, title: table.title, rows: table.rows.length })),
    files,
  };
}

/** Rows of the notes sheet: [topic, item, note]. */
export function notesRows(data: PackData, meta: PackMeta): string[][] {
  const { plan } = data.context;
  const rows: string[][] = [
    ["pack", "plan", `${plan.title} (${plan.id})`],
    ["pack", "theme group", plan.theme],
    ["pack", "focus areas", data.context.focus.map((area) => `${area.name} (${area.code})`).join(", ")],
    [
      "pack",
      "generated",
      `${meta.generatedAt.toISOString()} by ntg ${meta.toolVersion}, warehouse run ${meta.build.runId ?? "unknown"}`,
    ],
    [
      "pack",
      "disclosure control",
      `Counts from 1 to ${plan.disclosure.threshold - 1} are shown as ${plan.disclosure.marker}, with further cells where they could be recovered from a total, and rates or shares computed from them. ${data.disclosure.primary} small counts, ${data.disclosure.secondary} further cells and ${data.disclosure.dependent} dependent values suppressed.`,
    ],
  ];
  if (data.context.illustrative)
    rows.push([
      "pack",
      "illustrative areas",
      "Localities and priority areas use an illustrative local definition (sources/geography): replace it before relying on area figures.",
    ]);
  if (data.tables.some((table) => table.rows.some((row) => row.example === true)))
    rows.push(["pack", "example targets", EXAMPLE_TARGETS_NOTE]);
  for (const table of data.tables) {
    rows.push([`sheet ${table.id}`, table.title, table.description]);
    for (const column of table.columns)
      rows.push([`sheet ${table.id}`, column.name, `${column.label} (${column.kind})`]);
  }
  for (const indicator of data.indicators)
    rows.push([
      "definition",
      `${indicator.name} (${indicator.id})`,
      `${indicator.definition ?? ""} Polarity: ${indicator.polarity}; unit: ${indicator.unit ?? "none"}.`.trim(),
    ]);
  for (const source of meta.sources)
    rows.push([
      "source",
      source.title,
      `${source.publisher}; ${source.licence}; sha256 ${source.sha256}; ${source.official_url}`,
    ]);
  return rows;
}
