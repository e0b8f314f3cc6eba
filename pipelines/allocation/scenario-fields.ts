/**
 * Field schemas shared by scenarios and their rules: £ amounts in whole pence, amounts by area code, and
 * need measures by name (a bare name, or { measure, weight }; weights default to 1).
 */
import { z } from "zod";
import { NEED_MEASURE_NAMES } from "./need-measure-catalogue.ts";

export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and hyphens");
export const areaCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "an area code such as E07000219");

/** £ amounts: finite, ≥ 0, whole pence. */
export const moneySchema = z
  .number()
  .nonnegative("must be £0 or more")
  .refine((pounds) => Math.abs(pounds * 100 - Math.round(pounds * 100)) < 1e-6, "must be whole pence");

export const amountsByCodeSchema = z.record(areaCodeSchema, moneySchema);

export const needMeasureSchema = z
  .union(
    [
      z.enum(NEED_MEASURE_NAMES),
      z.strictObject({
        measure: z.enum(NEED_MEASURE_NAMES),
        weight: z.number().nonnegative("weights are ≥ 0").default(1),
      }),
    ],
    { error: `a need measure is one of ${NEED_MEASURE_NAMES.join(", ")}, or { measure, weight }` },
  )
  .transform((value) => (typeof value === "string" ? { measure: value, weight: 1 } : value));

export const needMeasuresSchema = z.array(needMeasureSchema).min(1, "name at least one need measure");
