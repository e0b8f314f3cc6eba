/**
 * Indicator observations in the long layout: one row per indicator × area × period (× sex × age), as in a
 * Fingertips extract, a local LAA performance extract, or the project's generic format
 * `indicator, area_code, period, numerator, denominator[, value, lower95, upper95]`.
 *
 * The indicator column may hold catalogue ids or names listed as `sourceNames` in the catalogue. With
 * `autoCatalogue`, names not in the catalogue are added under a prefix (marked uncatalogued, polarity
 * none) instead of being rejected.
 */
import { z } from "zod";
import { THEMES, valueTypeSchema } from "../../catalogue/indicator-catalogue.ts";
import { areaTypeSchema } from "../../sources/manifest-schema.ts";
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import { defineAdapter, LOAD_PHASES, type LoadContext } from "../adapter.ts";
import { requiredValueRule } from "../common-rules.ts";
import type { RowRule } from "../csv/row-rules.ts";
import {
  measureColumnNames,
  measureColumnsSchema,
  measureRules,
  OBSERVATION_COLUMNS,
  observationSelectList,
} from "../observation-fields.ts";
import { loadStagedCsv } from "../staged-load.ts";

const optionsSchema = z
  .object({
    columns: measureColumnsSchema.extend({
      indicator: z.string().optional(),
      area: z.string(),
      period: z.string(),
      sex: z.string().optional(),
      age: z.string().optional(),
    }),
    /** Use this indicator id for every row (instead of an indicator column). */
    indicator: z.string().optional(),
    /** Area types the codes may be (default: the manifest's geography type). */
    areaTypes: z.array(areaTypeSchema).optional(),
    autoCatalogue: z
      .object({
        idPrefix: z.string().regex(/^[a-z0-9-]+$/),
        theme: z.enum(THEMES),
        valueType: valueTypeSchema,
        unit: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine(
    (o) => Boolean(o.columns.indicator) !== Boolean(o.indicator),
    "give exactly one of columns.indicator or indicator (a fixed id)",
  );
type Options = z.output<typeof optionsSchema>;

const slug = (expression: string) =>
  `lower(trim(regexp_replace(trim(${expression}), '[^A-Za-z0-9]+', '-', 'g'), '-'))`;

/**
 * The indicator of each distinct name in the file: a source name from the catalogue, a catalogue id, or
 * (with autoCatalogue) a new uncatalogued indicator under the prefix. Built once from the distinct names,
 * so a national file joins a table of a few rows instead of resolving names row by row.
 */
async function buildIndicatorMap(
  context: LoadContext,
  options: Options,
  staged: string,
  map: string,
): Promise<void> {
  const { warehouse, values } = context;
  const name = options.columns.indicator
    ? values.text(options.columns.indicator)
    : quoteLiteral(options.indicator!);
  const auto = options.autoCatalogue
    ? `${quoteLiteral(options.autoCatalogue.idPrefix)} || ${slug("d.n")}`
    : "NULL";
  await warehouse.run(`CREATE OR REPLACE TEMP TABLE ${map}_names AS
    SELECT d.n AS _indicator_name, coalesce(sn.indicator, i.id, ${auto}) AS _indicator_id
    FROM (SELECT DISTINCT ${name} AS n FROM ${staged}) d
    LEFT JOIN indicator_source_name sn ON sn.source_name = d.n
    LEFT JOIN indicator i ON i.id = d.n
    WHERE d.n IS NOT NULL`);
  const autoCatalogue = options.autoCatalogue;
  if (autoCatalogue) {
    await warehouse.run(
      `INSERT INTO indicator (id, name, theme, polarity, value_type, multiplier, unit, definition, catalogued)
       SELECT _indicator_id, min(_indicator_name), ${quoteLiteral(autoCatalogue.theme)}, 'none', ${quoteLiteral(autoCatalogue.valueType)}, 1,
              ${autoCatalogue.unit ? quoteLiteral(autoCatalogue.unit) : "NULL"},
              ${quoteLiteral(`Added from source ${context.manifest.id}; not in the catalogue (polarity unknown)`)}, false
       FROM ${map}_names WHERE _indicator_id NOT IN (SELECT id FROM indicator) GROUP BY 1 ORDER BY 1`,
    );
  }
  await warehouse.run(`CREATE OR REPLACE TEMP TABLE ${map} AS
    SELECT m._indicator_name, i.id AS _indicator_id, i.value_type AS _value_type, i.multiplier AS _multiplier
    FROM ${map}_names m LEFT JOIN indicator i ON i.id = m._indicator_id;
    DROP TABLE ${map}_names`);
}

/** The area type of each distinct code in the file (NULL when the code is not a known area of the allowed types). */
async function buildAreaMap(
  context: LoadContext,
  staged: string,
  area: string,
  types: string[],
  map: string,
): Promise<void> {
  const preferred = quoteLiteral(context.manifest.geography.type);
  await context.warehouse.run(`CREATE OR REPLACE TEMP TABLE ${map} AS
    SELECT code AS _area_code, arg_min(type, CASE WHEN type = ${preferred} THEN 0 ELSE 1 END) AS _area_type
    FROM area WHERE type IN (${types.map(quoteLiteral).join(", ")}) AND code IN (SELECT DISTINCT ${area} FROM ${staged})
    GROUP BY code`);
}

function rulesFor(context: LoadContext, options: Options, areaTypes: string[]): RowRule[] {
  const { values } = context;
  const { columns } = options;
  const name = columns.indicator ? values.text(columns.indicator) : "NULL";
  return [
    ...(columns.indicator ? [requiredValueRule(values, columns.indicator, "indicator")] : []),
    requiredValueRule(values, columns.area, "area code"),
    requiredValueRule(values, columns.period, "period"),
    {
      isBad: `${options.indicator ? "true" : `${name} IS NOT NULL`} AND _indicator_id IS NULL`,
      column: columns.indicator ?? null,
      reason: "'unknown indicator (not an id or source name in sources/catalogue/indicators.yaml)'",
    },
    {
      isBad: `${values.text(columns.area)} IS NOT NULL AND _area_type IS NULL`,
      column: columns.area,
      reason: quoteLiteral(`unknown area code (not a known ${areaTypes.join(" or ")} in the loaded lookups)`),
    },
    ...measureRules(values, columns, "_value_type"),
    {
      isBad: "_line <> _first_line",
      column: columns.area,
      reason: "'duplicate of line ' || _first_line || ' (same indicator, area, period, sex and age)'",
    },
  ];
}

export const observationsLongAdapter = defineAdapter({
  format: "observations-long",
  optionsSchema,
  phase: () => LOAD_PHASES.data,
  load: (context, options) => {
    const { values, warehouse, manifest } = context;
    const { columns } = options;
    const areaTypes = options.areaTypes ?? [manifest.geography.type];
    const area = values.text(columns.area);
    const period = values.text(columns.period);
    const sex = columns.sex ? `coalesce(${values.text(columns.sex)}, 'Persons')` : "'Persons'";
    const age = columns.age ? `coalesce(${values.text(columns.age)}, 'All ages')` : "'All ages'";
    const name = columns.indicator ? values.text(columns.indicator) : quoteLiteral(options.indicator!);
    const indicatorMap = `${context.stagingName}_indicators`;
    const areaMap = `${context.stagingName}_areas`;
    return loadStagedCsv(context, {
      requiredColumns: [
        columns.area,
        columns.period,
        ...(columns.indicator ? [columns.indicator] : []),
        ...(columns.sex ? [columns.sex] : []),
        ...(columns.age ? [columns.age] : []),
        ...measureColumnNames(columns),
      ],
      async prepare(staged) {
        await buildIndicatorMap(context, options, staged, indicatorMap);
        await buildAreaMap(context, staged, area, areaTypes, areaMap);
      },
      joins: `LEFT JOIN ${indicatorMap} ON _indicator_name = ${name} LEFT JOIN ${areaMap} ON _area_code = ${area}`,
      duplicateKey: ["_indicator_id", area, period, sex, age],
      rules: rulesFor(context, options, areaTypes),
      async write(accepted) {
        await warehouse.run(
          `INSERT INTO observation (${OBSERVATION_COLUMNS})
           SELECT ${observationSelectList(values, columns, {
             indicator: "_indicator_id",
             areaCode: area,
             areaType: "_area_type",
             period,
             sex,
             age,
             multiplier: "_multiplier",
             valueType: "_value_type",
             sourceId: manifest.id,
           })}
           FROM ${accepted}`,
        );
        await warehouse.run(`DROP TABLE IF EXISTS ${indicatorMap}; DROP TABLE IF EXISTS ${areaMap};`);
        return (await warehouse.scalar<number>(`SELECT count(*) FROM ${accepted}`)) ?? 0;
      },
    });
  },
});
