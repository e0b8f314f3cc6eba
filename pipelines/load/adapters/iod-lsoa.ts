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
import { type CellGroup, headerOfCell, unpivotCells } from "../csv/unpivot.ts";
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

const FIELDS = ["_score", "_rank", "_decile"];

export const iodLsoaAdapter = defineAdapter({
  format: "iod-lsoa",
  optionsSchema,
  phase: (options) => (options.registerAreas ? LOAD_PHASES.registersAreas : LOAD_PHASES.data),
  load: (context, options) => {
    const { values, warehouse, manifest } = context;
    const lsoaType = manifest.geography.type;
    const lsoa = values.text(options.lsoa);
    const groups: CellGroup[] = options.domains.map((d) => ({
      name: d.domain,
      columns: [d.score ?? null, d.rank ?? null, d.decile ?? null],
    }));
    const cell = (field: string) => ({
      columnSql: headerOfCell("_domain", FIELDS, groups, field),
      valueSql: field,
    });
    const rules: RowRule[] = [
      requiredValueRule(values, options.lsoa, `${lsoaType} code`),
      {
        isBad: "_line <> _first_line",
        column: options.lsoa,
        reason: "'duplicate LSOA (first on line ' || _first_line || ')'",
      },
      ...(options.registerAreas ? [] : [knownAreaRule(values, options.lsoa, [lsoaType])]),
      ...FIELDS.map((field) => ({ ...numberRule(values, field), ...cell(field) })),
      { ...wholeNumberRule(values, "_rank", 1), ...cell("_rank") },
      { ...wholeNumberRule(values, "_decile", 1, 10), ...cell("_decile") },
    ];
    const keep = [options.lsoa, ...(options.name ? [options.name] : [])];
    return loadStagedCsv(context, {
      requiredColumns: [...keep, ...groups.flatMap((g) => g.columns.filter((c): c is string => Boolean(c)))],
      reshape: (view) => unpivotCells(view, keep, FIELDS, groups, "_domain"),
      duplicateKey: [lsoa, "_domain"],
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
        await warehouse.run(
          `INSERT INTO deprivation (edition, lsoa, lsoa_type, domain, score, rank, decile, note, source, source_line)
           SELECT ${options.edition}, ${lsoa}, ${quoteLiteral(lsoaType)}, _domain, ${values.number("_score")},
                  (${values.number("_rank")})::INTEGER, (${values.number("_decile")})::INTEGER,
                  nullif(concat_ws('; ', ${FIELDS.map((f) => `CASE WHEN ${headerOfCell("_domain", FIELDS, groups, f)} IS NOT NULL AND ${values.isMissing(f)} THEN ${quoteLiteral(`${f.slice(1)} `)} || ${values.missingNote(f)} END`).join(", ")}), ''),
                  ${quoteLiteral(manifest.id)}, _line
           FROM ${accepted}`,
        );
        return (await warehouse.scalar<number>(`SELECT count(*) FROM ${accepted}`)) ?? 0;
      },
    });
  },
});
