/** Every load adapter by format, and validation of a manifest's options against its adapter. */
import { SchemaError } from "../../../models/errors.ts";
import { displayPath } from "../../config/read-yaml-config.ts";
import type { LoadedManifest, SourceFormat } from "../../sources/manifest-schema.ts";
import type { SourceAdapter } from "../adapter.ts";
import { areaLookupAdapter } from "./area-lookup.ts";
import { areaSetsAdapter } from "./area-sets.ts";
import { categoryCountsAdapter } from "./category-counts.ts";
import { geojsonBoundariesAdapter } from "./geojson-boundaries.ts";
import { iodLsoaAdapter } from "./iod-lsoa.ts";
import { localityTableAdapter } from "./locality-table.ts";
import { lsoaBridgeAdapter } from "./lsoa-bridge.ts";
import { observationsLongAdapter } from "./observations-long.ts";
import { observationsWideAdapter } from "./observations-wide.ts";
import { populationWideAdapter } from "./population-wide.ts";

export const ADAPTERS: Record<SourceFormat, SourceAdapter<never>> = {
  "iod-lsoa": iodLsoaAdapter,
  "area-lookup": areaLookupAdapter,
  "lsoa-bridge": lsoaBridgeAdapter,
  "population-wide": populationWideAdapter,
  "observations-long": observationsLongAdapter,
  "observations-wide": observationsWideAdapter,
  "category-counts": categoryCountsAdapter,
  "geojson-boundaries": geojsonBoundariesAdapter,
  "locality-table": localityTableAdapter,
  "area-sets": areaSetsAdapter,
} as Record<SourceFormat, SourceAdapter<never>>;

export interface PreparedSource {
  manifest: LoadedManifest;
  adapter: SourceAdapter<unknown>;
  options: unknown;
  phase: number;
}

/** Validates a manifest's `options` with its adapter's schema; errors name the manifest file. */
export function prepareSource(manifest: LoadedManifest): PreparedSource {
  const adapter = ADAPTERS[manifest.format] as SourceAdapter<unknown>;
  const result = adapter.optionsSchema.safeParse(manifest.options);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  options.${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new SchemaError(
      `${displayPath(manifest.manifestPath)}: options for format ${manifest.format} are not valid:\n${problems}`,
    );
  }
  return { manifest, adapter, options: result.data, phase: adapter.phase(result.data) };
}
