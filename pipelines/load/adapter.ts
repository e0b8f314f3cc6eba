/**
 * A load adapter reads one source format into the warehouse. Adapters declare their options with a schema
 * (validated against the manifest's `options` by `ntg check`), and a phase: lookups load first, then local
 * definitions built on them, then sources that register areas, then data validated against known areas.
 */
import type { z } from "zod";
import type { LoadedManifest, SourceFormat } from "../sources/manifest-schema.ts";
import type { Reporter } from "../util/reporter.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import { ColumnValues } from "./csv/sql-values.ts";

export const LOAD_PHASES = {
  /** ONS lookups: areas and their direct parents. */
  lookups: 1,
  /** Local definitions built on the lookups: localities, priority areas. */
  localDefinitions: 2,
  /** Sources that are themselves the reference list for an area type (e.g. 2021 LSOAs from IMD 2025). */
  registersAreas: 3,
  /** Everything validated against the known areas. */
  data: 4,
} as const;

export interface LoadContext {
  warehouse: Warehouse;
  manifest: LoadedManifest;
  /** The verified file to read. */
  file: string;
  values: ColumnValues;
  /** A unique name for this source's staging tables. */
  stagingName: string;
  reporter: Reporter;
}

export interface AdapterResult {
  /** Records read from the file (header excluded), good and bad. */
  rowsRead: number;
  /** Rows written to the warehouse's main table for this format (may be more than read for wide files). */
  rowsLoaded: number;
}

export interface SourceAdapter<Options = unknown> {
  format: SourceFormat;
  optionsSchema: z.ZodType<Options>;
  phase(options: Options): number;
  load(context: LoadContext, options: Options): Promise<AdapterResult>;
}

export function createLoadContext(
  warehouse: Warehouse,
  manifest: LoadedManifest,
  file: string,
  reporter: Reporter,
): LoadContext {
  return {
    warehouse,
    manifest,
    file,
    values: new ColumnValues(manifest.missingMarkers),
    stagingName: `stage_${manifest.id.replaceAll("-", "_")}`,
    reporter,
  };
}

/** Declares an adapter with its option types inferred from the schema. */
export function defineAdapter<Schema extends z.ZodType>(adapter: {
  format: SourceFormat;
  optionsSchema: Schema;
  phase(options: z.output<Schema>): number;
  load(context: LoadContext, options: z.output<Schema>): Promise<AdapterResult>;
}): SourceAdapter<z.output<Schema>> {
  return adapter as SourceAdapter<z.output<Schema>>;
}
