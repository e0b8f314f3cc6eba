/**
 * Indicator observations in the long layout: one row per indicator × area × period (× sex × age), as in a
 * Fingertips extract, a local LAA performance extract, or the project's generic format
 * `indicator, area_code, period, numerator, denominator[, value, lower95, upper95]`.
 *
 * The indicator column may hold catalogue ids or names listed as `sourceNames` in the catalogue. With
 * `autoCatalogue`, names not in the catalogue are added under a prefix (marked uncatalogued, polarity
 * none) instead of being rejected.
 *
 * Built for national files: the text is converted to typed columns in one pass (numbers, notes for
 * suppressed markers, "not a number" flags), indicators and areas are resolved through small maps of the
 * distinct values, and the checks read the typed rows without copying them again.
 */
import { z } from "zod";
import { SchemaError } from "../../../models/errors.ts";
import { THEMES, valueTypeSchema } from "../../catalogue/indicator-catalogue.ts";
import { displayPath } from "../../config/read-yaml-config.ts";
import { areaTypeSchema } from "../../sources/manifest-schema.ts";
import { observationPartTable, viewObservationPartInPlace } from "../../warehouse/observation-store.ts";
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import { defineAdapter, LOAD_PHASES, type LoadContext } from "../adapter.ts";
import { measureColumnNames, measureColumnsSchema } from "../observation-fields.ts";
import { loadStagedCsv } from "../staged-load.ts";
import {
  typedObservationDerived,
  typedObservationKey,
  typedObservationNumericColumns,
  typedObservationPart,
  typedObservationRules,
  typedObservationValues,
} from "./observations-typed.ts";

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
export type ObservationsLongOptions = z.output<typeof optionsSchema>;

const slug = (expression: string) =>
  `lower(trim(regexp_replace(trim(${expression}), '[^A-Za-z0-9]+', '-', 'g'), '-'))`;

/**
 * The indicator of each distinct name in the file: a source name from the catalogue, a catalogue id, or
 * (with autoCatalogue) a new uncatalogued indicator under the prefix.
 */
