/**
 * Counts by category for each area (e.g. Census households by number of deprivation dimensions, 0–4):
 * each category becomes an indicator whose numerator is its count and whose denominator is the area's total
 * over all categories; `combined` indicators add several categories (e.g. deprived in 1 or more dimensions).
 */
import { z } from "zod";
import { SchemaError } from "../../../models/errors.ts";
import { displayPath } from "../../config/read-yaml-config.ts";
import { ALL_COLUMNS_TABLE } from "../../warehouse/observation-store.ts";
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import { defineAdapter, LOAD_PHASES } from "../adapter.ts";
import { knownAreaRule, nonNegativeRule, numberRule, requiredValueRule } from "../common-rules.ts";
import { OBSERVATION_COLUMNS } from "../observation-fields.ts";
import { loadStagedCsv } from "../staged-load.ts";

const optionsSchema = z
  .object({
    area: z.string(),
    category: z.string(),
    count: z.string(),
    fixedPeriod: z.string(),
    /** category value in the file → indicator id. */
    categories: z.record(z.string(), z.string()),
    combined: z
      .array(z.object({ indicator: z.string(), categories: z.array(z.string()).min(1) }).strict())
      .default([]),
  })
  .strict();

export const categoryCountsAdapter = defineAdapter({
  format: "category-counts",
  optionsSchema,
  phase: () => LOAD_PHASES.data,
  load: async (context, options) => {
    const { values, warehouse, manifest } = context;
    const known = new Map(
      (await warehouse.rows<{ id: string; multiplier: number }>("SELECT id, multiplier FROM indicator")).map(
        (row) => [row.id, row.multiplier],
      ),
    );
    const ids = [...Object.values(options.categories), ...options.combined.map((c) => c.indicator)];
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new SchemaError(
        `${displayPath(manifest.manifestPath)}: unknown indicator id(s) ${unknown.join(", ")}`,
        "Add them to sources/catalogue/indicators.yaml.",
      );
    }
    const area = values.text(options.area);
    const category = values.text(options.category);
    const categoryList = Object.keys(options.categories).map(quoteLiteral).join(", ");
    const count = values.number(options.count);
    return loadStagedCsv(context, {
      requiredColumns: [options.area, options.category, options.count],
      duplicateKey: [area, category],
      rules: [
        requiredValueRule(values, options.area, "area code"),
        requiredValueRule(values, options.category, "category"),
        knownAreaRule(values, options.area, [manifest.geography.type]),
        {
          isBad: `${category} NOT IN (${categoryList})`,
          column: options.category,
          reason: `'unknown category (expected one of ${Object.keys(options.categories).join(", ")})'`,
        },
        numberRule(values, options.count),
        nonNegativeRule(values, options.count),
        {
          isBad: "_line <> _first_line",
          column: options.category,
          reason: "'duplicate area and category (first on line ' || _first_line || ')'",
        },
      ],
      async write(accepted) {
        const totals = `${context.stagingName}_totals`;
        await warehouse.run(
          `CREATE OR REPLACE TEMP TABLE ${totals} AS SELECT ${area} AS code, sum(${count}) AS total, count(*) = count(${count}) AS complete FROM ${accepted} GROUP BY 1`,
        );
        const groups = [
          ...Object.entries(options.categories).map(([value, indicator]) => ({
            indicator,
            categories: [value],
          })),
          ...options.combined,
        ];
        const selects = groups.map(
          (
            group,
          ) => `SELECT ${quoteLiteral(group.indicator)}, ${area}, ${quoteLiteral(manifest.geography.type)}, ${quoteLiteral(options.fixedPeriod)},
              TRY_CAST(substr(${quoteLiteral(options.fixedPeriod)}, 1, 4) AS INTEGER), 'Persons', 'All ages',
              sum(${count}), any_value(t.total), CASE WHEN any_value(t.total) > 0 AND bool_and(t.complete) THEN sum(${count}) / any_value(t.total) * ${known.get(group.indicator)} END,
              NULL, NULL, NULL, NULL, NULL,
              CASE WHEN NOT bool_and(t.complete) THEN 'a category count is missing in the source' END, ${quoteLiteral(manifest.id)}, min(_line)
            FROM ${accepted} JOIN ${totals} t ON t.code = ${area}
            WHERE ${category} IN (${group.categories.map(quoteLiteral).join(", ")}) GROUP BY ${area}`,
        );
        await warehouse.run(
          `INSERT INTO ${ALL_COLUMNS_TABLE} (${OBSERVATION_COLUMNS}) SELECT * FROM (${selects.join(" UNION ALL ")}) ORDER BY 18, 1`,
        );
        await warehouse.run(`DROP TABLE IF EXISTS ${totals}`);
        return (await warehouse.scalar<number>(`SELECT count(*) FROM ${accepted}`)) ?? 0;
      },
    });
  },
});
