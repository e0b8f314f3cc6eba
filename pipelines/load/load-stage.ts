/**
 * The load stage: schema, indicator catalogue, then every source in phase order (lookups, local
 * definitions, area-registering sources, data), rebuilding the area closure after the geography phases.
 * Prints one line per source with rows read, loaded and rejected, and a summary of rejects by reason.
 */
import { existsSync, statSync } from "node:fs";
import type { Indicator } from "../catalogue/indicator-catalogue.ts";
import { loadCatalogue } from "../catalogue/indicator-catalogue.ts";
import { displayPath } from "../config/read-yaml-config.ts";
import type { FetchedSource } from "../fetch/fetch-source.ts";
import { formatCount, formatSeconds, type Reporter } from "../util/reporter.ts";
import { rebuildAreaLinks } from "../warehouse/area-links.ts";
import { SCHEMA_SQL, SCHEMA_VERSION } from "../warehouse/schema.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { createLoadContext, LOAD_PHASES } from "./adapter.ts";
import type { PreparedSource } from "./adapters/index.ts";

export interface SourceLoadSummary {
  id: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  seconds: number;
}

export interface LoadInput {
  warehouse: Warehouse;
  sources: PreparedSource[];
  fetched: Map<string, FetchedSource>;
  catalogue: Indicator[];
  reporter: Reporter;
  runId: string;
}

async function recordSource(
  input: LoadInput,
  source: PreparedSource,
  fetched: FetchedSource,
  summary: SourceLoadSummary,
): Promise<void> {
  const m = source.manifest;
  await input.warehouse.run(
    `INSERT INTO source (id, title, publisher, official_url, download_url, licence, sha256, file_name, format, geography_type, geography_vintage,
       period, illustrative, origin, origin_path, loaded_at, rows_read, rows_loaded, rows_rejected, notes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, current_timestamp, $16, $17, $18, $19)`,
    [
      m.id,
      m.title,
      m.publisher,
      m.officialUrl,
      m.download && "url" in m.download ? m.download.url : null,
      m.licence,
      fetched.sha256,
      m.file,
      m.format,
      m.geography.type,
      m.geography.vintage,
      m.period ?? null,
      m.illustrative,
      fetched.origin,
      fetched.origin === "download" ? fetched.originPath : displayPath(fetched.originPath),
      summary.rowsRead,
      summary.rowsLoaded,
      summary.rowsRejected,
      m.notes ?? null,
    ],
  );
}

/** How many data sources load at once (NTG_LOAD_CONCURRENCY; default 2, the project machine's cores). */
function loadConcurrency(): number {
  const value = Number(process.env.NTG_LOAD_CONCURRENCY);
  return Number.isInteger(value) && value >= 1 ? value : 2;
}

async function loadInParallel(input: LoadInput, sources: PreparedSource[]): Promise<SourceLoadSummary[]> {
  // Largest files first, so that the longest loads do not start last and leave one connection idle.
  const size = (source: PreparedSource) => {
    const fetched = input.fetched.get(source.manifest.id);
    return fetched && existsSync(fetched.path) ? statSync(fetched.path).size : 0;
  };
  const queue = [...sources]
    .map((source) => ({ source, bytes: size(source) }))
    .sort((a, b) => b.bytes - a.bytes || a.source.manifest.id.localeCompare(b.source.manifest.id))
    .map((entry) => entry.source);
  const summaries: SourceLoadSummary[] = [];
  const worker = async () => {
    const connection = await input.warehouse.connect();
    try {
      for (let source = queue.shift(); source; source = queue.shift()) {
        summaries.push(await loadOne({ ...input, warehouse: connection }, source));
      }
    } finally {
      connection.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(loadConcurrency(), sources.length) }, worker));
  return summaries;
}

