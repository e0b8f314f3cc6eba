/**
 * A lookup between two vintages of the same geography (e.g. LSOA 2001 → LSOA 2011, with the ONS change
 * indicator U unchanged / S split / M merged / X irregular). Both vintages are registered as areas; each
 * pair is a bridge row whose weight is the share of the old area given to the new one. Without better
 * information a split area is shared equally between its successors (documented; a later stage may
 * refine the weights by population).
 */
import { z } from "zod";
import { areaTypeSchema } from "../../sources/manifest-schema.ts";
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import { defineAdapter, LOAD_PHASES } from "../adapter.ts";
import { requiredValueRule } from "../common-rules.ts";
import { loadStagedCsv } from "../staged-load.ts";
import { registerAreas } from "./area-lookup.ts";

const endSchema = z
  .object({
    type: areaTypeSchema,
    code: z.string(),
    name: z.string().optional(),
    vintage: z.string().optional(),
  })
  .strict();
const optionsSchema = z.object({ from: endSchema, to: endSchema, change: z.string().optional() }).strict();

export const lsoaBridgeAdapter = defineAdapter({
  format: "lsoa-bridge",
  optionsSchema,
  phase: () => LOAD_PHASES.lookups,
  load: (context, options) => {
    const { values, warehouse, manifest } = context;
    const { from, to } = options;
    return loadStagedCsv(context, {
      requiredColumns: [from.code, to.code, from.name, to.name, options.change].filter((c): c is string =>
        Boolean(c),
      ),
      duplicateKey: [values.text(from.code), values.text(to.code)],
      rules: [
        requiredValueRule(values, from.code, `${from.type} code`),
        requiredValueRule(values, to.code, `${to.type} code`),
        { isBad: "_line <> _first_line", column: from.code, reason: "'duplicate of line ' || _first_line" },
      ],
      async write(accepted) {
        await registerAreas(context, accepted, from);
        await registerAreas(context, accepted, to);
        await warehouse.run(
          `INSERT INTO area_bridge (from_code, from_type, to_code, to_type, change, weight, source, source_line)
           SELECT ${values.text(from.code)}, ${quoteLiteral(from.type)}, ${values.text(to.code)}, ${quoteLiteral(to.type)},
                  ${options.change ? values.text(options.change) : "NULL"},
                  1.0 / count(*) OVER (PARTITION BY ${values.text(from.code)}), ${quoteLiteral(manifest.id)}, _line
           FROM ${accepted} ORDER BY _line`,
        );
        return (await warehouse.scalar<number>(`SELECT count(*) FROM ${accepted}`)) ?? 0;
      },
    });
  },
});
