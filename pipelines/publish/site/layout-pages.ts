/**
 * From rendered page bodies to whole pages: the menu (notebooks with `menu:` in their `order`), the area
 * picker (every page made for an area), each page's download links, and which optional links the layout
 * may make (a page or an anchor that exists).
 */
import { downloadBase } from "./data-downloads.ts";
import type { PageIndex } from "./page-helpers.ts";
import { type AreaPage, type MenuItem, pageHtml } from "./page-layout.ts";
import type { PagePlan, RenderedPage } from "./page-render.ts";
import type { SiteInfo } from "./site-context.ts";

/** Template pages by the code or id they were made for (for `pageFor`), and the area pages (for the picker). */
export function indexPages(plans: PagePlan[]): { index: PageIndex; areaPages: AreaPage[] } {
  const index: PageIndex = { byKey: new Map() };
  const areaPages: AreaPage[] = [];
  for (const plan of plans) {
    const value = plan.binding?.value;
    const key = value?.code ?? value?.id;
    if (key !== undefined && !index.byKey.has(String(key))) index.byKey.set(String(key), plan.path);
    if (plan.binding?.name === "area" && value) {
      areaPages.push({
        path: plan.path,
        name: String(value.name ?? value.code),
        type: String(value.type ?? ""),
      });
    }
  }
  return { index, areaPages };
}

export function layoutPages(
  rendered: RenderedPage[],
  plans: PagePlan[],
  areaPages: AreaPage[],
  info: SiteInfo,
) {
  const menu: MenuItem[] = plans
    .filter((plan) => !plan.binding && plan.notebook.frontMatter.menu)
    .sort((a, b) => a.notebook.frontMatter.order - b.notebook.frontMatter.order)
    .map((plan) => ({ label: plan.notebook.frontMatter.menu!, path: plan.path }));
  const pagePaths = new Set(plans.map((plan) => plan.path));
  const bodies = new Map(rendered.map((page) => [page.plan.path, page.body]));
  /** "methods.html" or "methods.html#localities": is there such a page (with an element of that id)? */
  const hasPage = (target: string) => {
    const [sitePath = "", fragment] = target.split("#");
    return (
      pagePaths.has(sitePath) && (!fragment || (bodies.get(sitePath) ?? "").includes(`id="${fragment}"`))
    );
  };
  return new Map(
    rendered.map((page) => [
      page.plan.path,
      pageHtml({
        pagePath: page.plan.path,
        title: page.title,
        description: page.plan.notebook.frontMatter.description,
        body: page.body,
        downloads: page.downloads.map((download) => {
          const base = downloadBase(page, download);
          return {
            name: download.name,
            rows: download.result.length,
            csv: `${base}.csv`,
            parquet: `${base}.parquet`,
            shared: download.shared && page.plan.binding !== undefined,
          };
        }),
        usesLocalities: page.usesLocalities,
        menu,
        areaPages,
        info,
        hasPage,
      }),
    ]),
  );
}
