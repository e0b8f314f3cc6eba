/**
 * Renders one page of a notebook (one expansion of a template): runs its cells in order against the shared
 * site context and returns the page body, its title, the data it offers for download, and whether it
 * shows localities (so the layout adds the illustrative-definition note).
 */
import type { DuckDBValue } from "@duckdb/node-api";
import { tableFromObjects } from "./data-table.ts";
import { evaluateCell, evaluateExpression } from "./evaluate-js.ts";
import { escapeHtml } from "./html.ts";
import type { Notebook, NotebookCell } from "./notebook.ts";
import { renderNotebookMarkdown, renderTemplateText } from "./notebook-markdown.ts";
import { type PageIndex, pageHelpers } from "./page-helpers.ts";
import { protectQueryResult } from "./protect-query-result.ts";
import { renderOutput } from "./render-output.ts";
import { type QueryResult, runCachedQuery } from "./run-sql.ts";
import type { SiteContext } from "./site-context.ts";
import { resolveLink } from "./site-paths.ts";
import { bindSqlParameters, rootNames } from "./sql-parameters.ts";

export interface PagePlan {
  notebook: Notebook;
  path: string;
  /** The template value (`area`, `indicator` …) this page was made for. */
  binding?: { name: string; value: Record<string, unknown> };
}

export interface DataDownload {
  name: string;
  sql: string;
  values: DuckDBValue[];
  result: QueryResult;
  /**
   * True when the query does not depend on the page (its parameters use only site-wide values such as
   * `site.county.code`): it runs once and one file serves every page of the template.
   */
  shared: boolean;
}

export interface RenderedPage {
  plan: PagePlan;
  title: string;
  body: string;
  downloads: DataDownload[];
  usesLocalities: boolean;
}

/**
 * Whether a page shows localities: it was made for one, or its body names one of the illustrative
 * localities (the layout's area picker is not part of the body). Front matter `localities:` overrides.
 */
function showsLocalities(plan: PagePlan, body: string, info: SiteContext["info"]): boolean {
  if (plan.notebook.frontMatter.localities !== undefined) return plan.notebook.frontMatter.localities;
  if (plan.binding?.value.type === "locality") return true;
  return info.illustrativeLocalityNames.some((name) => body.includes(escapeHtml(name)));
}

export async function renderPage(plan: PagePlan, site: SiteContext, index: PageIndex): Promise<RenderedPage> {
  const { notebook } = plan;
  const scope: Record<string, unknown> = {
    ...pageHelpers(plan.path, site.info, index, site.components),
    ...site.components,
  };
  /** Names whose value depends on the page: not visible to `once` cells. */
  const pageSpecific = new Set<string>(["page", "link", "pageFor", "areaLink"]);
  if (plan.binding) {
    scope[plan.binding.name] = plan.binding.value;
    pageSpecific.add(plan.binding.name);
  }
  const where = (line: number) => `notebooks/${notebook.file}:${line} (page ${plan.path})`;
  const evaluate = (line: number) => (expression: string) => evaluateCell(expression, scope, where(line));
  const title = await renderTemplateText(notebook.frontMatter.title, evaluate(1));
  const downloads: DataDownload[] = [];
  const parts: string[] = [];
  const headingIds = new Set<string>(["main", "downloads"]);
  let charts = 0;
  const output = { nextChartId: () => `chart-${++charts}`, where: "" };
  for (const block of notebook.blocks) {
    if (block.kind === "markdown") {
      const link = (href: string) => resolveLink(href, plan.path);
      parts.push(await renderNotebookMarkdown(block.text, evaluate(block.line), { link, headingIds }));
    } else if (block.kind === "sql") {
      const { result: raw, download } = await runSqlCell(block, scope, pageSpecific, site, where(block.line));
      // Nothing after this line sees an unprotected count: cells, tables, charts and downloads alike.
      const result = protectQueryResult(raw, block, notebook, site, where(block.line));
      if (!download.shared && block.name) pageSpecific.add(block.name);
      if (block.name) scope[block.name] = result;
      if (block.name && !block.options.has("no-download"))
        downloads.push({ ...download, name: block.name, result });
      if (!block.name || block.options.has("show")) parts.push(tableFromObjects(result).markup);
    } else {
      const value = await runJsCell(block, scope, pageSpecific, site, where(block.line));
      if (block.name) {
        scope[block.name] = value;
        if (!block.options.has("once")) pageSpecific.add(block.name);
      } else {
        output.where = where(block.line);
        parts.push(renderOutput(value, output));
      }
    }
  }
  const body = parts.join("\n");
  return { plan, title, body, downloads, usesLocalities: showsLocalities(plan, body, site.info) };
}

async function runSqlCell(
  cell: NotebookCell,
  scope: Record<string, unknown>,
  pageSpecific: Set<string>,
  site: SiteContext,
  where: string,
) {
  const bound = bindSqlParameters(
    cell.code,
    (expression) => evaluateExpression(expression, scope, where),
    where,
  );
  const result = await runCachedQuery(site.warehouse, site.queryCache, bound.sql, bound.values, {
    optional: cell.options.has("optional"),
    where,
    keep: cell.name !== undefined && !cell.options.has("no-download"),
  });
  const shared = bound.expressions.every((expression) =>
    rootNames(expression).every((name) => !pageSpecific.has(name)),
  );
  return { result, download: { sql: bound.sql, values: bound.values, shared } };
}

async function runJsCell(
  cell: NotebookCell,
  scope: Record<string, unknown>,
  pageSpecific: Set<string>,
  site: SiteContext,
  where: string,
): Promise<unknown> {
  if (!cell.options.has("once")) return evaluateCell(cell.code, scope, where);
  const key = `${where.split(" (page")[0]}`;
  let value = site.onceCache.get(key);
  if (!value) {
    const shared = Object.fromEntries(Object.entries(scope).filter(([name]) => !pageSpecific.has(name)));
    value = evaluateCell(cell.code, shared, `${where} [once]`);
    site.onceCache.set(key, value);
  }
  return value;
}
