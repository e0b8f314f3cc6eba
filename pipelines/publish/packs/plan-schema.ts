/**
 * A delivery plan (`sources/plans/<id>.yaml`): what a theme group or district partnership asks an evidence
 * pack for. The file name is the plan's id. Defaults are stated here once: deprivation edition 2019,
 * small-area detail only for priority areas, disclosure threshold 5 (counts 1–4 hidden) shown as "*".
 * With `known` ids (from the sources folder) indicators, targets and scenarios are checked too, and each
 * unknown one is reported at its own line.
 */
import { z } from "zod";
import { THEMES } from "../../catalogue/indicator-catalogue.ts";

export const FOCUS_LEVELS = ["locality", "district", "priority", "county"] as const;
export type FocusLevel = (typeof FOCUS_LEVELS)[number];

const idList = z.array(
  z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and hyphens"),
);

const focusSchema = z
  .object({
    /** The kind of area the plan is about. */
    level: z.enum(FOCUS_LEVELS),
    /** The areas by code (e.g. [WCC-P01]); or use `within`. */
    areas: z.array(z.string().min(1)).min(1).optional(),
    /** Every area of `level` inside this area (e.g. the localities of district E07000219). */
    within: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((focus, context) => {
    const given = [focus.areas, focus.within].filter((value) => value !== undefined).length;
    if (focus.level !== "county" && given !== 1)
      context.addIssue({ code: "custom", message: "give either areas: [codes] or within: CODE (not both)" });
  });

export const planBaseSchema = z
  .object({
    title: z.string().min(3),
    /** One of the six theme groups of the Local Area Agreement. */
    theme: z.enum(THEMES),
    /** Who the pack is for, e.g. "Nuneaton and Bedworth Local Strategic Partnership". */
    partnership: z.string().min(3).optional(),
    /** The priority in a sentence or two: shown at the top of the pack. */
    summary: z.string().min(3).optional(),
    focus: focusSchema,
    indicators: idList.min(1),
    /** Indicators whose targets and forecasts the pack shows (from sources/targets). */
    targets: idList.default([]),
    /** Allocation scenarios (sources/scenarios) shown as options; the first is the baseline. */
    scenarios: idList.default([]),
    deprivation: z
      .object({ edition: z.number().int().default(2019) })
      .strict()
      .default({ edition: 2019 }),
    /** Tables of the small areas (LSOAs) of the focus areas (default: true for priority areas only). */
    smallAreas: z.boolean().optional(),
    disclosure: z
      .object({
        threshold: z.number().int().min(0).default(5),
        marker: z.enum(["*", "c"]).default("*"),
      })
      .strict()
      .default({ threshold: 5, marker: "*" }),
  })
  .strict();

export type PlanConfig = z.output<typeof planBaseSchema>;

export interface KnownIds {
  indicators: ReadonlySet<string>;
  targets: ReadonlySet<string>;
  scenarios: ReadonlySet<string>;
}

/** A list of ids each of which must be known (reported at its own line, with the other problems). */
function knownList(known: ReadonlySet<string>, what: string) {
  return idList.superRefine((ids, context) =>
    ids.forEach((id, index) => {
      if (!known.has(id))
        context.addIssue({ code: "custom", path: [index], message: `unknown ${what} "${id}"` });
    }),
  );
}

/** The plan schema, checking ids against what the sources folder defines when `known` is given. */
export function planSchema(known?: KnownIds) {
  if (!known) return planBaseSchema;
  return planBaseSchema.extend({
    indicators: knownList(known.indicators, "indicator (not in sources/catalogue or the derived rates)").min(
      1,
    ),
    targets: knownList(known.targets, "targets indicator (no sources/targets file for it)").default([]),
    scenarios: knownList(known.scenarios, "allocation scenario (not in sources/scenarios)").default([]),
  });
}
