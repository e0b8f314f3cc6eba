/**
 * Indicator observations with one column (or a group of columns) per indicator, e.g. the ONS Health Index
 * (area, year, overall_score, …) or the IoD underlying indicators (numerators by LSOA). Each measure names a
 * catalogue indicator and which columns hold its value, numerator, denominator and CIs.
 */
import { z } from "zod";
import { SchemaError } from "../../../models/errors.ts";
import { displayPath } from "../../config/read-yaml-config.ts";
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import { defineAdapter, LOAD_PHASES } from "../adapter.ts";
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

export const observationsWideAdapter = defineAdapter({
  format: "observations-wide",
  optionsSchema,
  phase: () => LOAD_PHASES.data,
  load: async (context, options) => {
    const { values, warehouse, manifest } = context;
    const catalogue = new Map(
      (
        await warehouse.rows<{ id: string; multiplier: number; value_type: string }>(
          "SELECT id, multiplier, value_type FROM indicator",
        )
      ).map((row) => [row.id, row]),
    );
    const unknown = options.measures.filter((m) => !catalogue.has(m.indicator)).map((m) => m.indicator);
    if (unknown.length > 0) {
      throw new SchemaError(
        `${displayPath(manifest.manifestPath)}: unknown indicator id(s) ${unknown.join(", ")}`,
        "Add them to sources/catalogue/indicators.yaml.",
      );
    }
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
      ...options.measures.flatMap((m) =>
        measureRules(values, m, quoteLiteral(catalogue.get(m.indicator)!.value_type)),
      ),
    ];
    return loadStagedCsv(context, {
      requiredColumns: [
        options.area,
        ...(options.period ? [options.period] : []),
        ...options.measures.flatMap(measureColumnNames),
      ],
      derivedColumns: `first_value(_line) OVER (PARTITION BY ${area}, ${period} ORDER BY _line) AS _first_line`,
      rules,
      async write(accepted) {
        const selects = options.measures.map((measure) => {
          const indicator = catalogue.get(measure.indicator)!;
          return `SELECT ${observationSelectList(values, measure, {
            indicator: quoteLiteral(measure.indicator),
            areaCode: area,
            areaType: "_area_type",
            period,
            sex: "'Persons'",
            age: "'All ages'",
            multiplier: String(indicator.multiplier),
            valueType: quoteLiteral(indicator.value_type),
            sourceId: manifest.id,
          })} FROM ${accepted} ${areaTypeJoin(area, types, manifest.geography.type)}`;
        });
        await warehouse.run(
          `INSERT INTO observation (${OBSERVATION_COLUMNS}) SELECT * FROM (${selects.join(" UNION ALL ")}) ORDER BY 18, 1`,
        );
        return (
          ((await warehouse.scalar<number>(`SELECT count(*) FROM ${accepted}`)) ?? 0) *
          options.measures.length
        );
      },
    });
  },
});
