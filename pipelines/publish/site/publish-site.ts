/**
 * The site as a stage of `ntg run`: built from a given warehouse file into DIST/site, skipped (and says so)
 * when neither the warehouse (its run id) nor the notebooks, components or publishing code changed since
 * the site was last built. The fingerprint is kept in DIST/site/.build-fingerprint.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SourceError } from "../../../models/errors.ts";
import type { ProjectConfig } from "../../config/project-config.ts";
import { combine, contentFingerprint } from "../../run/fingerprint.ts";
import type { Reporter } from "../../util/reporter.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { buildSite, siteOptionsFor } from "./build-site.ts";

async function warehouseRunId(file: string): Promise<string> {
  const warehouse = await Warehouse.open(file, { readOnly: true });
  try {
    return (await warehouse.scalar<string>("SELECT value FROM meta WHERE key = 'run_id'")) ?? "";
  } finally {
    warehouse.close();
  }
}

export async function publishSite(
  config: ProjectConfig,
  warehouseFile: string,
  reporter: Reporter,
  force = false,
): Promise<void> {
  if (!existsSync(warehouseFile)) {
    throw new SourceError(`no warehouse at ${warehouseFile}`, "Run `ntg run` (or `ntg load`) first.");
  }
  const options = siteOptionsFor(config, { warehousePath: warehouseFile });
  const marker = path.join(options.outDir, ".build-fingerprint");
  const fingerprint = combine(
    await warehouseRunId(warehouseFile),
    contentFingerprint(["notebooks", "pipelines/publish", "models"]),
    JSON.stringify(options.disclosure),
  );
  if (!force && existsSync(marker) && readFileSync(marker, "utf8") === fingerprint) {
    reporter.info("site: up to date, skipped");
    return;
  }
  await buildSite(options, reporter);
  writeFileSync(marker, fingerprint);
}
