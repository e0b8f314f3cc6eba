/**
 * The schema of a source manifest (`sources/*.yaml`): where a file comes from, how to verify it, and how to
 * read it. Validated once at the boundary (see read-manifests.ts); everything after trusts the typed value.
 */
import { z } from "zod";

/** Geography types the warehouse knows. Local definitions (localities, priority areas) are types too. */
export const AREA_TYPES = [
  "oa11",
  "lsoa01",
  "lsoa11",
  "lsoa21",
  "msoa11",
  "ward09",
  "ward19",
  "ward25",
  "locality",
  "priority",
  "district",
  "county",
  "region",
  "country",
] as const;
export const areaTypeSchema = z.enum(AREA_TYPES);
export type AreaType = z.infer<typeof areaTypeSchema>;

export const FORMATS = [
  "iod-lsoa",
  "area-lookup",
  "lsoa-bridge",
  "population-wide",
  "observations-long",
  "observations-wide",
  "category-counts",
  "geojson-boundaries",
  "locality-table",
  "area-sets",
] as const;
export const formatSchema = z.enum(FORMATS);
export type SourceFormat = z.infer<typeof formatSchema>;

const sha256Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hexadecimal characters (the output of `sha256sum`)");

/** How to obtain the exact bytes online, or what to tell the user when that is not possible. */
const downloadSchema = z.union([
  z.object({
    url: z.url(),
    compression: z.enum(["none", "gzip"]).default("none"),
    note: z.string().optional(),
  }),
  z.object({
    manual: z.string().min(10, "say plainly what the user must download and where to place it"),
  }),
]);

export const manifestSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and hyphens"),
    title: z.string().min(3),
    publisher: z.string().min(2),
    /** The publisher's own page for the dataset (always given, even when the bytes come from elsewhere). */
    officialUrl: z.url(),
    licence: z.string().min(3),
    /** File name in the cache; also the default name looked for in a mirror folder. */
    file: z.string().min(1),
    /** Path of the file inside a mirror folder (default: `file`). */
    mirrorPath: z.string().optional(),
    /** For files committed with the project (locality tables): path relative to the manifest's folder. */
    localPath: z.string().optional(),
    sha256: sha256Schema.optional(),
    download: downloadSchema.optional(),
    format: formatSchema,
    geography: z.object({ type: areaTypeSchema, vintage: z.string() }),
    period: z.string().optional(),
    /** Whether this is an illustrative/derived file to be replaced by an official one (shown on outputs). */
    illustrative: z.boolean().default(false),
    notes: z.string().optional(),
    /** Markers that mean "no value" (suppressed or missing): loaded as NULL with a note, never zero. */
    missingMarkers: z.array(z.string()).default(["", "*", "c", "x", "..", "-", ":", "NA", "n/a"]),
    /** Format-specific options (column mapping etc.), validated by the format's adapter. */
    options: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .superRefine((manifest, context) => {
    if (!manifest.localPath && !manifest.sha256) {
      context.addIssue({
        code: "custom",
        path: ["sha256"],
        message: "required for every downloaded or mirrored file",
      });
    }
    if (!manifest.localPath && !manifest.download) {
      context.addIssue({
        code: "custom",
        path: ["download"],
        message:
          "give `download: { url }` for the exact bytes, or `download: { manual }` saying what to place in the cache",
      });
    }
  });

export type SourceManifest = z.infer<typeof manifestSchema>;

/** A manifest after reading: where it was declared, for error messages. */
export interface LoadedManifest extends SourceManifest {
  /** Absolute path of the YAML file. */
  manifestPath: string;
}
