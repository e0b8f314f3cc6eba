/**
 * The schema of a targets file (`sources/targets/*.yaml`; METHODS.md §6–7): for one indicator, the level
 * its differential targets are set at, where its series comes from, the county baseline and target, the
 * differential method with its parameters, an optional minimum standard, the weights and the forecast
 * settings. Validated once by `readYamlConfig` (errors carry file:line); every default is stated here.
 */
import { z } from "zod";
import { indicatorSchema } from "../catalogue/indicator-catalogue.ts";

/** Defaults of every optional field, in one place. */
export const TARGET_DEFAULTS = {
  /** Shipped targets are examples until a partnership agrees them; outputs label them so. */
  example: true,
  sex: "Persons",
  age: "All ages",
  /** Population weights: IoD 2019 File 6 (mid-2015), all ages. */
  population: { period: "mid-2015", ageBands: ["all"] },
  /** Deprivation ranks for 'quintile-gap' and 'graded': rank of the IMD 2019 average score among peers. */
  deprivation: { edition: 2019, index: "imd" },
  /** Trend over the last 5 points; 'auto' = 1/SE² weights when every point has a 95% CI, else OLS. */
  forecast: { lastK: 5, confidence: 0.95, weighting: "auto" as const },
  /** IMD editions series: weight each LSOA by its mid-2015 population apportioned through the bridges. */
  imdWeighting: "population-mid-2015" as const,
} as const;

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and hyphens");
const yearSchema = z.number().int("a year, e.g. 2022").min(1990).max(2100);

/** A period of a published series relabelled to the year its data describe (e.g. IoD 2019 → 2015). */
const periodRelabelSchema = z.strictObject({ year: yearSchema, label: z.string().min(1) });

const indicatorValuesSeries = z.strictObject({
  from: z.literal("indicator-values"),
  /** Indicator id in `indicator_value` (default: the target's indicator). */
  indicator: idSchema.optional(),
  /** Published period label → the data year and label the trend uses. */
  periods: z.record(z.string(), periodRelabelSchema).optional(),
});

const imdEditionsSeries = z.strictObject({
  from: z.literal("imd-income-editions"),
  /** IoD editions with the year their income data describe; 2010 and 2025 scores, 2019 File 8/File 6. */
  editions: z
    .array(
      z.strictObject({
        edition: z.union([z.literal(2010), z.literal(2019), z.literal(2025)], {
          error: "edition is 2010, 2019 or 2025 (the editions with an income rate per LSOA)",
        }),
        dataYear: yearSchema,
      }),
    )
    .min(1, "list at least one edition"),
  weighting: z.enum(["population-mid-2015", "lsoa-count"]).default(TARGET_DEFAULTS.imdWeighting),
});

const seriesSchema = z.discriminatedUnion("from", [indicatorValuesSeries, imdEditionsSeries], {
  error: "series.from must be indicator-values or imd-income-editions",
});

const weightsSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("population"),
      period: z.string().min(1).default(TARGET_DEFAULTS.population.period),
      ageBands: z
        .array(z.string().min(1))
        .min(1)
        .default([...TARGET_DEFAULTS.population.ageBands]),
    }),
    z.strictObject({ kind: z.literal("denominator") }),
  ],
  { error: "weights.kind must be population (with period and ageBands) or denominator" },
);

const countyTargetSchema = z
  .strictObject({
    period: yearSchema,
    /** The county target value … */
    value: z.number().optional(),
    /** … or the change from the county baseline (e.g. −1.5 percentage points). */
    change: z.number().optional(),
  })
  .refine((target) => (target.value === undefined) !== (target.change === undefined), {
    message: "give exactly one of value (the county target) or change (from the county baseline)",
  });

export const targetConfigSchema = z
  .strictObject({
    indicator: idSchema,
    example: z.boolean().default(TARGET_DEFAULTS.example),
    /** The area type that carries differential targets. */
    level: z.enum(["locality", "district"], { error: "level must be locality or district" }),
    /** The county whose areas get targets (default: the county holding the localities). */
    county: z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, "an area code such as E10000031")
      .optional(),
    /** Catalogue fields for an indicator that is not in the catalogue (e.g. a series built here). */
    definition: indicatorSchema.omit({ id: true, sourceNames: true }).optional(),
    series: seriesSchema,
    sex: z.string().default(TARGET_DEFAULTS.sex),
    age: z.string().default(TARGET_DEFAULTS.age),
    baseline: z.strictObject({
      period: yearSchema,
      /** The county baseline; omitted = computed from the data (said in every output). */
      value: z.number().optional(),
    }),
    target: countyTargetSchema,
    method: z.enum(["gap-to-county", "quintile-gap", "graded"], {
      error: "method must be gap-to-county, quintile-gap or graded",
    }),
    /** p: the fraction each gap narrows by (graded: the steepness of the gradient). */
    narrowBy: z
      .number()
      .min(0, "narrowBy is a fraction in [0, 1]")
      .max(1, "narrowBy is a fraction in [0, 1]"),
    /** Optional minimum standard F every area's target must reach. */
    floor: z.number().optional(),
    weights: weightsSchema,
    deprivation: z
      .strictObject({
        edition: z.number().int().default(TARGET_DEFAULTS.deprivation.edition),
        index: z.string().default(TARGET_DEFAULTS.deprivation.index),
      })
      .default({ ...TARGET_DEFAULTS.deprivation }),
    forecast: z
      .strictObject({
        lastK: z.number().int().min(3, "lastK is at least 3").default(TARGET_DEFAULTS.forecast.lastK),
        confidence: z.number().gt(0).lt(1, "confidence is a fraction, e.g. 0.95").default(0.95),
        weighting: z.enum(["auto", "ols", "inverse-variance"]).default("auto"),
      })
      .default({ ...TARGET_DEFAULTS.forecast }),
    /** Caveats shown with every output of this indicator (e.g. a definition change between editions). */
    notes: z.array(z.string().min(1)).default([]),
  })
  .superRefine((config, context) => {
    if (config.target.period <= config.baseline.period) {
      context.addIssue({
        code: "custom",
        path: ["target", "period"],
        message: `the target period must come after the baseline period ${config.baseline.period}`,
      });
    }
  });

export type TargetConfig = z.output<typeof targetConfigSchema>;

/** A targets file as read: the validated config and the file it came from (for messages). */
export type LoadedTargetConfig = TargetConfig & { file: string };
