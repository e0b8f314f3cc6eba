/**
 * Turns notebooks into the list of pages to render: a plain notebook is one page; a template (`for:`) is
 * one page per row of its collection, at the path its `path:` pattern gives. Notebooks whose `requires:`
 * tables are missing are skipped with the reason, so a page can ship before the derive step it needs.
 */
import { BuildError, SchemaError } from "../../../models/errors.ts";
import type { Warehouse } from "../../warehouse/warehouse.ts";
import { expansionRows } from "./collections.ts";
import { evaluateExpression } from "./evaluate-js.ts";
import { expansionOf } from "./front-matter.ts";
import type { Notebook } from "./notebook.ts";
import type { PagePlan } from "./page-render.ts";
import type { SiteInfo } from "./site-context.ts";
import { checkPagePath, slugify } from "./site-paths.ts";
import { splitTemplate } from "./template-expressions.ts";

export interface PagePlans {
  plans: PagePlan[];
  skipped: string[];
}

export async function planPages(
  notebooks: Notebook[],
  warehouse: Warehouse,
  info: SiteInfo,
  tables: Set<string>,
): Promise<PagePlans> {
  const plans: PagePlan[] = [];
  const skipped: string[] = [];
  for (const notebook of notebooks) {
    const { frontMatter, file } = notebook;
    if (frontMatter.draft) {
      skipped.push(`${file}: draft`);
      continue;
    }
    const missing = frontMatter.requires.filter((table) => !tables.has(table));
    if (missing.length > 0) {
      skipped.push(`${file}: needs table${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
      continue;
    }
    const expansion = expansionOf(frontMatter, file);
    if (!expansion) {
      plans.push({ notebook, path: checkPagePath(frontMatter.path ?? file.replace(/\.md$/, ".html"), file) });
      continue;
    }
    if (!frontMatter.path) {
      throw new SchemaError(
        `notebooks/${file}: a template (for:) needs a path pattern`,
        `Add e.g. path: ${expansion.as === "area" ? "areas/$" + "{area.code}" : "indicators/$" + "{indicator.id}"}.html`,
      );
    }
    const rows = await expansionRows(warehouse, expansion, info, tables, file);
    if (rows.length === 0) skipped.push(`${file}: the collection has no rows`);
    for (const value of rows) {
      const binding = { name: expansion.as, value };
      plans.push({ notebook, path: pathFor(frontMatter.path, { [expansion.as]: value }, file), binding });
    }
  }
  const seen = new Map<string, string>();
  for (const plan of plans) {
    const other = seen.get(plan.path);
    if (other) {
      throw new BuildError(
        `two pages would be written to ${plan.path} (from notebooks/${other} and notebooks/${plan.notebook.file})`,
        "Give each notebook its own path pattern, with a value that differs per page.",
      );
    }
    seen.set(plan.path, plan.notebook.file);
  }
  return { plans, skipped };
}

function pathFor(pattern: string, scope: Record<string, unknown>, file: string): string {
  const text = splitTemplate(pattern)
    .map((part) =>
      typeof part === "string"
        ? part
        : slugify(evaluateExpression(part.expression, scope, `notebooks/${file}: path`)),
    )
    .join("");
  return checkPagePath(text, file);
}
