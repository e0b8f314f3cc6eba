/**
 * The indicator catalogue (`sources/catalogue/indicators.yaml`): what each indicator is, its polarity and
 * value type, and the names it has in source files so loaders can map them to one id.
 */
import path from "node:path";
import { z } from "zod";
import { readYamlConfig } from "../config/read-yaml-config.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";

export const THEMES = [
  "children and young people",
  "safer communities",
  "stronger communities",
  "healthier communities and older people",
  "economic development and enterprise",
  "climate change and environment",
] as const;

export const polaritySchema = z.enum(["high-is-good", "low-is-good", "none"]);
export const valueTypeSchema = z.enum([
  "proportion",
  "percentage",
  "rate",
  "count",
  "score",
  "ratio",
  "mean",
  "years",
  "index",
]);

export const indicatorSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and hyphens"),
    niCode: z.string().optional(),
    name: z.string().min(3),
    theme: z.enum(THEMES),
    polarity: polaritySchema,
    valueType: valueTypeSchema,
    /** Value = numerator / denominator × multiplier (100 for percentages, 100000 for rates per 100,000). */
    multiplier: z.number().positive().default(1),
    unit: z.string().optional(),
    definition: z.string().optional(),
    /** Names this indicator has in source files (exact match), mapped to this id on load. */
    sourceNames: z.array(z.string()).default([]),
  })
  .strict();
export type Indicator = z.output<typeof indicatorSchema>;

export const catalogueSchema = z
  .object({ indicators: z.array(indicatorSchema).min(1) })
  .strict()
  .superRefine((catalogue, context) => {
    const seen = new Set<string>();
    const names = new Map<string, string>();
    catalogue.indicators.forEach((indicator, index) => {
      if (seen.has(indicator.id))
        context.addIssue({
          code: "custom",
          path: ["indicators", index, "id"],
          message: `duplicate id ${indicator.id}`,
        });
      seen.add(indicator.id);
      for (const name of indicator.sourceNames) {
        const other = names.get(name);
        if (other)
          context.addIssue({
            code: "custom",
            path: ["indicators", index, "sourceNames"],
            message: `"${name}" is already a source name of ${other}`,
          });
        names.set(name, indicator.id);
      }
    });
  });

export function cataloguePath(sourcesDir: string): string {
  return path.join(sourcesDir, "catalogue", "indicators.yaml");
}

export function readCatalogue(sourcesDir: string): Indicator[] {
  return readYamlConfig(cataloguePath(sourcesDir), catalogueSchema).indicators;
}

/** Inserts one indicator into table `indicator` (catalogued); an id already there is left as it is. */
export async function insertIndicator(warehouse: Warehouse, indicator: Indicator): Promise<void> {
  await warehouse.run(
    `INSERT INTO indicator (id, ni_code, name, theme, polarity, value_type, multiplier, unit, definition, catalogued)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true) ON CONFLICT (id) DO NOTHING`,
    [
      indicator.id,
      indicator.niCode ?? null,
      indicator.name,
      indicator.theme,
      indicator.polarity,
      indicator.valueType,
      indicator.multiplier,
      indicator.unit ?? null,
      indicator.definition ?? null,
    ],
  );
}

/** Writes the catalogue and its source-name map (table `indicator_source_name`) into the warehouse. */
export async function loadCatalogue(warehouse: Warehouse, indicators: Indicator[]): Promise<void> {
  for (const indicator of indicators) {
    await insertIndicator(warehouse, indicator);
    for (const name of indicator.sourceNames) {
      await warehouse.run("INSERT INTO indicator_source_name VALUES ($1, $2)", [name, indicator.id]);
    }
  }
}
