/**
 * The `rule:` of a scenario, one of the rule kinds of the allocation models (METHODS.md §8):
 *
 * - `tiered`: fixed amounts by recipient code (e.g. the 2008/09 split); they must sum to the pot;
 * - `equal`: the same amount to each recipient;
 * - `per-head`: in proportion to the scenario's population;
 * - `need-weighted`: in proportion to the need-weighted target, need a weighted blend of measures;
 * - `need-weighted-with-floors`: the same with a floor and/or a ceiling (£ for all, or by code); the gains
 *   above the floor are scaled by one factor (floor damping);
 * - `pace-of-change`: from the baseline, every recipient grows by `minimumGrowth` (a fraction, may be
 *   negative), those more than `targetTolerance` below target get the rest first.
 */
import { z } from "zod";
import { amountsByCodeSchema, moneySchema, needMeasuresSchema } from "./scenario-fields.ts";

const amountPerRecipientSchema = z.union([moneySchema, amountsByCodeSchema], {
  error: "give one £ amount for every recipient, or { CODE: £, … }",
});

export const RULE_KINDS = [
  "tiered",
  "equal",
  "per-head",
  "need-weighted",
  "need-weighted-with-floors",
  "pace-of-change",
] as const;

export const ruleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("tiered"), amounts: amountsByCodeSchema }),
    z.strictObject({ kind: z.literal("equal") }),
    z.strictObject({ kind: z.literal("per-head") }),
    z.strictObject({ kind: z.literal("need-weighted"), measures: needMeasuresSchema }),
    z
      .strictObject({
        kind: z.literal("need-weighted-with-floors"),
        measures: needMeasuresSchema,
        floor: amountPerRecipientSchema.optional(),
        ceiling: amountPerRecipientSchema.optional(),
      })
      .refine((rule) => rule.floor !== undefined || rule.ceiling !== undefined, {
        message: "give a floor, a ceiling or both (else use kind: need-weighted)",
      }),
    z.strictObject({
      kind: z.literal("pace-of-change"),
      measures: needMeasuresSchema,
      minimumGrowth: z.number().gt(-1, "minimumGrowth is a fraction above −1 (0.02 = 2%)"),
      targetTolerance: z.number().min(0).lt(1, "targetTolerance is a fraction in [0, 1) (0.05 = 5%)"),
    }),
  ],
  { error: `rule.kind must be one of: ${RULE_KINDS.join(", ")}` },
);

export type ScenarioRule = z.output<typeof ruleSchema>;
