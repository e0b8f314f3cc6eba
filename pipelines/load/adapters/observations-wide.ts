/**
 * Indicator observations with one column (or a group of columns) per indicator, e.g. the ONS Health Index
 * (area, year, overall_score, …) or the IoD underlying indicators (numerators by LSOA). Each measure names a
 * catalogue indicator and which columns hold its value, numerator, denominator and CIs. The file is
 * reshaped to one row per area × period × indicator; a bad cell rejects that indicator's value only.
 */
import { z } from "zod";
import { SchemaError } from "../../../models/errors.ts";
import { displayPath } from "../../config/read-yaml-config.ts";
import { ALL_COLUMNS_TABLE } from "../../warehouse/observation-store.ts";
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import { defineAdapter, LOAD_PHASES } from "../adapter.ts";
import { knownAreaRule, requiredValueRule } from "../common-rules.ts";
import type { RowRule } from "../csv/row-rules.ts";
import { type CellGroup, headerOfCell, unpivotCells } from "../csv/unpivot.ts";
import {
  areaTypeJoin,
  type MeasureColumns,
  measureColumnsSchema,
  measureRules,
  OBSERVATION_COLUMNS,
  observationSelectList,
} from "../observation-fields.ts";
import { loadStagedCsv } from "../staged-load.ts";

const optionsSchema = z
  .object({
    area: z.string(),
    period: z.string().optional(),
    fixedPeriod: z.string().optional(),
    measures: z.array(measureColumnsSchema.extend({ indicator: z.string() })).min(1),
  })
  .strict()
  .refine(
    (o) => Boolean(o.period) !== Boolean(o.fixedPeriod),
    "give exactly one of period (a column) or fixedPeriod (a label)",
  );

const MEASURE_KEYS = [
  "numerator",
  "denominator",
  "value",
  "lower95",
  "upper95",
  "lower998",
  "upper998",
  "note",
  "comparison",
] as const;
const FIELDS = MEASURE_KEYS.map((key) => `_${key}`);
/** The long columns as a measure mapping: numerator → _numerator, … */
const LONG_COLUMNS = Object.fromEntries(MEASURE_KEYS.map((key) => [key, `_${key}`])) as MeasureColumns;

export const observationsWideAdapter = defineAdapter({
  format: "observations-wide",
  optionsSchema,
  phase: () => LOAD_PHASES.data,
  load: async (context, options) => {
    const { values, warehouse, manifest } = context;
    const known = new Set(
      (await warehouse.rows<{ id: string }>("SELECT id FROM indicator")).map((row) => row.id),
    );
    const unknown = options.measures.filter((m) => !known.has(m.indicator)).map((m) => m.indicator);
    if (unknown.length > 0) {
      throw new SchemaError(
        `${displayPath(manifest.manifestPath)}: unknown indicator id(s) ${unknown.join(", ")}`,
        "Add them to sources/catalogue/indicators.yaml.",
      );
    }
    const groups: CellGroup[] = options.measures.map((m) => ({
      name: m.indicator,
      columns: MEASURE_KEYS.map((key) => m[key] ?? null),
    }));
    const used = MEASURE_KEYS.filter((key) => options.measures.some((m) => m[key]));
    const columns = Object.fromEntries(used.map((key) => [key, `_${key}`])) as MeasureColumns;
    const area = values.text(options.area);
    const period = options.period ? values.text(options.period) : quoteLiteral(options.fixedPeriod!);
    const types = [manifest.geography.type];
    const rules: RowRule[] = [
      requiredValueRule(values, options.area, "area code"),
      ...(options.period ? [requiredValueRule(values, options.period, "period")] : []),
      knownAreaRule(values, options.area, types),
      {
        isBad: "_line <> _first_line",
        column: options.area,
        reason: "'duplicate area and period (first on line ' || _first_line || ')'",
      },
      ...measureRules(values, columns, "_catalogue_value_type", (column) => ({
        columnSql: headerOfCell("_indicator", FIELDS, groups, column),
        valueSql: column,
      })),
    ];
    const keep = [options.area, ...(options.period ? [options.period] : [])];
    return loadStagedCsv(context, {
      requiredColumns: [...keep, ...groups.flatMap((g) => g.columns.filter((c): c is string => Boolean(c)))],
      reshape: (view) => unpivotCells(view, keep, FIELDS, groups, "_indicator"),
      joins:
        "JOIN (SELECT id AS _catalogue_id, multiplier AS _multiplier, value_type AS _catalogue_value_type FROM indicator) ON _catalogue_id = _indicator",
      duplicateKey: [area, period, "_indicator"],
      rules,
      async write(accepted) {
        await warehouse.run(
          `INSERT INTO ${ALL_COLUMNS_TABLE} (${OBSERVATION_COLUMNS})
           SELECT ${observationSelectList(
             values,
             { ...LONG_COLUMNS, ...columns },
             {
               indicator: "_indicator",
               areaCode: area,
               areaType: "_area_type",
               period,
               sex: "'Persons'",
               age: "'All ages'",
               multiplier: "_multiplier",
               valueType: "_catalogue_value_type",
               sourceId: manifest.id,
             },
           )}
           FROM ${accepted} ${areaTypeJoin(area, types, manifest.geography.type)}`,
        );
        return (await warehouse.scalar<number>(`SELECT count(*) FROM ${accepted}`)) ?? 0;
      },
    });
  },
});
