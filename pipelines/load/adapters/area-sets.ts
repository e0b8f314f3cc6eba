/**
 * Named sets of areas defined by a partnership (priority places such as "Brunswick and Crown"): a YAML
 * file listing each set's members by code, in any geography the lookups know (2011 LSOAs, 2019 wards, or
 * 2009 wards and 2001 LSOAs, which are bridged to 2011 LSOAs). Each set becomes an area of type `priority`
 * linked from its 2011 LSOAs; an LSOA only partly inside (after a 2001→2011 merge) gets a fractional weight.
 */
import { readFileSync } from "node:fs";
import { isNode, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { SchemaError } from "../../../models/errors.ts";
import { displayPath, parseYamlConfig } from "../../config/read-yaml-config.ts";
import { defineAdapter, LOAD_PHASES, type LoadContext } from "../adapter.ts";

const memberTypeSchema = z.enum(["lsoa11", "ward19", "ward09", "lsoa01"]);
const fileSchema = z
  .object({
    sets: z.array(
      z
        .object({
          code: z.string().regex(/^[A-Za-z0-9-]+$/),
          name: z.string(),
          description: z.string().optional(),
          members: z.object({ type: memberTypeSchema, codes: z.array(z.string()).min(1) }).strict(),
        })
        .strict(),
    ),
  })
  .strict();
type AreaSet = z.output<typeof fileSchema>["sets"][number];

/** SQL giving (lsoa11, weight) for one member code of a set. */
function lsoa11Members(type: AreaSet["members"]["type"]): string {
  const fromLsoa01 = `SELECT b.to_code AS lsoa, b.weight_in AS weight FROM (
      SELECT to_code, from_code, 1.0 / count(*) OVER (PARTITION BY to_code) AS weight_in FROM area_bridge WHERE from_type = 'lsoa01' AND to_type = 'lsoa11') b`;
  switch (type) {
    case "lsoa11":
      return "SELECT code AS lsoa, 1.0 AS weight FROM area WHERE type = 'lsoa11' AND code = $1";
    case "ward19":
      return "SELECT child AS lsoa, weight FROM area_link WHERE child_type = 'lsoa11' AND parent = $1 AND parent_type = 'ward19'";
    case "lsoa01":
      return `${fromLsoa01} WHERE b.from_code = $1`;
    case "ward09":
      return `${fromLsoa01} WHERE b.from_code IN (SELECT child FROM area_edge WHERE child_type = 'lsoa01' AND parent = $1 AND parent_type = 'ward09')`;
  }
}

function lineOf(text: string): (path: (string | number)[]) => number | null {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  return (path) => {
    const node = document.getIn(path, true);
    return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : null;
  };
}

async function loadSet(
  context: LoadContext,
  set: AreaSet,
  index: number,
  line: ReturnType<typeof lineOf>,
): Promise<number> {
  const { warehouse, manifest } = context;
  const membership = new Map<string, number>();
  for (const [position, code] of set.members.codes.entries()) {
    const rows = await warehouse.rows<{ lsoa: string; weight: number }>(lsoa11Members(set.members.type), [
      code,
    ]);
    if (rows.length === 0) {
      await warehouse.run(
        "INSERT INTO reject (source, file, line, column_name, value, reason) VALUES ($1, $2, $3, $4, $5, $6)",
        [
          manifest.id,
          displayPath(context.file),
          line(["sets", index, "members", "codes", position]),
          `${set.code}.members`,
          code,
          `unknown ${set.members.type} code, or it has no 2011 LSOAs in the loaded lookups`,
        ],
      );
    }
    for (const row of rows)
      membership.set(row.lsoa, Math.min(1, (membership.get(row.lsoa) ?? 0) + row.weight));
  }
  await warehouse.run(
    "INSERT INTO area (code, name, type, vintage, illustrative, source) VALUES ($1, $2, 'priority', $3, $4, $5) ON CONFLICT DO NOTHING",
    [set.code, set.name, manifest.geography.vintage, manifest.illustrative, manifest.id],
  );
  for (const [lsoa, weight] of [...membership].sort()) {
    await warehouse.run(
      "INSERT INTO area_edge (child, child_type, parent, parent_type, weight, method, source, source_line) VALUES ($1, 'lsoa11', $2, 'priority', $3, $4, $5, $6)",
      [
        lsoa,
        set.code,
        weight,
        weight < 1 ? "apportioned" : "defined",
        manifest.id,
        line(["sets", index, "code"]),
      ],
    );
  }
  // A set inside one district nests in it (and so in its county, region and country).
  await warehouse.run(
    `INSERT INTO area_edge (child, child_type, parent, parent_type, weight, method, source, source_line)
     SELECT $1, 'priority', min(parent), 'district', 1, 'nested', $2, $3 FROM area_link
     WHERE child_type = 'lsoa11' AND parent_type = 'district' AND child IN (SELECT child FROM area_edge WHERE parent = $1 AND parent_type = 'priority')
     HAVING count(DISTINCT parent) = 1`,
    [set.code, manifest.id, line(["sets", index, "code"])],
  );
  return membership.size;
}

export const areaSetsAdapter = defineAdapter({
  format: "area-sets",
  optionsSchema: z.object({}).strict(),
  phase: () => LOAD_PHASES.localDefinitions,
  load: async (context) => {
    const text = readFileSync(context.file, "utf8");
    const parsed = parseYamlConfig(text, context.file, fileSchema);
    const codes = new Set<string>();
    for (const set of parsed.sets) {
      if (codes.has(set.code))
        throw new SchemaError(`${displayPath(context.file)}: set code ${set.code} is used twice`);
      codes.add(set.code);
    }
    const line = lineOf(text);
    let loaded = 0;
    for (const [index, set] of parsed.sets.entries()) loaded += await loadSet(context, set, index, line);
    return { rowsRead: parsed.sets.length, rowsLoaded: loaded };
  },
});
