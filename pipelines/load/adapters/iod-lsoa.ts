/**
 * English Indices of Deprivation files by LSOA (any edition, any layout): for each domain the manifest
 * names the score, rank and decile columns that exist. Stored long: one row per LSOA × domain, national
 * rank 1 = most deprived. An edition on a geography with no lookup (2021 LSOAs for IoD 2025) can be the
 * reference list for its LSOAs (`registerAreas: true`).
 */
import { z } from "zod";
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import { defineAdapter, LOAD_PHASES } from "../adapter.ts";
import { knownAreaRule, numberRule, requiredValueRule, wholeNumberRule } from "../common-rules.ts";
import type { RowRule } from "../csv/row-rules.ts";
import { loadStagedCsv } from "../staged-load.ts";
import { registerAreas } from "./area-lookup.ts";

const domainSchema = z
  .object({
    domain: z.string().regex(/^[a-z][a-z0-9-]*$/),
    score: z.string().optional(),
    rank: z.string().optional(),
    decile: z.string().optional(),
  })
  .strict()
  .refine((d) => d.score || d.rank || d.decile, "give at least one of score, rank, decile");

const optionsSchema = z
  .object({
    edition: z.number().int().min(2000).max(2100),
    lsoa: z.string(),
    name: z.string().optional(),
    registerAreas: z.boolean().default(false),
    domains: z.array(domainSchema).min(1),
  })
  .strict();

export const iodLsoaAdapter = defineAdapter({
  format: "iod-lsoa",
  optionsSchema,
  phase: (options) => (options.registerAreas ? LOAD_PHASES.registersAreas : LOAD_PHASES.data),
  load: (context, options) => {
    const { values, warehouse, manifest } = context;
    const lsoaType = manifest.geography.type;
    const lsoa = values.text(options.lsoa);
    const columns = options.domains.flatMap((d) =>
      [d.score, d.rank, d.decile].filter((c): c is string => Boolean(c)),
    );
    const rules: RowRule[] = [
      requiredValueRule(values, options.lsoa, `${lsoaType} code`),
      {
        isBad: "_line <> _first_line",
        column: options.lsoa,
        reason: "'duplicate LSOA (first on line ' || _first_line || ')'",
      },
      ...(options.registerAreas ? [] : [knownAreaRule(values, options.lsoa, [lsoaType])]),
      ...columns.map((column) => numberRule(values, column)),
      ...options.domains.flatMap((d) => [
        ...(d.rank ? [wholeNumberRule(values, d.rank, 1)] : []),
        ...(d.decile ? [wholeNumberRule(values, d.decile, 1, 10)] : []),
      ]),
    ];
    return loadStagedCsv(context, {
      requiredColumns: [options.lsoa, ...(options.name ? [options.name] : []), ...columns],
      derivedColumns: `first_value(_line) OVER (PARTITION BY ${lsoa} ORDER BY _line) AS _first_line`,
      rules,
      async write(accepted) {
        if (options.registerAreas) {
          await registerAreas(context, accepted, {
            type: lsoaType,
            code: options.lsoa,
            name: options.name,
            vintage: manifest.geography.vintage,
          });
        }
        const selects = options.domains.map((d) => {
          const used = [d.score, d.rank, d.decile].filter((c): c is string => Boolean(c));
          return `SELECT ${options.edition}, ${lsoa}, ${quoteLiteral(lsoaType)}, ${quoteLiteral(d.domain)},
                  ${d.score ? values.number(d.score) : "NULL"}, ${d.rank ? `(${values.number(d.rank)})::INTEGER` : "NULL"},
                  ${d.decile ? `(${values.number(d.decile)})::INTEGER` : "NULL"}, nullif(${values.notes(used)}, ''),
                  ${quoteLiteral(manifest.id)}, _line FROM ${accepted}`;
        });
        await warehouse.run(
          `INSERT INTO deprivation (edition, lsoa, lsoa_type, domain, score, rank, decile, note, source, source_line)
           SELECT * FROM (${selects.join(" UNION ALL ")}) ORDER BY 10, 4`,
        );
        return (
          ((await warehouse.scalar<number>(`SELECT count(*) FROM ${accepted}`)) ?? 0) * options.domains.length
        );
      },
    });
  },
});
