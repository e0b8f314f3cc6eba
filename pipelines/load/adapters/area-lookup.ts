/**
 * ONS lookup tables (e.g. LSOA 2011 → Ward 2019 → LAD 2019, or Ward → LAD → County → Region → Country):
 * registers every area at every level and the direct link from each level to the next level present in the
 * row (a blank county for a unitary authority links the district straight to its region).
 */
import { z } from "zod";
import { areaTypeSchema } from "../../sources/manifest-schema.ts";
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import { defineAdapter, LOAD_PHASES, type LoadContext } from "../adapter.ts";
import { requiredValueRule } from "../common-rules.ts";
import { loadStagedCsv } from "../staged-load.ts";

const levelSchema = z
  .object({
    type: areaTypeSchema,
    code: z.string(),
    name: z.string().optional(),
    vintage: z.string().optional(),
    /** How this level links to the next: best-fit (each child to one parent by best fit) or nested. */
    link: z.enum(["nested", "best-fit"]).default("nested"),
  })
  .strict();

const optionsSchema = z
  .object({ levels: z.array(levelSchema).min(2, "a lookup needs at least two levels") })
  .strict();
type Level = z.output<typeof levelSchema>;

/** Registers each level's areas, first name seen wins; areas already known keep their first source. */
export async function registerAreas(
  context: LoadContext,
  table: string,
  level: Omit<Level, "link">,
): Promise<void> {
  const { values } = context;
  await context.warehouse.run(
    `INSERT INTO area (code, name, type, vintage, illustrative, source)
     SELECT ${values.text(level.code)}, arg_min(${level.name ? values.text(level.name) : "NULL"}, _line), ${quoteLiteral(level.type)},
            ${level.vintage ? quoteLiteral(level.vintage) : "NULL"}, ${context.manifest.illustrative}, ${quoteLiteral(context.manifest.id)}
     FROM ${table} WHERE ${values.text(level.code)} IS NOT NULL GROUP BY 1
     ON CONFLICT DO NOTHING`,
  );
}

async function writeEdges(context: LoadContext, table: string, levels: Level[]): Promise<void> {
  const { values } = context;
  for (let index = 0; index < levels.length - 1; index++) {
    const from = levels[index]!;
    // The parent is the next level with a code in this row.
    const parents = levels.slice(index + 1);
    const parentCode = `coalesce(${parents.map((p) => values.text(p.code)).join(", ")})`;
    const parentType = `CASE ${parents.map((p) => `WHEN ${values.text(p.code)} IS NOT NULL THEN ${quoteLiteral(p.type)}`).join(" ")} END`;
    await context.warehouse.run(
      `INSERT INTO area_edge (child, child_type, parent, parent_type, weight, method, source, source_line)
       SELECT child, ${quoteLiteral(from.type)}, parent, parent_type, 1, ${quoteLiteral(from.link)}, ${quoteLiteral(context.manifest.id)}, line
       FROM (SELECT ${values.text(from.code)} AS child, ${parentCode} AS parent, ${parentType} AS parent_type, min(_line) AS line
             FROM ${table} WHERE ${values.text(from.code)} IS NOT NULL AND ${parentCode} IS NOT NULL GROUP BY ALL)
       ORDER BY line`,
    );
  }
}

export const areaLookupAdapter = defineAdapter({
  format: "area-lookup",
  optionsSchema,
  phase: () => LOAD_PHASES.lookups,
  load: (context, options) => {
    const { values } = context;
    const levels = options.levels;
    const child = levels[0]!;
    const parentKey = levels
      .slice(1)
      .map((level) => `coalesce(${values.text(level.code)}, '')`)
      .join(" || '|' || ");
    return loadStagedCsv(context, {
      requiredColumns: levels.flatMap((level) => [level.code, ...(level.name ? [level.name] : [])]),
      // A child mapped twice is ambiguous: later rows are rejected, naming the first (which is kept).
      derivedColumns: [
        `first_value(_line) OVER (PARTITION BY ${values.text(child.code)} ORDER BY _line) AS _first_line`,
        `first_value(${parentKey}) OVER (PARTITION BY ${values.text(child.code)} ORDER BY _line) AS _first_parents`,
        `${parentKey} AS _parents`,
      ].join(", "),
      rules: [
        requiredValueRule(values, child.code, `${child.type} code`),
        {
          isBad: "_line <> _first_line",
          column: child.code,
          reason:
            "CASE WHEN _parents <> _first_parents THEN 'mapped again to a different parent (first mapping on line ' || _first_line || ' kept)' ELSE 'duplicate of line ' || _first_line END",
        },
      ],
      async write(accepted) {
        for (const level of levels) await registerAreas(context, accepted, level);
        await writeEdges(context, accepted, levels);
        return (await context.warehouse.scalar<number>(`SELECT count(*) FROM ${accepted}`)) ?? 0;
      },
    });
  },
});
