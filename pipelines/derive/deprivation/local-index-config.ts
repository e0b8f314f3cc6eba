/**
 * Local indices: a user's own composite index of deprivation — a subset of the seven domains or other
 * weights — declared as YAML in `sources/indices/*.yaml` and computed for every LSOA in England like the
 * IMD (METHODS.md §5, "local index"). Each file is validated once here; see sources/indices/README.md.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  DEPRIVATION_DOMAINS,
  type DeprivationDomain,
  type IndexWeights,
  NATIONAL_LSOA_COUNT,
  validateIndexWeights,
} from "../../../models/deprivation/index.ts";
import { ModelInputError, SchemaError } from "../../../models/errors.ts";
import { resolveConfig } from "../../config/project-config.ts";
import { displayPath, readYamlConfig } from "../../config/read-yaml-config.ts";

/** Reserved: the official index is always available under this id. */
export const OFFICIAL_INDEX_ID = "imd";

const domainWeight = z.number().min(0, "a weight must be ≥ 0");
const weightsSchema = z
  .object(Object.fromEntries(DEPRIVATION_DOMAINS.map((domain) => [domain, domainWeight.optional()])))
  .strict();

export const localIndexSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9]+(-[a-z0-9]+)*$/,
        "use lower-case letters, digits and hyphens, e.g. imd2019-without-crime",
      )
      .refine((id) => id !== OFFICIAL_INDEX_ID, `"${OFFICIAL_INDEX_ID}" is reserved for the official IMD`),
    name: z.string().min(1),
    edition: z
      .number()
      .int()
      .refine((edition) => edition in NATIONAL_LSOA_COUNT, {
        message: `edition must be one of ${Object.keys(NATIONAL_LSOA_COUNT).join(", ")} (domain ranks exist for 2010, 2019 and 2025)`,
      }),
    description: z.string().min(1),
    /** An example shipped with the project rather than an index a partnership agreed. */
    example: z.boolean().default(false),
    weights: weightsSchema,
  })
  .strict();

export interface LocalIndex {
  id: string;
  name: string;
  edition: number;
  description: string;
  example: boolean;
  weights: IndexWeights;
  /** The file it was read from, for messages. */
  file: string;
}

/** The folder of local index definitions: `indices/` inside the sources folder (NTG_SOURCES honoured). */
export function defaultIndicesDir(): string {
  return path.join(resolveConfig().sourcesDir, "indices");
}

/**
 * Reads and validates every `*.yaml` in `folder` (none when the folder is absent). Ids must be unique.
 *
 * @throws {SchemaError} naming the file and key for a bad definition or a repeated id.
 */
export function readLocalIndices(folder: string): LocalIndex[] {
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const indices: LocalIndex[] = [];
  for (const name of files) {
    const file = path.join(folder, name);
    const parsed = readYamlConfig(file, localIndexSchema);
    const earlier = indices.find((index) => index.id === parsed.id);
    if (earlier) {
      throw new SchemaError(
        `${displayPath(file)}: id "${parsed.id}" is already used by ${displayPath(earlier.file)}`,
      );
    }
    indices.push({ ...parsed, weights: checkedWeights(parsed.weights, file), file });
  }
  return indices;
}

function checkedWeights(weights: Record<string, number | undefined>, file: string): IndexWeights {
  const given = Object.fromEntries(Object.entries(weights).filter(([, weight]) => weight !== undefined));
  try {
    return validateIndexWeights(given as Partial<Record<DeprivationDomain, number>>);
  } catch (error) {
    if (error instanceof ModelInputError) {
      throw new SchemaError(`${displayPath(file)}: weights: ${error.message}`, error.hint);
    }
    throw error;
  }
}
