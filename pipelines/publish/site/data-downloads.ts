/**
 * The data each page offers: every named sql result as CSV (formula-like cells neutralised, see
 * `format-table.ts`) and Parquet (DuckDB `COPY … TO … (FORMAT parquet)` from the temporary table the
 * query's result was kept in, so the Parquet file has the warehouse's column types and the query runs once). A result that does not depend on the
 * page is written once per template under `data/<notebook>/`; a page's own results under
 * `data/<page path>/`. Small-number suppression is not applied yet (it comes with the evidence packs).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formatCsv } from "../../util/format-table.ts";
import { quoteLiteral, type Warehouse } from "../../warehouse/warehouse.ts";
import type { DataDownload, RenderedPage } from "./page-render.ts";
import { singleStatement } from "./run-sql.ts";
import { slugify } from "./site-paths.ts";

export interface PlannedDownload {
  download: DataDownload;
  /** Site-relative path without extension, e.g. data/areas/wcc-l01/indicators. */
  base: string;
}

export function downloadBase(page: RenderedPage, download: DataDownload): string {
  const folder = download.shared
    ? `data/${slugify(page.plan.notebook.file.replace(/\.md$/, ""))}`
    : `data/${page.plan.path.replace(/\.html$/, "")}`;
  return `${folder}/${slugify(download.name)}`;
}

/** Writes each distinct download once; returns the site-relative paths written. */
export async function writeDownloads(
  warehouse: Warehouse,
  folder: string,
  planned: PlannedDownload[],
): Promise<string[]> {
  const written = new Set<string>();
  for (const { download, base } of planned) {
    if (written.has(`${base}.csv`)) continue;
    const file = path.join(folder, ...base.split("/"));
    mkdirSync(path.dirname(file), { recursive: true });
    const columns = [...download.result.columns];
    const rows = download.result.map((row) => columns.map((column) => row[column]));
    writeFileSync(`${file}.csv`, formatCsv(columns, rows));
    const target = quoteLiteral(`${file}.parquet`);
    if (download.result.missingTable) {
      await warehouse.run(`COPY (SELECT NULL AS no_data LIMIT 0) TO ${target} (FORMAT parquet)`);
    } else if (download.result.temporaryTable) {
      await warehouse.run(`COPY ${download.result.temporaryTable} TO ${target} (FORMAT parquet)`);
    } else {
      await warehouse.run(
        `COPY (${singleStatement(download.sql)}) TO ${quoteLiteral(`${file}.parquet`)} (FORMAT parquet)`,
        download.values.length > 0 ? download.values : undefined,
      );
    }
    written.add(`${base}.csv`).add(`${base}.parquet`);
  }
  return [...written];
}
