/**
 * The typed form of a long observations file, in two steps so that a clean national file pays only for
 * what it needs. While reading, each measure column present becomes `_<field>_cast` (DuckDB's cast of the
 * text, which allows surrounding spaces) and `_<field>_raw` (the text, kept only when the cast did not give
 * a finite number: a marker, a thousands separator, a typo; NULL on almost every row). After the joins,
 * cheap derived columns give `_<field>` (the number: the cast, or the text re-read without separators),
 * `_<field>_bad` (present, not a marker, not a finite number) and `_<field>_note` (why it is missing).
 * Rules and the insert then work on these columns without converting text again.
 */
import { type ObservationPart, periodYearSql } from "../../warehouse/observation-store.ts";
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import type { RowRule } from "../csv/row-rules.ts";
import { type ColumnValues, isMarkerSql } from "../csv/sql-values.ts";
import { NUMERIC_FIELDS, type NumericField } from "../observation-fields.ts";
import type { ObservationsLongOptions } from "./observations-long.ts";

function presentFields(options: ObservationsLongOptions): NumericField[] {
  return NUMERIC_FIELDS.filter((field) => options.columns[field]);
}

/**
 * Select list over the file's columns, applied while reading (lateral aliases: one cast per cell). With
 * `numbersParsed` the reader has already parsed the measure columns (see `typedObservationNumericColumns`)
 * and only rows with plain numbers arrive, so no text is kept; otherwise the measure columns are text.
 */
export function typedObservationValues(
  values: ColumnValues,
  options: ObservationsLongOptions,
  numbersParsed = false,
): string {
  const { columns } = options;
  const parts = [
    `${columns.indicator ? values.text(columns.indicator) : quoteLiteral(options.indicator!)} AS _name`,
    `${values.text(columns.area)} AS _area`,
    `${values.text(columns.period)} AS _period`,
  ];
  if (columns.sex) parts.push(`coalesce(${values.text(columns.sex)}, 'Persons') AS _sex`);
  if (columns.age) parts.push(`coalesce(${values.text(columns.age)}, 'All ages') AS _age`);
  if (columns.note) parts.push(`${values.text(columns.note)} AS _note`);
  if (columns.comparison) parts.push(`${values.text(columns.comparison)} AS _comparison`);
  for (const field of presentFields(options)) {
    const cell = values.column(columns[field]!);
    if (numbersParsed) {
      parts.push(`${cell} AS _${field}_cast`);
      continue;
    }
    parts.push(
      `TRY_CAST(${cell} AS DOUBLE) AS _${field}_cast`,
      `CASE WHEN NOT coalesce(isfinite(_${field}_cast), false) THEN ${cell} END AS _${field}_raw`,
    );
  }
  return parts.join(",\n  ");
}

/**
 * The measure columns the reader parses as numbers itself (a record with a marker, a thousands separator
 * or a typo in one of them is read again as text), with the typed column holding each.
 */
export function typedObservationNumericColumns(
  options: ObservationsLongOptions,
): Array<{ column: string; stagedAs: string }> {
  return presentFields(options).map((field) => ({
    column: options.columns[field]!,
    stagedAs: `_${field}_cast`,
  }));
}

/**
 * Columns computed as the staged rows are read: constants for absent sex and age columns, and for each
 * measure its number, "not a number" flag and missing note. Rows the reader parsed (`numbersParsed`) hold
 * plain numbers or nothing, so they need no text work at all; rows staged as text re-read only the cells
 * whose cast failed.
 */
export function typedObservationDerived(
  options: ObservationsLongOptions,
  markers: readonly string[],
  numbersParsed = false,
): string {
  const { columns } = options;
  const parts: string[] = [];
  if (!columns.sex) parts.push("'Persons' AS _sex");
  if (!columns.age) parts.push("'All ages' AS _age");
  for (const field of presentFields(options)) {
    if (numbersParsed) {
      parts.push(
        `_${field}_cast AS _${field}`,
        `false AS _${field}_bad`,
        `CASE WHEN _${field}_cast IS NULL THEN 'missing in source' END AS _${field}_note`,
      );
      continue;
    }
    const raw = `_${field}_raw`;
    const isMarker = isMarkerSql(`trim(${raw})`, markers);
    const reread = `TRY_CAST(replace(trim(${raw}), ',', '') AS DOUBLE)`;
    parts.push(
      `CASE WHEN ${raw} IS NULL THEN _${field}_cast WHEN NOT ${isMarker} AND isfinite(${reread}) THEN ${reread} END AS _${field}`,
      `${raw} IS NOT NULL AND NOT ${isMarker} AND NOT coalesce(isfinite(${reread}), false) AS _${field}_bad`,
      `CASE WHEN ${raw} IS NULL THEN CASE WHEN _${field}_cast IS NULL THEN 'missing in source' END
            WHEN trim(${raw}) = '' THEN 'missing in source'
            WHEN ${isMarker} THEN 'suppressed or missing in source (marker "' || trim(${raw}) || '")' END AS _${field}_note`,
    );
  }
  return parts.join(",\n  ");
}

/**
 * The key that makes two rows duplicates: indicator, area, period, and sex and age when the file has them.
 * The indicator is its catalogue id, or the name in the file when names and ids correspond one to one.
 */
