/**
 * Population counts with one column per age band (e.g. IoD File 6 denominators, ONS mid-year estimates
 * by broad age, or single years of age 0…89, 90+). Stored long: one row per area × period × age band. A
 * bad cell rejects that cell only; a bad area or period rejects the row.
 */
import { z } from "zod";
import { SourceError } from "../../../models/errors.ts";
import { displayPath } from "../../config/read-yaml-config.ts";
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import { defineAdapter, LOAD_PHASES } from "../adapter.ts";
import { knownAreaRule, nonNegativeRule, numberRule, requiredValueRule } from "../common-rules.ts";
import type { RowRule } from "../csv/row-rules.ts";
import { readCsvHeader } from "../csv/stage-csv.ts";
import { type CellGroup, headerOfCell, unpivotCells } from "../csv/unpivot.ts";
import { loadStagedCsv } from "../staged-load.ts";

const optionsSchema = z
  .object({
    area: z.string(),
    period: z.string().optional(),
    fixedPeriod: z.string().optional(),
    /** age band → column, e.g. { all: total_population, "0-15": aged_0_15 }. */
    ages: z.record(z.string(), z.string()).default({}),
    /** Every header matching this pattern is a band named by the header (e.g. single years of age). */
    ageColumnsMatching: z.string().optional(),
  })
  .strict()
  .refine(
    (o) => Boolean(o.period) !== Boolean(o.fixedPeriod),
    "give exactly one of period (a column) or fixedPeriod (a label)",
  )
  .refine((o) => Object.keys(o.ages).length > 0 || o.ageColumnsMatching, "give ages or ageColumnsMatching");

const FIELDS = ["_count"];

export const populationWideAdapter = defineAdapter({
  format: "population-wide",
  optionsSchema,
  phase: () => LOAD_PHASES.data,
  load: (context, options) => {
    const { values, warehouse, manifest } = context;
    const bands = new Map(Object.entries(options.ages));
    if (options.ageColumnsMatching) {
      const pattern = new RegExp(options.ageColumnsMatching);
      for (const header of readCsvHeader(context.file, ","))
        if (pattern.test(header)) bands.set(header, header);
      if (bands.size === Object.keys(options.ages).length) {
        throw new SourceError(
          `${displayPath(context.file)}: no column matches ageColumnsMatching ${options.ageColumnsMatching}`,
        );
      }
    }
    const groups: CellGroup[] = [...bands].map(([band, column]) => ({ name: band, columns: [column] }));
    const area = values.text(options.area);
    const period = options.period ? values.text(options.period) : quoteLiteral(options.fixedPeriod!);
    const cell = { columnSql: headerOfCell("_band", FIELDS, groups, "_count"), valueSql: "_count" };
    const rules: RowRule[] = [
      requiredValueRule(values, options.area, "area code"),
      knownAreaRule(values, options.area, [manifest.geography.type]),
      ...(options.period ? [requiredValueRule(values, options.period, "period")] : []),
      {
        isBad: "_line <> _first_line",
        column: options.area,
        reason: "'duplicate area and period (first on line ' || _first_line || ')'",
      },
      { ...numberRule(values, "_count"), ...cell },
      { ...nonNegativeRule(values, "_count", "population"), ...cell },
    ];
    return loadStagedCsv(context, {
      requiredColumns: [options.area, ...(options.period ? [options.period] : []), ...bands.values()],
      reshape: (view) =>
        unpivotCells(
          view,
          [options.area, ...(options.period ? [options.period] : [])],
          FIELDS,
          groups,
          "_band",
        ),
      duplicateKey: [area, period, "_band"],
      rules,
      async write(accepted) {
        await warehouse.run(
          `INSERT INTO population (area_code, area_type, period, age_band, population, note, source, source_line)
           SELECT ${area}, ${quoteLiteral(manifest.geography.type)}, ${period}, _band, ${values.number("_count")},
                  ${values.missingNote("_count")}, ${quoteLiteral(manifest.id)}, _line
           FROM ${accepted}`,
        );
        return (await warehouse.scalar<number>(`SELECT count(*) FROM ${accepted}`)) ?? 0;
      },
    });
  },
});
