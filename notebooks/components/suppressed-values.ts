/**
 * Values suppressed by disclosure control: the site hands chart components rows in which a suppressed
 * number is its marker ("*" or "c") instead of a number. Such a value is not drawn — exactly like a missing
 * one, so no chart can show it — but the chart's data table shows the marker, so a reader tells a
 * suppressed value from a missing one. Components normalise their input with `drawable` once, note the
 * markers with `noteMarker`, and put them back into the table with `restoreMarkers`.
 */
import type { DataTable } from "./types.ts";

/** A number to draw, or null (missing, not finite, or a suppression marker). */
export function drawable(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Markers by table row key, then by table column index. */
export type Markers = Map<string, Map<number, string>>;

/** Records that the table row `key` shows `value`'s marker in `column`, when `value` is a marker. */
export function noteMarker(markers: Markers, key: string, column: number, value: unknown): void {
  if (typeof value !== "string" || value === "") return;
  const row = markers.get(key) ?? new Map<number, string>();
  markers.set(key, row.set(column, value));
}

/** `noteMarker` for values shown in consecutive table columns from `firstColumn`. */
export function noteMarkers(
  markers: Markers,
  key: string,
  firstColumn: number,
  values: readonly unknown[],
): void {
  values.forEach((value, index) => {
    noteMarker(markers, key, firstColumn + index, value);
  });
}

/** The table with each noted marker in place of the value drawing saw as missing. */
export function restoreMarkers(
  table: DataTable,
  keyOf: (row: DataTable["rows"][number]) => string,
  markers: Markers,
): DataTable {
  if (markers.size === 0) return table;
  return {
    columns: table.columns,
    rows: table.rows.map((row) => {
      const marked = markers.get(keyOf(row));
      return marked ? row.map((cell, index) => marked.get(index) ?? cell) : row;
    }),
  };
}
