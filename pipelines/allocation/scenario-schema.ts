/**
 * The schema of an allocation scenario (`sources/scenarios/*.yaml`; METHODS.md §8): the pot, who
 * receives it, the rule that splits it, the baseline it is compared with, the rounding unit and the
 * population. Validated once by `readYamlConfig` (errors carry file:line); every default is stated here.
 */
import { z } from "zod";
import {
  amountsByCodeSchema,
  areaCodeSchema,
  idSchema,
  moneySchema,
  type needMeasureSchema,
  needMeasuresSchema,
} from "./scenario-fields.ts";
import { ruleSchema } from "./scenario-rule-schema.ts";

/** Defaults of every optional scenario field, in one place. */
export const SCENARIO_DEFAULTS = {
  /** £0.01: amounts to the penny. */
  roundingUnit: 0.01,
  /** IoD 2019 File 6 population (mid-2015, excluding prisoners), the denominator of the IoD 2019 measures. */
  population: "mid-2015",
  /** Need behind the target of fixed rules (tiered, equal, per head). */
  referenceNeed: [{ measure: "income-deprived-people" as const, weight: 1 }],
} as const;

/** Exactly one of: the districts of a county, the localities of a county, or a list of area codes. */
const recipientsSchema = z
  .strictObject({
    districts: areaCodeSchema.optional(),
    localities: areaCodeSchema.optional(),
    areas: z.array(areaCodeSchema).min(1, "list at least one area code").optional(),
    /** For `areas`: the area type, when a code exists with several types (e.g. lsoa11, district). */
    areaType: z.string().optional(),
  })
  .superRefine((value, context) => {
    const given = (["districts", "localities", "areas"] as const).filter((key) => value[key] !== undefined);
    if (given.length !== 1) {
      context.addIssue({
        code: "custom",
        message: `give exactly one of districts: COUNTY, localities: COUNTY or areas: [codes] (got ${given.join(", ") || "none"})`,
      });
    }
    if (value.areaType !== undefined && value.areas === undefined) {
      context.addIssue({ code: "custom", path: ["areaType"], message: "areaType goes with areas: [codes]" });
    }
  });

const baselineSchema = z.union([idSchema, z.strictObject({ amounts: amountsByCodeSchema })], {
  error: "baseline is another scenario's id, or { amounts: { CODE: £, … } }",
});

export const scenarioSchema = z
  .strictObject({
    id: idSchema,
    title: z.string().min(3),
    description: z.string().optional(),
    pot: moneySchema.refine((pounds) => pounds > 0, "the pot must be more than £0"),
    recipients: recipientsSchema,
    rule: ruleSchema,
    /** Need behind the target and distance from target of fixed rules (default income-deprived people). */
    referenceNeed: needMeasuresSchema.optional(),
    baseline: baselineSchema.optional(),
    roundingUnit: moneySchema
      .refine((pounds) => pounds >= 0.01, "the rounding unit is at least £0.01")
      .default(SCENARIO_DEFAULTS.roundingUnit),
    population: z.string().min(1).default(SCENARIO_DEFAULTS.population),
    /** Area cost adjustment per recipient code (default 1). */
    costs: z.record(areaCodeSchema, z.number().positive("cost factors are > 0")).optional(),
  })
  .superRefine((scenario, context) => {
    if (scenario.rule.kind === "pace-of-change" && scenario.baseline === undefined) {
      context.addIssue({
        code: "custom",
        path: ["rule"],
        message: "a pace-of-change rule needs a baseline (a scenario id or { amounts })",
      });
    }
    if (scenario.rule.kind === "tiered") {
      const sumPence = Object.values(scenario.rule.amounts).reduce(
        (sum, pounds) => sum + Math.round(pounds * 100),
        0,
      );
      if (sumPence !== Math.round(scenario.pot * 100)) {
        context.addIssue({
          code: "custom",
          path: ["rule", "amounts"],
          message: `the tiered amounts sum to £${(sumPence / 100).toLocaleString("en-GB")} but the pot is £${scenario.pot.toLocaleString("en-GB")}`,
        });
      }
    }
    if (scenario.baseline === scenario.id) {
      context.addIssue({
        code: "custom",
        path: ["baseline"],
        message: "a scenario cannot be its own baseline",
      });
    }
  });

export type ScenarioConfig = z.output<typeof scenarioSchema>;
export type RecipientsSpec = ScenarioConfig["recipients"];
export type ConfiguredNeedMeasure = z.output<typeof needMeasureSchema>;

/** A validated scenario and the file it came from. */
export interface LoadedScenario extends ScenarioConfig {
  file: string;
}
