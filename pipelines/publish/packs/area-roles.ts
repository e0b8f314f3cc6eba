/**
 * The areas a pack's tables show, each with its role: the focus areas first, then the area they make up
 * (the headline area), the localities or districts around them, the county and England as comparators.
 * Each area appears once, with its first role.
 */
import type { RowTotal } from "../disclosure/index.ts";
import type { PackArea, PackContext } from "./pack-context.ts";

export type AreaRole = "focus" | "whole" | "locality" | "district" | "peer" | "county" | "England";

export interface RoleArea extends PackArea {
  role: AreaRole;
}

export const ROLE_LABELS: Record<AreaRole, string> = {
  focus: "focus area",
  whole: "whole area",
  locality: "locality",
  district: "district",
  peer: "other district",
  county: "county",
  England: "England",
};

export interface RoleOptions {
  localities?: boolean;
  districts?: boolean;
  /** Also every other district of the county (for indicators published for districts only). */
  peers?: boolean;
  england?: boolean;
}

export function areasWithRoles(context: PackContext, options: RoleOptions = {}): RoleArea[] {
  const { localities = false, districts = true, peers = false, england = false } = options;
  const listed: RoleArea[] = [];
  const add = (areas: readonly PackArea[], role: AreaRole) => {
    for (const area of areas)
      if (!listed.some((known) => known.code === area.code)) listed.push({ ...area, role });
  };
  add(context.focus, "focus");
  add([context.headline], "whole");
  if (localities) add(context.localities, "locality");
  if (districts) add(context.districts, "district");
  if (peers) add(context.countyDistricts, "peer");
  add([context.county], "county");
  if (england && context.england) add([context.england], "England");
  return listed;
}

/** Position of a role in tables (focus areas first, England last). */
export function roleOrder(role: string): number {
  const order = ["focus", "whole", "locality", "district", "peer", "county", "England"].indexOf(role);
  return order < 0 ? 9 : order;
}

/**
 * Row totals for disclosure control from the area hierarchy: localities add up to their district and
 * districts to the county (localities to the county directly when a table has no districts). Priority
 * areas overlap localities and are never parts. Groups are per indicator and period, so one declaration
 * serves a table of several indicators. Where a sum is not exact (best-fitted small areas) the equation
 * only makes protection more cautious.
 */
export function nestingTotals(
  context: PackContext,
  rows: readonly Readonly<Record<string, unknown>>[],
  columns: readonly string[],
): RowTotal[] {
  const group = (row: Readonly<Record<string, unknown>>, code: string) =>
    `${String(row.indicator ?? "")}|${String(row.period ?? "")}|${code}`;
  const parent = (row: Readonly<Record<string, unknown>>, type: "district" | "county") =>
    context.parentOf.get(String(row.area_code))?.[type];
  const hasDistricts = rows.some((row) => row.area_type === "district");
  const relation = (childType: string, parentType: "district" | "county"): RowTotal => ({
    kind: "rows",
    columns,
    partOf: (row) => {
      const code = row.area_type === childType ? parent(row, parentType) : undefined;
      return code ? group(row, code) : null;
    },
    totalOf: (row) => (row.area_type === parentType ? group(row, String(row.area_code)) : null),
  });
  return [
    relation("locality", "district"),
    relation("district", "county"),
    ...(hasDistricts ? [] : [relation("locality", "county")]),
  ];
}
