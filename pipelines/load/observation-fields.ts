/**
 * What every observation loader shares: the optional measure columns (numerator, denominator, value, CIs),
 * the rules on them (numbers, no negative counts, no numerator above its denominator for proportions) and
 * the select list that writes one `observation` row. A missing value stays NULL with a note; a value the
 * source leaves out but whose counts are given is computed as numerator / denominator × multiplier.
 */
import { z } from "zod";
import { OBSERVATION_COLUMN_TYPES, periodYearSql } from "../warehouse/observation-store.ts";
import { quoteLiteral } from "../warehouse/warehouse.ts";
import { nonNegativeRule, numberRule } from "./common-rules.ts";
import type { RowRule } from "./csv/row-rules.ts";
import type { ColumnValues } from "./csv/sql-values.ts";

export const measureColumnsSchema = z
  .object({
    numerator: z.string().optional(),
    denominator: z.string().optional(),
    value: z.string().optional(),
    lower95: z.string().optional(),
    upper95: z.string().optional(),
    lower998: z.string().optional(),
    upper998: z.string().optional(),
    note: z.string().optional(),
    /** The publisher's own comparison label (e.g. Fingertips "Better"/"Similar"/"Worse"). */
    comparison: z.string().optional(),
  })
  .strict();
export type MeasureColumns = z.output<typeof measureColumnsSchema>;

/** The numeric measure fields, in the order of the observation table. */
export const NUMERIC_FIELDS = [
  "numerator",
  "denominator",
  "value",
  "lower95",
  "upper95",
  "lower998",
  "upper998",
] as const;

const MEASURE_FIELDS = [...NUMERIC_FIELDS, "note", "comparison"] as const;
export type NumericField = (typeof NUMERIC_FIELDS)[number];

/** The file columns a measure mapping uses (other keys of the object, such as `indicator`, are ignored). */
export function measureColumnNames(columns: MeasureColumns): string[] {
  return MEASURE_FIELDS.map((field) => columns[field]).filter((c): c is string => Boolean(c));
}

/**
 * Rules on the measure columns. `valueType` is an SQL expression for the row's indicator value type;
 * `cellLabel` gives the reported column and value for files reshaped from wide to long.
 */
export function measureRules(
  values: ColumnValues,
  columns: MeasureColumns,
  valueType: string,
  cellLabel?: (column: string) => { columnSql: string; valueSql: string },
): RowRule[] {
  const label = (rule: RowRule, column: string): RowRule =>
    cellLabel ? { ...rule, ...cellLabel(column) } : rule;
  const rules: RowRule[] = [];
  for (const field of NUMERIC_FIELDS) {
    const column = columns[field];
    if (column) rules.push(label(numberRule(values, column), column));
  }
  if (columns.numerator)
    rules.push(label(nonNegativeRule(values, columns.numerator, "count"), columns.numerator));
  if (columns.denominator)
    rules.push(label(nonNegativeRule(values, columns.denominator, "denominator"), columns.denominator));
  if (columns.numerator && columns.denominator) {
    const numerator = values.number(columns.numerator);
    const denominator = values.number(columns.denominator);
    const rule: RowRule = {
      isBad: `${valueType} IN ('proportion', 'percentage') AND ${numerator} > ${denominator}`,
      column: columns.numerator,
      reason: `'numerator above its denominator (' || ${numerator} || ' > ' || ${denominator} || ')'`,
    };
    rules.push(label(rule, columns.numerator));
  }
  return rules;
}

export interface ObservationKeys {
  indicator: string;
  areaCode: string;
  areaType: string;
  period: string;
  sex: string;
  age: string;
  /** SQL for the indicator's multiplier and value type (from the catalogue). */
  multiplier: string;
  valueType: string;
  sourceId: string;
}

/** The select list for `INSERT INTO observation_all_columns (OBSERVATION_COLUMNS)`. */
export function observationSelectList(
  values: ColumnValues,
  columns: MeasureColumns,
  keys: ObservationKeys,
): string {
  const number = (field: (typeof NUMERIC_FIELDS)[number]) =>
    columns[field] ? values.number(columns[field]) : "NULL";
  const numerator = number("numerator");
  const denominator = number("denominator");
  const computed = `CASE WHEN ${numerator} IS NOT NULL AND ${denominator} > 0 THEN ${numerator} / ${denominator} * ${keys.multiplier}
                         WHEN ${keys.valueType} = 'count' THEN ${numerator} END`;
  const value = `coalesce(${number("value")}, ${computed})`;
  const missing = measureColumnNames({ ...columns, note: undefined, comparison: undefined });
  const note = `nullif(concat_ws('; ', ${columns.note ? values.text(columns.note) : "NULL"}, nullif(${values.notes(missing.filter((c) => c === columns.value || c === columns.numerator))}, ''),
      CASE WHEN ${number("value")} IS NULL AND (${computed}) IS NOT NULL THEN 'value computed from numerator and denominator' END), '')`;
  return [
    keys.indicator,
    keys.areaCode,
    keys.areaType,
    keys.period,
    periodYearSql(keys.period),
    keys.sex,
    keys.age,
    numerator,
    denominator,
    value,
    number("lower95"),
    number("upper95"),
    number("lower998"),
    number("upper998"),
    columns.comparison ? values.text(columns.comparison) : "NULL",
    note,
    quoteLiteral(keys.sourceId),
    "_line",
  ].join(",\n       ");
}

export const OBSERVATION_COLUMNS = OBSERVATION_COLUMN_TYPES.map(([name]) => name).join(", ");

/** SQL joins giving each row its area type (preferring `preferredType` when a code exists in several). */
export function areaTypeJoin(
  codeExpression: string,
  allowedTypes: readonly string[],
  preferredType: string,
): string {
  const types = allowedTypes.map(quoteLiteral).join(", ");
  return `LEFT JOIN (SELECT code AS _area_code, arg_min(type, CASE WHEN type = ${quoteLiteral(preferredType)} THEN 0 ELSE 1 END) AS _area_type
                     FROM area WHERE type IN (${types}) GROUP BY code) ON _area_code = ${codeExpression}`;
}
