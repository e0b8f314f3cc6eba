/**
 * The typed form of a long observations file: one pass turns the text into `_name, _area, _period, _sex,
 * _age` and, for each measure column present, `_<field>` (the number), `_<field>_note` (why it is missing,
 * when it is) and `_<field>_bad` with `_<field>_text` (the raw text, kept only when it is not a number).
 * Rules and the insert then work on these columns without converting text again.
 */
import { quoteLiteral } from "../../warehouse/warehouse.ts";
import type { RowRule } from "../csv/row-rules.ts";
import type { ColumnValues } from "../csv/sql-values.ts";
import { NUMERIC_FIELDS, type NumericField } from "../observation-fields.ts";
import type { ObservationsLongOptions } from "./observations-long.ts";

function presentFields(options: ObservationsLongOptions): NumericField[] {
  return NUMERIC_FIELDS.filter((field) => options.columns[field]);
}

/**
 * Select list over the file's text columns, applied while reading. Later items reuse earlier aliases
 * (DuckDB's lateral column aliases), so each cell is trimmed and converted once.
 */
export function typedObservationValues(
  values: ColumnValues,
  options: ObservationsLongOptions,
  markers: readonly string[],
): string {
  const { columns } = options;
  const parts = [
    `${columns.indicator ? values.text(columns.indicator) : quoteLiteral(options.indicator!)} AS _name`,
    `${values.text(columns.area)} AS _area`,
    `${values.text(columns.period)} AS _period`,
    `${columns.sex ? `coalesce(${values.text(columns.sex)}, 'Persons')` : "'Persons'"} AS _sex`,
    `${columns.age ? `coalesce(${values.text(columns.age)}, 'All ages')` : "'All ages'"} AS _age`,
    `${columns.note ? values.text(columns.note) : "NULL"} AS _note`,
    `${columns.comparison ? values.text(columns.comparison) : "NULL"} AS _comparison`,
  ];
  const markerList = [...new Set(["", ...markers])].map(quoteLiteral).join(", ");
  for (const field of presentFields(options)) {
    const cell = values.column(columns[field]!);
    parts.push(
      `coalesce(trim(${cell}) IN (${markerList}), true) AS _${field}_missing`,
      `CASE WHEN NOT _${field}_missing THEN TRY_CAST(replace(trim(${cell}), ',', '') AS DOUBLE) END AS _${field}`,
      `NOT _${field}_missing AND NOT coalesce(isfinite(_${field}), false) AS _${field}_bad`,
      `CASE WHEN _${field}_bad THEN ${cell} END AS _${field}_text`,
      `CASE WHEN _${field}_missing THEN CASE WHEN coalesce(trim(${cell}), '') = '' THEN 'missing in source' ELSE 'suppressed or missing in source (marker "' || trim(${cell}) || '")' END END AS _${field}_note`,
    );
  }
  return parts.join(",\n  ");
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
      valueSql: `_${field}_text`,
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

/** Select list for `INSERT INTO observation (OBSERVATION_COLUMNS)` from the accepted typed rows. */
export function typedObservationSelect(options: ObservationsLongOptions, sourceId: string): string {
  const fields = new Set(presentFields(options));
  const number = (field: NumericField) => (fields.has(field) ? `_${field}` : "NULL");
  const computed = `CASE WHEN ${number("numerator")} IS NOT NULL AND ${number("denominator")} > 0 THEN ${number("numerator")} / ${number("denominator")} * _multiplier
                         WHEN _value_type = 'count' THEN ${number("numerator")} END`;
  const noteFor = (field: NumericField) =>
    fields.has(field)
      ? `CASE WHEN _${field}_note IS NOT NULL THEN ${quoteLiteral(`${options.columns[field]}: `)} || _${field}_note END`
      : "NULL";
  const note = `nullif(concat_ws('; ', _note, ${noteFor("value")}, ${noteFor("numerator")},
      CASE WHEN ${number("value")} IS NULL AND (${computed}) IS NOT NULL THEN 'value computed from numerator and denominator' END), '')`;
  return [
    "_indicator_id",
    "_area",
    "_area_type",
    "_period",
    "TRY_CAST(substr(_period, 1, 4) AS INTEGER)",
    "_sex",
    "_age",
    number("numerator"),
    number("denominator"),
    `coalesce(${number("value")}, ${computed})`,
    number("lower95"),
    number("upper95"),
    number("lower998"),
    number("upper998"),
    "_comparison",
    note,
    quoteLiteral(sourceId),
    "_line",
  ].join(",\n       ");
}
