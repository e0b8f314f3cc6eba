/**
 * `ntg build`: renders `notebooks/*.md` against the warehouse into `dist/site`. One read-only connection
 * and one query cache serve every page; pages are rendered in one process; the site is written to a
 * temporary folder, its internal links checked, and renamed into place only on success.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SourceError } from "../../../models/errors.ts";
import { PROJECT_ROOT, type ProjectConfig } from "../../config/project-config.ts";
import { formatCount, formatSeconds, type Reporter } from "../../util/reporter.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import {
  DEFAULT_DISCLOSURE_SETTINGS,
  type DisclosureSettings,
  readDisclosureSettings,
  readPublishedSuppression,
  suppressedRange,
} from "../disclosure/index.ts";
import { writeBrowserModels } from "./browser-models.ts";
import { downloadBase, type PlannedDownload, writeDownloads } from "./data-downloads.ts";
import { indexPages, layoutPages } from "./layout-pages.ts";
import { assertNoBrokenLinks } from "./link-check.ts";
import { readNotebook } from "./notebook.ts";
import { planPages } from "./plan-pages.ts";
import { renderPages } from "./render-pages.ts";
import { readSiteInfo, type SiteContext } from "./site-context.ts";
import { writeAssets, writeSiteAtomically } from "./site-writer.ts";

export interface SiteBuildOptions {
  warehousePath: string;
  /** Folder of notebook pages (default notebooks/ in the project). */
  notebooksDir: string;
  /** Where the site goes (default DIST/site). */
  outDir: string;
  /** The chart components module (default notebooks/components/index.ts in the project). */
  componentsFile?: string;
  /** Disclosure control (default: counts 1 to 4 suppressed as "*"; `sources/publish/disclosure.yaml`). */
  disclosure?: DisclosureSettings;
}

export interface SiteBuildResult {
  pages: number;
  downloads: number;
  skipped: string[];
  outDir: string;
}

export function siteOptionsFor(
  config: ProjectConfig,
  overrides: Partial<SiteBuildOptions> = {},
): SiteBuildOptions {
  return {
    warehousePath: config.warehousePath,
    notebooksDir: path.join(PROJECT_ROOT, "notebooks"),
    outDir: path.join(config.distDir, "site"),
    disclosure: readDisclosureSettings(config.sourcesDir),
    ...overrides,
  };
}

const DEFAULT_COMPONENTS = path.join(PROJECT_ROOT, "notebooks", "components", "index.ts");

async function loadComponents(file: string, reporter: Reporter): Promise<Record<string, unknown>> {
  if (!existsSync(file)) {
    reporter.warn(`site: ${path.relative(PROJECT_ROOT, file)} not found; pages get no chart components`);
    return {};
  }
  return { ...(await import(file)) };
}

function readNotebooks(folder: string) {
  if (!existsSync(folder)) throw new SourceError(`no notebooks folder at ${folder}`);
  return readdirSync(folder)
    .filter((name) => name.endsWith(".md") && name.toLowerCase() !== "readme.md")
    .sort()
    .map((name) => readNotebook(path.join(folder, name), folder));
}

export async function buildSite(options: SiteBuildOptions, reporter: Reporter): Promise<SiteBuildResult> {
  if (!existsSync(options.warehousePath)) {
    throw new SourceError(`no warehouse at ${options.warehousePath}`, "Run `ntg run` (or `ntg load`) first.");
  }
  const warehouse = await Warehouse.open(options.warehousePath, { readOnly: true });
  try {
    return await buildSiteFromWarehouse(warehouse, options, reporter);
  } finally {
    warehouse.close();
  }
}

/** Builds the site from an open warehouse (tests pass an in-memory one). */
export async function buildSiteFromWarehouse(
  warehouse: Warehouse,
  options: Omit<SiteBuildOptions, "warehousePath">,
  reporter: Reporter,
): Promise<SiteBuildResult> {
  const started = performance.now();
  const notebooks = readNotebooks(options.notebooksDir);
  const components = await loadComponents(options.componentsFile ?? DEFAULT_COMPONENTS, reporter);
  const settings = options.disclosure ?? DEFAULT_DISCLOSURE_SETTINGS;
  const { info, tables } = await readSiteInfo(warehouse, settings);
  const disclosure = await readPublishedSuppression(warehouse, settings, {
    countyCode: info.county?.code ?? null,
  });
  const site: SiteContext = {
    warehouse,
    info,
    tables,
    components,
    queryCache: new Map(),
    onceCache: new Map(),
    disclosure,
    protectedResults: new WeakMap(),
  };
  const { plans, skipped } = await planPages(notebooks, warehouse, info, tables);
  for (const reason of skipped) reporter.info(`  site: skipped ${reason}`);
  const { index, areaPages } = indexPages(plans);
  const rendered = await renderPages(plans, site, index, reporter);
  const renderedAt = performance.now();
  const html = layoutPages(rendered, plans, areaPages, info);
  const downloads: PlannedDownload[] = rendered.flatMap((page) =>
    page.downloads.map((download) => ({ download, base: downloadBase(page, download) })),
  );
  let dataFiles = 0;
  await writeSiteAtomically(options.outDir, async (folder) => {
    const files = new Set<string>(writeAssets(folder, options.notebooksDir));
    files.add(await writeBrowserModels(folder));
    for (const [pagePath, markup] of html) {
      const file = path.join(folder, ...pagePath.split("/"));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, markup);
      files.add(pagePath);
    }
    const written = await writeDownloads(warehouse, folder, downloads);
    dataFiles = written.length;
    for (const file of written) files.add(file);
    assertNoBrokenLinks(html, files);
  });
  reporter.info(
    `site: ${formatCount(rendered.length)} pages, ${formatCount(dataFiles)} data files in ${options.outDir} (${formatSeconds(started)}; writing ${formatSeconds(renderedAt)})`,
  );
  const { primary, secondary } = disclosure.summary;
  reporter.info(
    `site: disclosure control: ${suppressedRange(settings)} shown as ${settings.marker}; ${formatCount(primary)} small indicator count${primary === 1 ? "" : "s"} and ${formatCount(secondary)} further cell${secondary === 1 ? "" : "s"} suppressed on every page`,
  );
  return { pages: rendered.length, downloads: dataFiles, skipped, outDir: options.outDir };
}

/** Builds the site for a resolved project configuration (what `ntg run` and `ntg build` call). */
export async function buildSiteForConfig(
  config: ProjectConfig,
  reporter: Reporter,
): Promise<SiteBuildResult> {
  return buildSite(siteOptionsFor(config), reporter);
}
