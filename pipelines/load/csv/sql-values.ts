/**
 * SQL expressions that turn staged text into values, in one place so every adapter treats missing and
 * suppressed markers the same way: a marker (`*`, `c`, `x`, `..`, `-`, empty, `NA` …) becomes NULL with a
 * note, never 0; "1,296" is 1296; anything else that is not a number is a rejected row, never a silent NULL.
 */
import { quoteIdentifier, quoteLiteral } from "../../warehouse/warehouse.ts";

/**
 * True when `text` is one of `markers` (or empty). A list lookup rather than `IN (…)`, which DuckDB runs as
 * a join per expression (a third of the time of a wide file's insert).
 */
export function isMarkerSql(text: string, markers: readonly string[]): string {
  const list = [...new Set(["", ...markers])].map(quoteLiteral).join(", ");
  return `list_contains([${list}], ${text})`;
}

export class ColumnValues {
  constructor(private readonly markers: readonly string[]) {}

  /** The staged column, referenced by its header name. */
  column(name: string): string {
    return quoteIdentifier(name);
  }

  /**
   * Trimmed text, NULL when empty or absent. Trimming copies every string, which costs about a second per
   * column of a 16M-row file, so only cells that could change are trimmed: empty, starting or ending with a
   * space, or holding non-ASCII characters (DuckDB's trim also removes Unicode spaces; of ASCII, only the space).
   */
  text(name: string): string {
    const cell = this.column(name);
    return `CASE WHEN ${cell} = '' OR ${cell} LIKE ' %' OR ${cell} LIKE '% ' OR strlen(${cell}) <> length(${cell})
              THEN nullif(trim(${cell}), '') ELSE ${cell} END`;
  }

  /** True when the cell holds a missing/suppressed marker (or nothing). */
  isMissing(name: string): string {
    return `(${this.column(name)} IS NULL OR ${isMarkerSql(`trim(${this.column(name)})`, this.markers)} OR trim(${this.column(name)}) = '')`;
  }

  /**
   * The number in the cell (thousands separators removed), NULL when missing or not a number. Markers are
   * never numbers, so they need no separate test here; `isNotANumber` rejects anything else that is not a
   * finite number before this is used.
   */
  number(name: string): string {
    // Most cells cast as they are (the cast allows surrounding ASCII spaces); only the rest are copied
    // to drop separators and Unicode spaces, which is several times slower.
    const cell = this.column(name);
    return `coalesce(TRY_CAST(${cell} AS DOUBLE), TRY_CAST(replace(trim(${cell}), ',', '') AS DOUBLE))`;
  }

  /** True when the cell is present, not a marker, and not a finite number: a reject. */
  isNotANumber(name: string): string {
    return `(NOT ${this.isMissing(name)} AND NOT coalesce(isfinite(${this.number(name)}), false))`;
  }

  /** A note explaining why the value is NULL, or NULL when it is present. */
  missingNote(name: string): string {
    const cell = this.column(name);
    return `CASE WHEN ${cell} IS NULL OR trim(${cell}) = '' THEN 'missing in source' WHEN ${this.isMissing(name)} THEN 'suppressed or missing in source (marker "' || trim(${cell}) || '")' END`;
  }

  /** The first non-NULL note among several columns' notes. */
  notes(names: string[]): string {
    if (names.length === 0) return "NULL";
    return `concat_ws('; ', ${names.map((name) => `CASE WHEN ${this.isMissing(name)} THEN ${quoteLiteral(`${name}: `)} || (${this.missingNote(name)}) END`).join(", ")})`;
  }
}