export function typedObservationKey(options: ObservationsLongOptions, indicator = "_indicator_id"): string[] {
  return [
    indicator,
    "_area",
    "_period",
    ...(options.columns.sex ? ["_sex"] : []),
    ...(options.columns.age ? ["_age"] : []),
  ];
}

/** The checks, on the typed and joined rows (`_indicator_id`, `_value_type`, `_area_type` from the maps). */
export function typedObservationRules(options: ObservationsLongOptions, areaTypes: string[]): RowRule[] {
  const { columns } = options;
  const fields = presentFields(options);
  const rules: RowRule[] = [
    ...(columns.indicator
      ? [
          {
            isBad: "_name IS NULL",
            column: columns.indicator,
            valueSql: "NULL",
            reason: "'missing indicator'",
          },
        ]
      : []),
    { isBad: "_area IS NULL", column: columns.area, valueSql: "NULL", reason: "'missing area code'" },
    { isBad: "_period IS NULL", column: columns.period, valueSql: "NULL", reason: "'missing period'" },
    {
      isBad: "_name IS NOT NULL AND _indicator_id IS NULL",
      column: columns.indicator ?? null,
      valueSql: "_name",
      reason: "'unknown indicator (not an id or source name in sources/catalogue/indicators.yaml)'",
    },
    {
      isBad: "_area IS NOT NULL AND _area_type IS NULL",
      column: columns.area,
      valueSql: "_area",
      reason: quoteLiteral(`unknown area code (not a known ${areaTypes.join(" or ")} in the loaded lookups)`),
    },
    ...fields.map((field) => ({
      isBad: `_${field}_bad`,
      column: columns[field]!,
      valueSql: `_${field}_raw`,
      reason: "'not a number'",
    })),
  ];
  if (columns.numerator)
    rules.push({
      isBad: "_numerator < 0",
      column: columns.numerator,
      valueSql: "_numerator::VARCHAR",
      reason: "'negative count'",
    });
  if (columns.denominator) {
    rules.push({
      isBad: "_denominator < 0",
      column: columns.denominator,
      valueSql: "_denominator::VARCHAR",
      reason: "'negative denominator'",
    });
  }
  if (columns.numerator && columns.denominator) {
    rules.push({
      isBad: "_value_type IN ('proportion', 'percentage') AND _numerator > _denominator",
      column: columns.numerator,
      valueSql: "_numerator::VARCHAR",
      reason: "'numerator above its denominator (' || _numerator || ' > ' || _denominator || ')'",
    });
  }
  rules.push({
    isBad: "_line <> _first_line",
    column: columns.area,
    valueSql: "_area",
    reason: "'duplicate of line ' || _first_line || ' (same indicator, area, period, sex and age)'",
  });
  return rules;
}

/**
 * How the observation view reads the typed rows in place (see pipelines/warehouse/observation-store.ts):
 * the columns that vary by row come from the typed rows; the source id, a single area type, sex and age
 * when the file has no such columns, and the period's first year are constants or expressions of the
 * view. When the file has no value column, every value is computed from the counts, so the note saying so
 * is added by the view too.
 */
export function typedObservationPart(
  options: ObservationsLongOptions,
  sourceId: string,
  areaTypes: readonly string[],
): ObservationPart {
  const fields = new Set(presentFields(options));
  const number = (field: NumericField) => (fields.has(field) ? `_${field}` : "NULL");
  const computed = `CASE WHEN ${number("numerator")} IS NOT NULL AND ${number("denominator")} > 0 THEN ${number("numerator")} / ${number("denominator")} * _multiplier
                         WHEN _value_type = 'count' THEN ${number("numerator")} END`;
  const noteFor = (field: NumericField) =>
    fields.has(field)
      ? `CASE WHEN _${field}_note IS NOT NULL THEN ${quoteLiteral(`${options.columns[field]}: `)} || _${field}_note END`
      : "NULL";
  const computedNote = "'value computed from numerator and denominator'";
  const hasValueColumn = fields.has("value");
  const notes = [options.columns.note ? "_note" : "NULL", noteFor("value"), noteFor("numerator")];
  if (hasValueColumn)
    notes.push(`CASE WHEN _value IS NULL AND (${computed}) IS NOT NULL THEN ${computedNote} END`);
  const stored: Record<string, string> = {
    indicator: "_indicator_id",
    area_code: "_area",
    period: "_period",
    value: `coalesce(${number("value")}, ${computed})`,
    note: `nullif(concat_ws('; ', ${notes.join(", ")}), '')`,
    source_line: "_line",
  };
  if (areaTypes.length > 1) stored.area_type = "_area_type";
  if (options.columns.sex) stored.sex = "_sex";
  if (options.columns.age) stored.age = "_age";
  for (const field of fields) if (field !== "value") stored[field] = `_${field}`;
  if (options.columns.comparison) stored.published_comparison = "_comparison";
  return {
    stored,
    derived: {
      period_year: periodYearSql("period"),
      source: quoteLiteral(sourceId),
      ...(areaTypes.length > 1 ? {} : { area_type: quoteLiteral(areaTypes[0]!) }),
      ...(options.columns.sex ? {} : { sex: "'Persons'" }),
      ...(options.columns.age ? {} : { age: "'All ages'" }),
      ...(hasValueColumn
        ? {}
        : {
            note: `nullif(concat_ws('; ', note, CASE WHEN value IS NOT NULL THEN ${computedNote} END), '')`,
          }),
    },
  };
}
