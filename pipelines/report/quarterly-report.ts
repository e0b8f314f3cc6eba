/**
 * The quarterly exception report (METHODS.md §7; DOMAIN.md "performance management"): zero-based — only
 * what is off track, at risk, or significantly worse than its comparator and getting worse — arranged by
 * the partnership's three performance levels:
 *
 * 1. **county board** (the Public Service Board): the county's own exceptions;
 * 2. **theme groups**: the six themes of the catalogue, each with the exceptions of its indicators at
 *    county, district and locality level;
 * 3. **district partnerships**: each district's LSP with the exceptions of the district and its
 *    localities.
 *
 * Every group is listed, and an empty one says "no exceptions" rather than disappearing. Selection is
 * `selectExceptions` (red, then amber, then benchmark-and-trend only).
 */
import { type SelectedException, selectExceptions } from "../../models/targets/index.ts";
import { THEMES } from "../catalogue/indicator-catalogue.ts";
import type { ReportItem } from "./exception-candidates.ts";

export const NO_EXCEPTIONS = "no exceptions";

export interface ReportGroup {
  /** Theme name or area code. */
  id: string;
  name: string;
  exceptions: SelectedException<ReportItem>[];
}

export interface ReportLevel {
  level: "county board" | "theme groups" | "district partnerships";
  title: string;
  groups: ReportGroup[];
}

export interface QuarterlyReport {
  title: string;
  period: string;
  county: { code: string; name: string };
  /** True when any listed exception is measured against an example (not agreed) target. */
  usesExampleTargets: boolean;
  /** How many items were looked at, and how many were exceptions (over all levels, counted once). */
  itemsReviewed: number;
  exceptionsFound: number;
  levels: ReportLevel[];
}

export interface ReportAreas {
  county: { code: string; name: string };
  districts: { code: string; name: string }[];
}

/** Arranges the items into the three levels. */
export function quarterlyReport(
  items: readonly ReportItem[],
  areas: ReportAreas,
  period: string,
): QuarterlyReport {
  const selected = selectExceptions(items);
  const pick = (keep: (item: ReportItem) => boolean) => selected.filter((exception) => keep(exception.item));
  const levels: ReportLevel[] = [
    {
      level: "county board",
      title: "County board (Public Service Board)",
      groups: [
        {
          id: areas.county.code,
          name: areas.county.name,
          exceptions: pick((item) => item.areaType === "county" && item.areaCode === areas.county.code),
        },
      ],
    },
    {
      level: "theme groups",
      title: "Theme groups",
      groups: THEMES.map((theme) => ({
        id: theme,
        name: theme,
        exceptions: pick((item) => item.theme === theme),
      })),
    },
    {
      level: "district partnerships",
      title: "District partnerships (LSPs)",
      groups: areas.districts.map((district) => ({
        id: district.code,
        name: district.name,
        exceptions: pick((item) => item.districtCode === district.code),
      })),
    },
  ];
  return {
    title: `Quarterly exception report: ${areas.county.name}`,
    period,
    county: areas.county,
    usesExampleTargets: selected.some((exception) => exception.item.exampleTarget === true),
    itemsReviewed: items.length,
    exceptionsFound: selected.length,
    levels,
  };
}
