/**
 * Disclosure control for a sql cell's result, before any later cell, table, chart or download sees it:
 * counts, figures computed from them and totals are found by column name or declared in the notebook's
 * front matter (`disclosure:`), and the county's indicator counts suppressed for the whole site are
 * suppressed here too (so a locality hidden on its indicator page is hidden on its own page). A result
 * serves many pages, so its protected copy is kept per notebook and cell.
 */
import { BuildError, ModelInputError } from "../../../models/errors.ts";
import { protectResult, type RoleDeclaration, resolveRoles } from "../disclosure/index.ts";
import type { Notebook, NotebookCell } from "./notebook.ts";
import { type QueryResult, queryResultOf } from "./run-sql.ts";
import type { SiteContext } from "./site-context.ts";

export function protectQueryResult(
  result: QueryResult,
  cell: NotebookCell,
  notebook: Notebook,
  site: SiteContext,
  where: string,
): QueryResult {
  const cacheKey = `${notebook.file}\u0000${cell.name ?? `line ${cell.line}`}`;
  const copies = site.protectedResults.get(result) ?? new Map<string, QueryResult>();
  const known = copies.get(cacheKey);
  if (known) return known;
  const declaration = (cell.name ? notebook.frontMatter.disclosure[cell.name] : undefined) ?? {};
  const published = protectedCopy(result, declaration, site, where, cell.name ?? "result");
  copies.set(cacheKey, published);
  site.protectedResults.set(result, copies);
  return published;
}

function protectedCopy(
  result: QueryResult,
  declaration: RoleDeclaration,
  site: SiteContext,
  where: string,
  name: string,
): QueryResult {
  if (result.missingTable) return result;
  // A bad declaration (a column the result does not have) is a SchemaError naming the cell: it goes up as is.
  const roles = resolveRoles(result.columns, result, declaration, site.disclosure.hierarchy, where);
  try {
    const published = protectResult(name, result, roles, site.disclosure);
    if (published.controlled.length === 0) return result;
    return queryResultOf(result.columns, published.rows, {
      temporaryTable: result.temporaryTable,
      controlled: published.controlled,
      suppressedColumns: published.suppressedColumns,
    });
  } catch (error) {
    if (error instanceof ModelInputError) {
      throw new BuildError(
        `${where}: disclosure control: ${error.message}`,
        "One indicator, area and period must be one row: select sex and age when the result has several.",
      );
    }
    throw error;
  }
}
