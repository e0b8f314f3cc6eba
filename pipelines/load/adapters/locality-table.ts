/**
 * A local definition of localities: a committed table assigning wards (or LSOAs) to named localities,
 * each nested in one district. Each member must be a known area whose own district is the one declared;
 * a member may be split between localities only with a weight column whose weights sum to 1.
 */
import { z } from "zod";
import { formatCount } from "../../util/reporter.ts";
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import { defineAdapter, LOAD_PHASES, type LoadContext } from "../adapter.ts";
import { knownAreaRule, numberRule, requiredValueRule } from "../common-rules.ts";
import type { RowRule } from "../csv/row-rules.ts";
import { loadStagedCsv } from "../staged-load.ts";

const optionsSchema = z
  .object({
    member: z
      .object({
        type: z.enum(["ward09", "ward19", "ward25", "lsoa11", "lsoa21"]),
        code: z.string(),
        name: z.string().optional(),
      })
      .strict(),
    locality: z.object({ code: z.string(), name: z.string() }).strict(),
    district: z.string(),
    weight: z.string().optional(),
    /** The area type the definition creates (default locality). */
    areaType: z.enum(["locality", "priority"]).default("locality"),
  })
  .strict();
type Options = z.output<typeof optionsSchema>;

function rules(context: LoadContext, options: Options): RowRule[] {
  const { values } = context;
  const member = values.text(options.member.code);
  const district = values.text(options.district);
  const list: RowRule[] = [
    requiredValueRule(values, options.member.code, `${options.member.type} code`),
    requiredValueRule(values, options.locality.code, "locality code"),
    requiredValueRule(values, options.locality.name, "locality name"),
    requiredValueRule(values, options.district, "district code"),
    knownAreaRule(values, options.member.code, [options.member.type]),
    knownAreaRule(values, options.district, ["district"]),
    {
      isBad: `EXISTS (SELECT 1 FROM area_link l WHERE l.child = ${member} AND l.child_type = ${quoteLiteral(options.member.type)} AND l.parent_type = 'district') AND NOT EXISTS (SELECT 1 FROM area_link l WHERE l.child = ${member} AND l.child_type = ${quoteLiteral(options.member.type)} AND l.parent = ${district})`,
      column: options.district,
      reason: `'the ${options.member.type} is not in this district (the lookups place it in ' || coalesce((SELECT string_agg(parent, ', ') FROM area_link l WHERE l.child = ${member} AND l.child_type = ${quoteLiteral(options.member.type)} AND l.parent_type = 'district'), '?') || ')'`,
    },
    {
      isBad: `${district} <> _first_district`,
      column: options.district,
      reason: `'locality already placed in district ' || _first_district || ' on line ' || _first_district_line || '; a locality must nest in one district'`,
    },
  ];
  if (options.weight) {
    list.push(numberRule(values, options.weight), {
      isBad: `abs(_member_weight_total - 1) > 1e-6`,
      column: options.weight,
      reason: `'weights for this member sum to ' || round(_member_weight_total, 6) || ', not 1'`,
    });
  } else {
    list.push({
      isBad: "_line <> _first_member_line",
      column: options.member.code,
      reason:
        "'member already assigned on line ' || _first_member_line || ' (add a weight column to split a member)'",
    });
  }
  return list;
}

async function warnAboutUncovered(context: LoadContext, options: Options): Promise<void> {
  const uncovered = await context.warehouse.rows<{ code: string; name: string }>(
    `SELECT a.code, a.name FROM area a
     WHERE a.type = $1
       AND EXISTS (SELECT 1 FROM area_link d WHERE d.child = a.code AND d.child_type = a.type AND d.parent_type = 'district'
                   AND d.parent IN (SELECT parent FROM area_edge WHERE child_type = $2 AND source = $3))
       AND NOT EXISTS (SELECT 1 FROM area_edge e WHERE e.child = a.code AND e.child_type = a.type AND e.source = $3)
     ORDER BY a.code`,
    [options.member.type, options.areaType, context.manifest.id],
  );
  if (uncovered.length > 0) {
    const list = uncovered
      .slice(0, 8)
      .map((area) => `${area.code} ${area.name ?? ""}`.trim())
      .join(", ");
    context.reporter.warn(
      `${context.manifest.id}: ${formatCount(uncovered.length)} ${options.member.type} area(s) in the covered districts have no ${options.areaType}: ${list}${uncovered.length > 8 ? ", …" : ""}`,
    );
  }
}

export const localityTableAdapter = defineAdapter({
  format: "locality-table",
  optionsSchema,
  phase: () => LOAD_PHASES.localDefinitions,
  load: (context, options) => {
    const { values, warehouse, manifest } = context;
    const member = values.text(options.member.code);
    const locality = values.text(options.locality.code);
    const weight = options.weight ? values.number(options.weight) : "1.0";
    return loadStagedCsv(context, {
      requiredColumns: [
        options.member.code,
        options.locality.code,
        options.locality.name,
        options.district,
        ...(options.weight ? [options.weight] : []),
      ],
      derivedColumns: [
        `first_value(${values.text(options.district)}) OVER (PARTITION BY ${locality} ORDER BY _line) AS _first_district`,
        `first_value(_line) OVER (PARTITION BY ${locality} ORDER BY _line) AS _first_district_line`,
        `first_value(_line) OVER (PARTITION BY ${member} ORDER BY _line) AS _first_member_line`,
        `sum(${weight}) OVER (PARTITION BY ${member}) AS _member_weight_total`,
      ].join(", "),
      rules: rules(context, options),
      async write(accepted) {
        const type = quoteLiteral(options.areaType);
        const source = quoteLiteral(manifest.id);
        await warehouse.run(
          `INSERT INTO area (code, name, type, vintage, illustrative, source)
           SELECT ${locality}, arg_min(${values.text(options.locality.name)}, _line), ${type}, ${quoteLiteral(manifest.geography.vintage)}, ${manifest.illustrative}, ${source}
           FROM ${accepted} GROUP BY 1 ON CONFLICT DO NOTHING`,
        );
        await warehouse.run(
          `INSERT INTO area_edge (child, child_type, parent, parent_type, weight, method, source, source_line)
           SELECT ${member}, ${quoteLiteral(options.member.type)}, ${locality}, ${type}, ${weight},
                  CASE WHEN ${weight} < 1 THEN 'apportioned' ELSE 'defined' END, ${source}, _line
           FROM ${accepted} ORDER BY _line`,
        );
        await warehouse.run(
          `INSERT INTO area_edge (child, child_type, parent, parent_type, weight, method, source, source_line)
           SELECT ${locality}, ${type}, ${values.text(options.district)}, 'district', 1, 'nested', ${source}, min(_line)
           FROM ${accepted} GROUP BY ALL ORDER BY 1`,
        );
        await warnAboutUncovered(context, options);
        return (await warehouse.scalar<number>(`SELECT count(*) FROM ${accepted}`)) ?? 0;
      },
    });
  },
});
