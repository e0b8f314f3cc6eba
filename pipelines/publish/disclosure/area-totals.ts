/**
 * Row totals from the area hierarchy (localities add up to their district, districts to the county, and
 * localities to the county in a table without districts), for any table of areas with count columns.
 * A group makes an equation only when the table shows every child of the total (a child it leaves out is
 * unknown to the reader, so the sum tells nothing exact), and groups are per value of the table's grouping
 * columns (indicator, period, sex …) so one declaration serves a long table.
 */
import type { RowTotal, TableRow } from "./disclosure-types.ts";

export interface AreaHierarchy {
  /** Type of each area: locality, district or county. */
  typeOf: ReadonlyMap<string, string>;
  /** Direct parent: locality → district, district → county. */
  parentOf: ReadonlyMap<string, string>;
  /** The county of a locality or district. */
  countyOf: ReadonlyMap<string, string>;
  /** Children by parent and type: district → its localities, county → its districts and its localities. */
  childrenOf: ReadonlyMap<string, { locality: readonly string[]; district: readonly string[] }>;
}

export const EMPTY_HIERARCHY: AreaHierarchy = {
  typeOf: new Map(),
  parentOf: new Map(),
  countyOf: new Map(),
  childrenOf: new Map(),
};

/** Columns that tell the groups of a long table apart (those present are used). */
export const GROUP_COLUMNS = [
  "indicator",
  "period",
  "sex",
  "age",
  "edition",
  "index_id",
  "domain",
  "year",
  "quantile_scheme",
  "quantiles",
  "scenario_id",
];

/**
 * The hierarchy's row totals for `columns` of `rows` (area code in `areaColumn`); none when the table has
 * an area twice in one group (then it is not a table of areas, and no sum can be trusted).
 */
export function areaTotals(
  rows: readonly TableRow[],
  columns: readonly string[],
  hierarchy: AreaHierarchy,
  areaColumn = "area_code",
): RowTotal[] {
  if (columns.length === 0 || rows.length === 0) return [];
  const present = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const grouping = GROUP_COLUMNS.filter((column) => present.includes(column));
  const groupOf = (row: TableRow) => grouping.map((column) => String(row[column] ?? "")).join("\u0000");
  const codeOf = (row: TableRow) => String(row[areaColumn] ?? "");
  const shown = new Map<string, Set<string>>();
  for (const row of rows) {
    const code = codeOf(row);
    if (!hierarchy.typeOf.has(code)) continue;
    const codes = shown.get(groupOf(row)) ?? new Set<string>();
    if (codes.has(code)) return [];
    shown.set(groupOf(row), codes.add(code));
  }
  const complete = (group: string, parent: string, type: "locality" | "district") => {
    const children = hierarchy.childrenOf.get(parent)?.[type] ?? [];
    const codes = shown.get(group);
    return children.length > 0 && codes !== undefined && children.every((child) => codes.has(child));
  };
  const hasDistricts = (group: string) =>
    [...(shown.get(group) ?? [])].some((code) => hierarchy.typeOf.get(code) === "district");
  const relation = (
    childType: "locality" | "district",
    parentOf: (code: string) => string | undefined,
    parentType: string,
    applies: (group: string) => boolean = () => true,
  ): RowTotal => ({
    kind: "rows",
    columns,
    partOf: (row) => {
      const code = codeOf(row);
      if (hierarchy.typeOf.get(code) !== childType) return null;
      const parent = parentOf(code);
      const group = groupOf(row);
      return parent && applies(group) && complete(group, parent, childType)
        ? `${group}\u0001${parent}`
        : null;
    },
    totalOf: (row) => {
      const code = codeOf(row);
      return hierarchy.typeOf.get(code) === parentType ? `${groupOf(row)}\u0001${code}` : null;
    },
  });
  return [
    relation("locality", (code) => hierarchy.parentOf.get(code), "district"),
    relation("district", (code) => hierarchy.parentOf.get(code), "county"),
    relation(
      "locality",
      (code) => hierarchy.countyOf.get(code),
      "county",
      (group) => !hasDistricts(group),
    ),
  ];
}
