/**
 * Renders every planned page, a few at a time: while one page waits for DuckDB (which works on its own
 * threads), another page's cells run, so the build's single JavaScript thread is rarely idle. Pages keep
 * their plan order, and each notebook's pages and elapsed time are reported.
 */
import type { Reporter } from "../../util/reporter.ts";
import type { PageIndex } from "./page-helpers.ts";
import { type PagePlan, type RenderedPage, renderPage } from "./page-render.ts";
import type { SiteContext } from "./site-context.ts";

/** Pages in flight at once: enough to hide query latency, few enough to keep memory small. */
export const PAGES_IN_FLIGHT = 4;

export async function renderPages(
  plans: PagePlan[],
  site: SiteContext,
  index: PageIndex,
  reporter: Reporter,
  inFlight = PAGES_IN_FLIGHT,
): Promise<RenderedPage[]> {
  const rendered: RenderedPage[] = new Array(plans.length);
  const timing = new Map<string, { pages: number; first: number; last: number }>();
  let next = 0;
  const worker = async () => {
    while (next < plans.length) {
      const position = next++;
      const plan = plans[position]!;
      const started = performance.now();
      rendered[position] = await renderPage(plan, site, index);
      const entry = timing.get(plan.notebook.file) ?? { pages: 0, first: started, last: started };
      entry.pages += 1;
      entry.first = Math.min(entry.first, started);
      entry.last = Math.max(entry.last, performance.now());
      timing.set(plan.notebook.file, entry);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, inFlight) }, worker));
  for (const [file, entry] of timing) {
    const pages = `${String(entry.pages).padStart(4)} page${entry.pages === 1 ? " " : "s"}`;
    reporter.info(`  site: ${file.padEnd(24)} ${pages} ${((entry.last - entry.first) / 1000).toFixed(1)} s`);
  }
  return rendered;
}
