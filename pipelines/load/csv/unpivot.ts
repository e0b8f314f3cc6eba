/**
 * Wide → long: one staged row per file row becomes one row per group of cells (e.g. per domain: score,
 * rank, decile; per age band: count), so validation and loading are a few set-based rules however many
 * columns the file has. `_line` and the key columns are kept; each group's cells land in the same output
 * columns (`fields`), with NULL where a group lacks a field.
 */
import { quoteIdentifier, quoteLiteral } from "../../warehouse/warehouse.ts";

export interface CellGroup {
  /** The group's name in the output name column (e.g. a domain, an age band, an indicator id). */
  name: string;
  /** Source header for each field, in `fields` order; null when the group has no such column. */
  columns: (string | null)[];
}

/** FROM-clause SQL unpivoting `view` into (kept columns…, nameColumn, fields…). */
export function unpivotCells(
  view: string,
  keepColumns: string[],
  fields: string[],
  groups: CellGroup[],
  nameColumn: string,
): string {
  const selectList = ["_line", ...keepColumns.map(quoteIdentifier)];
  const tuples = groups.map((group, g) => {
    const cells = group.columns.map((column, f) => {
      const alias = `_cell_${g}_${f}`;
      selectList.push(`${column ? quoteIdentifier(column) : "NULL::VARCHAR"} AS ${alias}`);
      return alias;
    });
    return `(${cells.join(", ")}) AS ${quoteLiteral(group.name)}`;
  });
  return `(SELECT ${[...new Set(selectList)].join(", ")} FROM ${view})
    UNPIVOT INCLUDE NULLS ((${fields.map(quoteIdentifier).join(", ")}) FOR ${quoteIdentifier(nameColumn)} IN (${tuples.join(", ")}))`;
}

/** SQL giving the source header of `field` for each long row (for reject messages). */
export function headerOfCell(
  nameColumn: string,
  fields: string[],
  groups: CellGroup[],
  field: string,
): string {
  const index = fields.indexOf(field);
  const cases = groups
    .filter((group) => group.columns[index])
    .map((group) => `WHEN ${quoteLiteral(group.name)} THEN ${quoteLiteral(group.columns[index]!)}`);
  return cases.length > 0 ? `CASE ${quoteIdentifier(nameColumn)} ${cases.join(" ")} END` : "NULL";
}
