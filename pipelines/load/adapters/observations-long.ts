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
import { knownAreaRule, requiredValueRule } from "../common-rules.ts";
import type { RowRule } from "../csv/row-rules.ts";
import {
  areaTypeJoin,
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

function indicatorExpression(context: LoadContext, options: Options): string {
  if (options.indicator) return quoteLiteral(options.indicator);
  const name = context.values.text(options.columns.indicator!);
  const auto = options.autoCatalogue
    ? `${quoteLiteral(options.autoCatalogue.idPrefix)} || ${slug(name)}`
    : "NULL";
  return `coalesce(_mapped_indicator, _known_indicator, ${auto})`;
}

async function addUncatalogued(
  context: LoadContext,
  options: Options,
  table: string,
  indicator: string,
): Promise<void> {
  const auto = options.autoCatalogue;
  if (!auto || !options.columns.indicator) return;
  await context.warehouse.run(
    `INSERT INTO indicator (id, name, theme, polarity, value_type, multiplier, unit, definition, catalogued)
     SELECT ${indicator}, min(${context.values.text(options.columns.indicator)}), ${quoteLiteral(auto.theme)}, 'none', ${quoteLiteral(auto.valueType)}, 1,
            ${auto.unit ? quoteLiteral(auto.unit) : "NULL"}, ${quoteLiteral(`Added from source ${context.manifest.id}; not in the catalogue (polarity unknown)`)}, false
     FROM ${table} WHERE _mapped_indicator IS NULL AND _known_indicator IS NULL GROUP BY 1 ON CONFLICT DO NOTHING`,
  );
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
    const indicator = indicatorExpression(context, options);
    const name = columns.indicator ? values.text(columns.indicator) : "NULL";
    const rules: RowRule[] = [
      ...(columns.indicator ? [requiredValueRule(values, columns.indicator, "indicator")] : []),
      requiredValueRule(values, columns.area, "area code"),
      requiredValueRule(values, columns.period, "period"),
      ...(columns.indicator && !options.autoCatalogue
        ? [
            {
              isBad: `${name} IS NOT NULL AND _indicator_id IS NULL`,
              column: columns.indicator,
              reason: "'unknown indicator (not an id or source name in sources/catalogue/indicators.yaml)'",
            },
          ]
        : []),
      knownAreaRule(values, columns.area, areaTypes),
      ...measureRules(values, columns, "_value_type"),
      {
        isBad: "_line <> _first_line",
        column: columns.area,
        reason: "'duplicate of line ' || _first_line || ' (same indicator, area, period, sex and age)'",
      },
    ];
    return loadStagedCsv(context, {
      requiredColumns: [
        columns.area,
        columns.period,
        ...(columns.indicator ? [columns.indicator] : []),
        ...(columns.sex ? [columns.sex] : []),
        ...(columns.age ? [columns.age] : []),
        ...measureColumnNames(columns),
      ],
      joins: [
        `LEFT JOIN (SELECT source_name AS _source_name, indicator AS _mapped_indicator FROM indicator_source_name) ON _source_name = ${name}`,
        `LEFT JOIN (SELECT id AS _known_indicator FROM indicator) ON _known_indicator = ${options.indicator ? quoteLiteral(options.indicator) : name}`,
      ].join("\n"),
      derivedColumns: [
        `${indicator} AS _indicator_id`,
        `coalesce((SELECT value_type FROM indicator WHERE id = coalesce(_mapped_indicator, _known_indicator)), ${quoteLiteral(options.autoCatalogue?.valueType ?? "")}) AS _value_type`,
        `first_value(_line) OVER (PARTITION BY ${indicator}, ${area}, ${period}, ${sex}, ${age} ORDER BY _line) AS _first_line`,
      ].join(",\n"),
      rules,
      async write(accepted) {
        await addUncatalogued(context, options, accepted, "_indicator_id");
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
             valueType: "_catalogue_value_type",
             sourceId: manifest.id,
           })}
           FROM ${accepted}
           JOIN (SELECT id AS _catalogue_id, multiplier AS _multiplier, value_type AS _catalogue_value_type FROM indicator) ON _catalogue_id = _indicator_id
           ${areaTypeJoin(area, areaTypes, manifest.geography.type)}
           ORDER BY _line`,
        );
        return (await warehouse.scalar<number>(`SELECT count(*) FROM ${accepted}`)) ?? 0;
      },
    });
  },
});