async function buildIndicatorMap(
  context: LoadContext,
  options: ObservationsLongOptions,
  staged: string,
  map: string,
): Promise<void> {
  const { warehouse } = context;
  const auto = options.autoCatalogue
    ? `${quoteLiteral(options.autoCatalogue.idPrefix)} || ${slug("d.n")}`
    : "NULL";
  await warehouse.run(`CREATE OR REPLACE TEMP TABLE ${map}_names AS
    SELECT d.n AS _indicator_name, coalesce(sn.indicator, i.id, ${auto}) AS _indicator_id
    FROM (SELECT DISTINCT _name AS n FROM ${staged} WHERE _name IS NOT NULL) d
    LEFT JOIN indicator_source_name sn ON sn.source_name = d.n
    LEFT JOIN indicator i ON i.id = d.n`);
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

/**
 * The area type of each distinct code in the file (none when the code is not a known area of the allowed
 * types). Returns whether every code in the file is known.
 */
async function buildAreaMap(
  context: LoadContext,
  staged: string,
  types: string[],
  map: string,
): Promise<boolean> {
  const preferred = quoteLiteral(context.manifest.geography.type);
  await context.warehouse.run(`CREATE OR REPLACE TEMP TABLE ${map}_codes AS
    SELECT DISTINCT _area FROM ${staged} WHERE _area IS NOT NULL`);
  await context.warehouse.run(`CREATE OR REPLACE TEMP TABLE ${map} AS
    SELECT code AS _area_code, arg_min(type, CASE WHEN type = ${preferred} THEN 0 ELSE 1 END) AS _area_type
    FROM area WHERE type IN (${types.map(quoteLiteral).join(", ")}) AND code IN (SELECT _area FROM ${map}_codes)
    GROUP BY code`);
  const allKnown = await context.warehouse.scalar<boolean>(
    `SELECT (SELECT count(*) FROM ${map}_codes) = (SELECT count(*) FROM ${map})`,
  );
  await context.warehouse.run(`DROP TABLE ${map}_codes`);
  return Boolean(allKnown);
}

/**
 * How the checks (`forChecks`, over the temporary map) and the observation view (over its kept copy) find
 * each row's indicator, value type and multiplier: through the map, or, when every name in the file is its
 * own catalogue id and the indicators share one value type and multiplier (a file in the generic format),
 * as constants without a join.
 */
async function indicatorLookup(
  context: LoadContext,
  map: string,
  keptMap: string,
  forChecks = false,
): Promise<{ joins: string; columns: string }> {
  const shape = await context.warehouse.rows<{
    identity: boolean;
    all_known: boolean;
    value_types: number;
    multipliers: number;
    value_type: string;
    multiplier: number;
  }>(
    `SELECT bool_and(_indicator_id = _indicator_name) FILTER (WHERE _indicator_id IS NOT NULL) AS identity,
            count(*) = count(_indicator_id) AS all_known, count(DISTINCT _value_type) AS value_types,
            count(DISTINCT _multiplier) AS multipliers, any_value(_value_type) AS value_type, any_value(_multiplier) AS multiplier
     FROM ${map}`,
  );
  const only = shape[0];
  // The checks must still see unknown names as unknown; the view reads only accepted rows.
  if (only?.identity && (only.all_known || !forChecks) && only.value_types === 1 && only.multipliers === 1) {
    return {
      joins: "",
      columns: `, _name AS _indicator_id, ${quoteLiteral(only.value_type)} AS _value_type, ${Number(only.multiplier)}::DOUBLE AS _multiplier`,
    };
  }
  return { joins: `LEFT JOIN ${keptMap} ON _indicator_name = _name`, columns: "" };
}

async function checkFixedIndicator(context: LoadContext, options: ObservationsLongOptions): Promise<void> {
  if (!options.indicator) return;
  const known = await context.warehouse.scalar<number>("SELECT count(*) FROM indicator WHERE id = $1", [
    options.indicator,
  ]);
  if (!known) {
    throw new SchemaError(
      `${displayPath(context.manifest.manifestPath)}: options.indicator "${options.indicator}" is not in the catalogue`,
      "Add it to sources/catalogue/indicators.yaml.",
    );
  }
}

export const observationsLongAdapter = defineAdapter({
  format: "observations-long",
  optionsSchema,
  phase: () => LOAD_PHASES.data,
  load: async (context, options) => {
    const { warehouse, manifest } = context;
    const { columns } = options;
    await checkFixedIndicator(context, options);
    const areaTypes = options.areaTypes ?? [manifest.geography.type];
    const indicatorMap = `${context.stagingName}_indicators`;
    const areaMap = `${context.stagingName}_areas`;
    const keptTable = observationPartTable(manifest.id);
    let everyAreaKnown = false;
    try {
      return await loadStagedCsv(context, {
        requiredColumns: [
          columns.area,
          columns.period,
          ...(columns.indicator ? [columns.indicator] : []),
          ...(columns.sex ? [columns.sex] : []),
          ...(columns.age ? [columns.age] : []),
          ...measureColumnNames(columns),
        ],
        project: typedObservationValues(context.values, options, true),
        numericColumns: typedObservationNumericColumns(options),
        textProject: typedObservationValues(context.values, options),
        readColumns: {
          parsed: typedObservationDerived(options, manifest.missingMarkers, true),
          text: typedObservationDerived(options, manifest.missingMarkers),
        },
        async prepare(staged) {
          await buildIndicatorMap(context, options, staged, indicatorMap);
          everyAreaKnown = await buildAreaMap(context, staged, areaTypes, areaMap);
        },
        // A file whose codes are all known areas of a single type needs no area join to be checked.
        lookups: async () => {
          const indicators = await indicatorLookup(context, indicatorMap, indicatorMap, true);
          if (everyAreaKnown && areaTypes.length === 1) {
            return {
              joins: indicators.joins,
              columns: `${indicators.columns}, ${quoteLiteral(areaTypes[0]!)} AS _area_type`,
            };
          }
          return {
            joins: `${indicators.joins} LEFT JOIN ${areaMap} ON _area_code = _area`,
            columns: indicators.columns,
          };
        },
        duplicateKey: typedObservationKey(options),
        // When every name in the file is a known indicator and no two name the same one, names key as ids do.
        duplicateKeyBeforeJoins: async () => {
          const oneToOne = await warehouse.scalar<boolean>(
            `SELECT count(*) = count(DISTINCT _indicator_id) AND count(*) = count(_indicator_id) FROM ${indicatorMap}`,
          );
          return oneToOne ? typedObservationKey(options, "_name") : undefined;
        },
        rules: typedObservationRules(options, areaTypes),
        checkedAsView: true,
        keepStagedAs: keptTable,
        // The rows stay in the table they were read into; the observation view reads them in place.
        write: async (_accepted, staged) => {
          const kept = {
            indicators: `${keptTable}__indicators`,
            areas: `${keptTable}__areas`,
            rejected: `${keptTable}__rejected`,
          };
          const tables = [keptTable, ...staged.keptTables, kept.indicators];
          await warehouse.run(`CREATE OR REPLACE TABLE ${kept.indicators} AS SELECT * FROM ${indicatorMap}`);
          const indicators = await indicatorLookup(context, indicatorMap, kept.indicators);
          let joins = indicators.joins;
          if (areaTypes.length > 1) {
            await warehouse.run(`CREATE OR REPLACE TABLE ${kept.areas} AS SELECT * FROM ${areaMap}`);
            joins += ` LEFT JOIN ${kept.areas} ON _area_code = _area`;
            tables.push(kept.areas);
          }
          let accepted = "";
          if (staged.badRows > 0) {
            await warehouse.run(
              `CREATE OR REPLACE TABLE ${kept.rejected} AS SELECT DISTINCT _line FROM ${staged.checked} WHERE _bad`,
            );
            accepted = `WHERE _line NOT IN (SELECT _line FROM ${kept.rejected})`;
            tables.push(kept.rejected);
          }
          await viewObservationPartInPlace(
            warehouse,
            manifest.id,
            tables,
            `(SELECT *${indicators.columns} FROM ${staged.rowsSql} ${joins} ${accepted})`,
            typedObservationPart(options, manifest.id, areaTypes),
          );
          return staged.stagedRows - staged.badRows;
        },
      });
    } finally {
      await warehouse.run(`DROP TABLE IF EXISTS ${indicatorMap}; DROP TABLE IF EXISTS ${areaMap};`);
    }
  },
});