async function loadOne(input: LoadInput, source: PreparedSource): Promise<SourceLoadSummary> {
  const started = performance.now();
  const fetched = input.fetched.get(source.manifest.id);
  if (!fetched) throw new Error(`internal: ${source.manifest.id} was not fetched`);
  const context = createLoadContext(input.warehouse, source.manifest, fetched.path, input.reporter);
  const result = await source.adapter.load(context, source.options);
  const rowsRejected =
    (await input.warehouse.scalar<number>(
      "SELECT count(DISTINCT coalesce(line, -1)) FROM reject WHERE source = $1",
      [source.manifest.id],
    )) ?? 0;
  const summary = {
    id: source.manifest.id,
    ...result,
    rowsRejected,
    seconds: (performance.now() - started) / 1000,
  };
  await recordSource(input, source, fetched, summary);
  input.reporter.info(
    `  ${summary.id.padEnd(34)} ${formatCount(summary.rowsRead).padStart(9)} read ${formatCount(summary.rowsLoaded).padStart(10)} loaded ${formatCount(rowsRejected).padStart(6)} rejected  ${summary.seconds.toFixed(1)} s`,
  );
  return summary;
}

/** Loads every prepared source into an open (empty) warehouse. */
export async function loadSources(input: LoadInput): Promise<SourceLoadSummary[]> {
  const started = performance.now();
  const { warehouse, reporter } = input;
  await warehouse.run(SCHEMA_SQL);
  await warehouse.run("INSERT INTO meta VALUES ('schema_version', $1), ('run_id', $2)", [
    String(SCHEMA_VERSION),
    input.runId,
  ]);
  await loadCatalogue(warehouse, input.catalogue);
  reporter.info(
    `load: ${input.sources.length} sources (indicator catalogue: ${input.catalogue.length} indicators)`,
  );
  const ordered = [...input.sources].sort(
    (a, b) => a.phase - b.phase || a.manifest.id.localeCompare(b.manifest.id),
  );
  const summaries: SourceLoadSummary[] = [];
  for (const phase of [...new Set(ordered.map((s) => s.phase))]) {
    if (phase > LOAD_PHASES.lookups) await rebuildAreaLinks(warehouse);
    const sources = ordered.filter((s) => s.phase === phase);
    // Data sources only append their own rows, so they load side by side on separate connections;
    // geography phases write shared area tables and stay sequential.
    if (phase === LOAD_PHASES.data) summaries.push(...(await loadInParallel(input, sources)));
    else for (const source of sources) summaries.push(await loadOne(input, source));
  }
  const position = new Map(ordered.map((s, index) => [s.manifest.id, index]));
  summaries.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const links = await rebuildAreaLinks(warehouse);
  const totals = summaries.reduce(
    (t, s) => ({
      read: t.read + s.rowsRead,
      loaded: t.loaded + s.rowsLoaded,
      rejected: t.rejected + s.rowsRejected,
    }),
    { read: 0, loaded: 0, rejected: 0 },
  );
  reporter.info(
    `load: ${formatCount(totals.loaded)} rows loaded, ${formatCount(totals.rejected)} rejected, ${formatCount(links)} area links, in ${formatSeconds(started)}`,
  );
  await reportRejectReasons(warehouse, reporter);
  return summaries;
}

async function reportRejectReasons(warehouse: Warehouse, reporter: Reporter): Promise<void> {
  const reasons = await warehouse.rows<{
    source: string;
    reason: string;
    rows: number;
    first_line: number | null;
  }>(
    `SELECT source, regexp_replace(reason, '\\(.*\\)', '(…)') AS reason, count(*) AS rows, min(line) AS first_line
     FROM reject GROUP BY ALL ORDER BY source, rows DESC`,
  );
  if (reasons.length === 0) return;
  reporter.info('rejected rows by reason (all listed in table reject: ntg query "select * from reject"):');
  for (const r of reasons) {
    reporter.info(
      `  ${r.source.padEnd(34)} ${formatCount(r.rows).padStart(6)}  ${r.reason}${r.first_line ? ` (first at line ${r.first_line})` : ""}`,
    );
  }
}
