/**
 * The data each page offers: every named sql result as CSV (formula-like cells neutralised, see
 * `format-table.ts`) and Parquet (DuckDB `COPY … TO … (FORMAT parquet)` from the temporary table the
 * query's result was kept in, so the Parquet file has the warehouse's column types and the query runs once).
 * A result that does not depend on the page is written once per template under `data/<notebook>/`; a
 * page's own results under `data/<page path>/`.
 *
 * Both files hold the result after disclosure control (`protect-query-result.ts`), never the warehouse's
 * values: in the CSV a suppressed cell holds the marker ("*"); in the Parquet file it is NULL, and a last
 * column `suppressed_columns` (a list of column names, empty when none) says which cells of the row were
 * suppressed, so a suppressed value is never mistaken for a missing one. Results with no count columns
 * (nothing under control) are written as they are, without that column.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BuildError } from "../../../models/errors.ts";
import { formatCsv } from "../../util/format-table.ts";
import { quoteIdentifier, quoteLiteral, type Warehouse } from "../../warehouse/warehouse.ts";
import type { DataDownload, RenderedPage } from "./page-render.ts";
import type { QueryResult } from "./run-sql.ts";
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
      await warehouse.run(
        `COPY (${protectedSelect(download.result, download.result.temporaryTable)}) TO ${target} (FORMAT parquet)`,
      );
    } else {
      // Never re-run the query for Parquet: it would write the warehouse's values, not the protected ones.
      throw new BuildError(
        `${base}: the result of sql cell "${download.name}" was not kept for its Parquet file`,
      );
    }
    written.add(`${base}.csv`).add(`${base}.parquet`);
  }
  return [...written];
}

/**
 * The kept result as published: suppressed cells NULL and the `suppressed_columns` list, rows in the
 * order of the CSV (row i of the result is rowid i of its temporary table).
 */
export function protectedSelect(result: QueryResult, table: string): string {
  if (!result.controlled || !result.suppressedColumns) return `SELECT * FROM ${table} ORDER BY rowid`;
  const suppressed = result.suppressedColumns.flatMap((columns, row) =>
    columns.length === 0 ? [] : [`(${row}::BIGINT, [${columns.map(quoteLiteral).join(", ")}]::VARCHAR[])`],
  );
  if (suppressed.length === 0)
    return `SELECT *, []::VARCHAR[] AS suppressed_columns FROM ${table} ORDER BY rowid`;
  const columns = [...new Set(result.suppressedColumns.flat())];
  const replace = columns.map(
    (column) =>
      `CASE WHEN list_contains(s.suppressed, ${quoteLiteral(column)}) THEN NULL ELSE r.${quoteIdentifier(column)} END AS ${quoteIdentifier(column)}`,
  );
  return `SELECT r.* REPLACE (${replace.join(", ")}), coalesce(s.suppressed, []::VARCHAR[]) AS suppressed_columns
    FROM ${table} r LEFT JOIN (VALUES ${suppressed.join(", ")}) s(row_index, suppressed) ON s.row_index = r.rowid
    ORDER BY r.rowid`;
}
