import path from "node:path";
import { buildSite, siteOptionsFor } from "../../publish/site/build-site.ts";
import { publishSite } from "../../publish/site/publish-site.ts";
import { COMMON_HELP, COMMON_OPTIONS, type Command } from "../command.ts";

export const buildCommand: Command = {
  name: "build",
  summary: "build the static site (dashboards) in DIST/site from the existing warehouse",
  help: `Usage: ntg build [--notebooks DIR] [--out DIR]

Renders every notebook page (notebooks/*.md: Markdown with sql and js cells) against DIST/warehouse.duckdb
(read-only) into a static site that works offline from file://: server-rendered charts with text
descriptions and data tables, each page's data as CSV and Parquet. The site is written to a temporary
folder and swapped into place only when every page built and every internal link resolves.
\`ntg run\` does this after building the warehouse. See notebooks/README.md to add a page.

Options:
  --notebooks DIR   folder of notebook pages (default: notebooks/ in the project)
  --out DIR         where to write the site (default: DIST/site)

${COMMON_HELP}

Examples:
  ntg build                      # dist/site/index.html from dist/warehouse.duckdb
  ntg build --out /tmp/site      # somewhere else
  ntg preview                    # then look at it on http://127.0.0.1:8080/`,
  options: { ...COMMON_OPTIONS, notebooks: { type: "string" }, out: { type: "string" } },
  allowPositionals: false,
  async run({ config, values, reporter }) {
    const overrides: { notebooksDir?: string; outDir?: string } = {};
    if (typeof values.notebooks === "string") overrides.notebooksDir = path.resolve(values.notebooks);
    if (typeof values.out === "string") overrides.outDir = path.resolve(values.out);
    // The default site records its fingerprint so that the next `ntg run` knows it is up to date.
    if (Object.keys(overrides).length === 0) await publishSite(config, config.warehousePath, reporter, true);
    else await buildSite(siteOptionsFor(config, overrides), reporter);
    return 0;
  },
};
