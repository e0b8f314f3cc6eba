/**
 * A notebook's front matter: the YAML between the `---` lines at the top of the file, validated once into
 * a resolved form with every default stated here.
 *
 * ```yaml
 * title: ${area.name}              # page title; may use template values
 * for: [locality, district]        # template: one page per locality and district (bound as `area`)
 * path: areas/${area.code}.html    # where each page goes (values are slugged); default <file name>.html
 * requires: [indicator_comparison] # tables the page needs; without them the page is skipped with a note
 * menu: Areas                      # label in the site menu (pages without one are reached by links)
 * order: 20                        # menu position (default 100)
 * localities: true                 # always show the illustrative-localities note (else: detected)
 * disclosure:                      # disclosure control beyond the defaults by column name, per sql cell
 *   trend:
 *     counts: [people_most_deprived_20]   # more count columns
 *     notCounts: [lsoa_count]             # named like counts, but no people or households
 *     dependents: { share: [people_most_deprived_20] }  # hidden with those counts
 *     totals:
 *       - { parts: [male, female], total: persons }     # columns adding up to a column
 *       - { groups: [indicator, period] }               # rows adding up to a total shown elsewhere
 *     areas: false                        # no totals by the area hierarchy (default: used)
 * ```
 */
import { z } from "zod";
import { SchemaError } from "../../../models/errors.ts";
import { parseYamlConfig } from "../../config/read-yaml-config.ts";

/** Template collections a notebook can expand over, and the name each is bound to in cells. */
export const COLLECTIONS = ["locality", "district", "indicator"] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

const identifier = z
  .string()
  .regex(/^[A-Za-z_$][\w$]*$/, "must be a JavaScript identifier such as area or indicator");

const customCollection = z.object({
  as: identifier,
  sql: z.string().min(1),
});

const columnName = z.string().min(1);

/** How one sql cell's result declares its counts and totals (see disclosure/protect-result.ts). */
const disclosureDeclaration = z.strictObject({
  counts: z.array(columnName).optional(),
  notCounts: z.array(columnName).optional(),
  dependents: z.record(columnName, z.array(columnName).min(1)).optional(),
  totals: z
    .array(
      z.union([
        z.strictObject({ parts: z.array(columnName).min(1), total: columnName }),
        z.strictObject({ groups: z.array(columnName).min(1) }),
      ]),
    )
    .optional(),
  areas: z.boolean().optional(),
});

export type DisclosureDeclaration = z.output<typeof disclosureDeclaration>;

const frontMatterSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  for: z.union([z.enum(COLLECTIONS), z.array(z.enum(COLLECTIONS)).min(1), customCollection]).optional(),
  path: z.string().optional(),
  requires: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/, "must be a table name")).default([]),
  menu: z.string().optional(),
  order: z.number().default(100),
  localities: z.boolean().optional(),
  draft: z.boolean().default(false),
  disclosure: z.record(identifier, disclosureDeclaration).default({}),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** How a template expands: the collections (or a custom query) and the name each row is bound to. */
export interface Expansion {
  as: string;
  collections: CollectionName[];
  sql?: string;
}

/** The variable a built-in collection binds: areas are `area`, indicators `indicator`. */
export function bindingFor(collection: CollectionName): string {
  return collection === "indicator" ? "indicator" : "area";
}

export function expansionOf(frontMatter: FrontMatter, file: string): Expansion | undefined {
  const value = frontMatter.for;
  if (value === undefined) return undefined;
  if (typeof value === "object" && !Array.isArray(value))
    return { as: value.as, collections: [], sql: value.sql };
  const collections = Array.isArray(value) ? value : [value];
  const bindings = new Set(collections.map(bindingFor));
  if (bindings.size > 1) {
    throw new SchemaError(
      `${file}: for: [${collections.join(", ")}] mixes areas and indicators`,
      "A template expands over areas (locality, district) or over indicators, not both.",
    );
  }
  return { as: [...bindings][0]!, collections };
}

/** Splits `---\nyaml\n---\nbody`; returns the parsed front matter, the body and the body's first line number. */
export function readFrontMatter(
  text: string,
  file: string,
): { frontMatter: FrontMatter; body: string; bodyLine: number } {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normalised);
  if (!match) {
    throw new SchemaError(
      `${file}:1: a notebook starts with front matter between --- lines`,
      "Begin the file with:\n---\ntitle: My page\n---",
    );
  }
  const yamlText = match[1]!;
  const frontMatter = parseYamlConfig(`\n${yamlText}`, file, frontMatterSchema);
  const body = normalised.slice(match[0].length);
  const bodyLine = match[0].split("\n").length - (match[0].endsWith("\n") ? 1 : 0) + 1;
  return { frontMatter, body, bodyLine };
}
